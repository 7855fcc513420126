import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { Role } from '../api/types.ts';

export function useRoleCatalogue() {
  return useQuery({ queryKey: ['roles'], queryFn: () => get<Role[]>('/api/v1/roles'), staleTime: Number.POSITIVE_INFINITY });
}
