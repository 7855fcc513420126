import { defineConnector } from '../sdk.ts';
import { sendEmailAction } from './send.action.ts';
import { smtpCredential } from './smtp.credential.ts';

export const emailConnector = defineConnector({
  key: 'email',
  title: 'E-mail (SMTP)',
  description: 'Send e-mails with attachments through your SMTP server.',
  credentials: [smtpCredential],
  actions: [sendEmailAction],
  triggers: [],
});
