import { useGlobalPermissions } from './useGlobalPermissions.ts';

/** Whether the signed-in user holds a permission globally (the server checks again on every call). */
export function useCan(permission: string): boolean {
  return useGlobalPermissions().has(permission);
}
