import { defineConnector } from '../sdk.ts';
import { imapCredential } from './imap.credential.ts';
import { newEmailTrigger } from './new-email.trigger.ts';

export const imapConnector = defineConnector({
  key: 'imap',
  title: 'E-mail inbox (IMAP)',
  description: 'Start workflows from e-mails arriving in an IMAP mailbox folder.',
  credentials: [imapCredential],
  actions: [],
  triggers: [newEmailTrigger],
});
