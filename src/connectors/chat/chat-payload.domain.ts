export type ChatFlavour = 'slack' | 'teams' | 'mattermost';

export interface ChatMessage {
  text: string;
  title?: string | undefined;
  fields?: { name: string; value: string; short?: boolean | undefined }[] | undefined;
  /** Mattermost and Slack (legacy webhooks) may show another sender name. */
  username?: string | undefined;
}

/** Slack: Block Kit (header, section, fields), with `text` as the notification fallback. */
function slack(m: ChatMessage): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [];
  if (m.title) blocks.push({ type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150) } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: m.text.slice(0, 3000) } });
  // A section holds at most 10 fields.
  const fields = m.fields ?? [];
  for (let i = 0; i < fields.length; i += 10) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + 10).map((f) => ({ type: 'mrkdwn', text: `*${f.name}*\n${f.value}`.slice(0, 2000) })),
    });
  }
  return { text: m.title ? `${m.title}: ${m.text}` : m.text, blocks, ...(m.username ? { username: m.username } : {}) };
}

/** Microsoft Teams (Workflows / Power Automate webhooks): an Adaptive Card with a FactSet. */
function teams(m: ChatMessage): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (m.title) body.push({ type: 'TextBlock', text: m.title, weight: 'Bolder', size: 'Medium', wrap: true });
  body.push({ type: 'TextBlock', text: m.text, wrap: true });
  if (m.fields?.length) body.push({ type: 'FactSet', facts: m.fields.map((f) => ({ title: f.name, value: f.value })) });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body },
      },
    ],
  };
}

/** Mattermost: text plus a Slack-style attachment carrying title and fields. */
function mattermost(m: ChatMessage): Record<string, unknown> {
  const payload: Record<string, unknown> = { text: m.text };
  if (m.username) payload.username = m.username;
  if (m.title || m.fields?.length) {
    payload.attachments = [
      {
        fallback: m.title ?? m.text,
        ...(m.title ? { title: m.title } : {}),
        fields: (m.fields ?? []).map((f) => ({ title: f.name, value: f.value, short: f.short ?? true })),
      },
    ];
  }
  return payload;
}

/** The JSON an incoming webhook of `flavour` expects for `message`. */
export function chatPayload(flavour: ChatFlavour, message: ChatMessage): Record<string, unknown> {
  if (flavour === 'slack') return slack(message);
  if (flavour === 'teams') return teams(message);
  return mattermost(message);
}
