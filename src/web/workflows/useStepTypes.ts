import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { StepTypeInfo } from '../api/workflowTypes.ts';

/** Every installed step type (the palette and the step forms); they change only with the server. */
export function useStepTypes() {
  return useQuery({
    queryKey: ['step-types'],
    queryFn: async () => (await get<{ items: StepTypeInfo[] }>('/api/v1/step-types')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
