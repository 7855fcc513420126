import { IconBolt, IconCode, IconGitBranch, IconPlug, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export const CATEGORY_ORDER = ['trigger', 'logic', 'code', 'human', 'connector'] as const;

export const CATEGORY_TITLES: Record<string, string> = {
  trigger: 'Triggers',
  logic: 'Logic',
  code: 'Code',
  human: 'People',
  connector: 'Connectors',
};

/** The icon of a step category (palette and canvas). */
export function categoryIcon(category: string | undefined, size = 16): ReactNode {
  switch (category) {
    case 'trigger':
      return <IconBolt size={size} aria-hidden />;
    case 'code':
      return <IconCode size={size} aria-hidden />;
    case 'human':
      return <IconUser size={size} aria-hidden />;
    case 'connector':
      return <IconPlug size={size} aria-hidden />;
    default:
      return <IconGitBranch size={size} aria-hidden />;
  }
}
