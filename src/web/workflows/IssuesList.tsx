import { Alert, Anchor, List, Text } from '@mantine/core';
import type { ValidationIssue } from '../api/workflowTypes.ts';

/** Every validation problem; a problem of a step or connection selects it on the canvas. */
export function IssuesList({
  issues,
  nodeName,
  onSelect,
}: {
  issues: ValidationIssue[];
  nodeName: (id: string) => string | undefined;
  onSelect: (issue: ValidationIssue) => void;
}) {
  if (issues.length === 0) return null;
  return (
    <Alert
      color="red"
      title={issues.length === 1 ? '1 problem to fix before saving' : `${issues.length} problems to fix before saving`}
      mt="sm"
      data-testid="workflow-issues"
    >
      <List size="sm" spacing={2}>
        {issues.map((issue) => {
          const where = issue.nodeId ? (nodeName(issue.nodeId) ?? issue.nodeId) : issue.path.startsWith('edges.') ? 'Connection' : null;
          return (
            <List.Item key={`${issue.path}-${issue.code}-${issue.message}`}>
              {where ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onSelect(issue)} fw={600}>
                  {where}
                </Anchor>
              ) : null}
              {where ? ': ' : ''}
              <Text span size="sm">
                {issue.message}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                ({issue.code} at {issue.path})
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
