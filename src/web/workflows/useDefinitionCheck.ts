import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { post } from '../api/client.ts';
import type { ValidationIssue, WorkflowDefinition } from '../api/workflowTypes.ts';

/** Checks the definition on the server as it is edited (debounced); keeps the last answer meanwhile. */
export function useDefinitionCheck(definition: WorkflowDefinition) {
  const json = JSON.stringify(definition);
  const [debounced] = useDebouncedValue(json, 500);
  return useQuery({
    queryKey: ['workflow-check', debounced],
    queryFn: () => post<{ ok: boolean; issues: ValidationIssue[] }>('/api/v1/workflows/validate', { definition: JSON.parse(debounced) }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
