import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { CredentialTypeInfo } from '../api/credentialTypes.ts';
import type { JsonSchema } from '../api/workflowTypes.ts';

interface ConnectorInfo {
  title: string;
  credentialTypes: { key: string; title: string; secretFields: string[]; schema: JsonSchema }[];
}

/** Every credential type of the installed connectors; they change only with the server. */
export function useCredentialTypes() {
  return useQuery({
    queryKey: ['credential-types'],
    queryFn: async () =>
      (await get<ConnectorInfo[]>('/api/v1/connectors')).flatMap((c) =>
        c.credentialTypes.map((t): CredentialTypeInfo => ({ ...t, connectorTitle: c.title })),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
