import { Alert } from '@mantine/core';

/** Why a page's data could not be loaded (nothing when there is no error). */
export function ErrorAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" title="Could not load this" role="alert" mb="md">
      {error.message}
    </Alert>
  );
}
