import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: () => get<{ needsSetup: boolean }>('/api/v1/setup') });
}
