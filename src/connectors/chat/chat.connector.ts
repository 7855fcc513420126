import { defineConnector } from '../sdk.ts';
import { chatWebhookCredential } from './chat-webhook.credential.ts';
import { sendChatAction } from './send.action.ts';

export const chatConnector = defineConnector({
  key: 'chat',
  title: 'Chat (Slack, Teams, Mattermost)',
  description: 'Send messages to a team chat channel through an incoming webhook.',
  credentials: [chatWebhookCredential],
  actions: [sendChatAction],
  triggers: [],
});
