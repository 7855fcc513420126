import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { Page, Team } from '../api/types.ts';

/** Teams as select options (the first 200, by name). */
export function useTeamOptions() {
  const { data } = useQuery({ queryKey: ['teams', 'options'], queryFn: () => get<Page<Team>>('/api/v1/teams', { limit: 200 }) });
  return (data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
}
