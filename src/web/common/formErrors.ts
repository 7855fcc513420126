import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client.ts';

/**
 * Shows an API error: field problems next to their fields (via `setFieldError`), anything
 * else as a notification. Returns the message for inline display.
 */
export function showApiError(error: unknown, setFieldError?: (path: string, message: string) => void): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    const fields = error.fieldErrors();
    const paths = Object.keys(fields);
    if (setFieldError && paths.length > 0) {
      for (const path of paths) setFieldError(path, fields[path] ?? 'Invalid');
      return message;
    }
  }
  notifications.show({ color: 'red', title: 'That did not work', message });
  return message;
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}
