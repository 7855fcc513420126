import { z } from 'zod';
import { hideUrl, httpStatusError } from '../connector-errors.ts';
import { defineAction, requireCredential } from '../sdk.ts';
import { chatPayload } from './chat-payload.domain.ts';
import { chatWebhookCredential } from './chat-webhook.credential.ts';

export const sendChatAction = defineAction({
  key: 'send',
  title: 'Send a chat message',
  description: 'Posts a message to a Slack, Microsoft Teams or Mattermost channel through its incoming webhook.',
  credential: { type: chatWebhookCredential.key, required: true },
  input: z.object({
    text: z.string().min(1).max(30_000).describe('Message text (Markdown where the chat supports it)'),
    title: z.string().max(150).optional().describe('Bold heading above the text'),
    fields: z
      .array(
        z.object({
          name: z.string().min(1).max(100).describe('Label'),
          value: z.string().max(2000).describe('Value'),
          short: z.boolean().optional().describe('Show side by side with the next field (Mattermost)'),
        }),
      )
      .max(50)
      .optional()
      .describe('Label/value pairs shown as a table'),
    username: z.string().max(80).optional().describe('Sender name to show, where the webhook allows it'),
  }),
  output: z.object({
    status: z.number().int().describe('HTTP status of the webhook answer'),
    response: z.string().describe('The webhook answer, as text'),
  }),
  async run(input, ctx) {
    const hook = requireCredential(ctx, chatWebhookCredential);
    const shownAs = `the ${hook.flavour} webhook`;
    const res = await ctx.http
      .request({
        method: 'POST',
        url: hook.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chatPayload(hook.flavour, input)),
        signal: ctx.signal,
      })
      .catch((error: unknown) => {
        throw hideUrl(error, hook.url, shownAs);
      });
    if (res.status >= 300) throw httpStatusError('POST', hook.url, res.status, res.text(), shownAs);
    return { status: res.status, response: res.text().slice(0, 2000) };
  },
});
