import { z } from 'zod';
import { defineCredentialType } from '../sdk.ts';

export const chatWebhookCredential = defineCredentialType({
  key: 'chat_webhook',
  title: 'Chat incoming webhook',
  // The webhook URL is itself the secret: whoever has it can post to the channel.
  secretFields: ['url'],
  fields: z.object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .describe('Incoming webhook URL from Slack, Teams (Workflows) or Mattermost'),
    flavour: z.enum(['slack', 'teams', 'mattermost']).describe('Which chat product the webhook belongs to'),
  }),
  // Posting a test message would spam the channel; only the URL's shape is checked.
  async test() {},
});
