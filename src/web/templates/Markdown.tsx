import { Anchor, Code, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from './markdown.ts';

function inlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    const key = `${i}-${n.type}`;
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return <Code key={key}>{n.text}</Code>;
      case 'strong':
        return <strong key={key}>{inlines(n.children)}</strong>;
      case 'em':
        return <em key={key}>{inlines(n.children)}</em>;
      case 'link': {
        const external = !n.href.startsWith('/') && !n.href.startsWith('#');
        return (
          <Anchor key={key} href={n.href} {...(external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}>
            {inlines(n.children)}
          </Anchor>
        );
      }
      default:
        return null;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  const key = `${i}-${b.type}`;
  if (b.type === 'heading') {
    // The page title is the h1: documentation headings start one level below.
    const order = Math.min(6, b.level + 1) as 2 | 3 | 4 | 5 | 6;
    return (
      <Title key={key} order={order} size={order <= 2 ? 'h3' : 'h4'}>
        {inlines(b.children)}
      </Title>
    );
  }
  if (b.type === 'paragraph') return <Text key={key}>{inlines(b.children)}</Text>;
  if (b.type === 'code') {
    return (
      <Code key={key} block>
        {b.text}
      </Code>
    );
  }
  return (
    <List key={key} type={b.ordered ? 'ordered' : 'unordered'}>
      {b.items.map((item, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity besides their position
        <List.Item key={j}>{inlines(item)}</List.Item>
      ))}
    </List>
  );
}

/** Template documentation: the safe Markdown subset of markdown.ts, rendered as React elements (no HTML is ever injected). */
export function Markdown({ source }: { source: string }) {
  return (
    <Stack gap="xs" data-testid="markdown">
      {parseMarkdown(source).map(block)}
    </Stack>
  );
}
