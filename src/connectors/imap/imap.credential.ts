import { z } from 'zod';
import { defineCredentialType } from '../sdk.ts';
import { withImap } from './imap-session.ts';

export const imapCredential = defineCredentialType({
  key: 'imap',
  title: 'IMAP mailbox',
  secretFields: ['password'],
  fields: z.object({
    host: z.string().min(1).max(253).describe('IMAP server host name, e.g. imap.example.com'),
    port: z.number().int().min(1).max(65535).default(993).describe('Port: 993 (TLS) or 143 (STARTTLS)'),
    secure: z.boolean().default(true).describe('TLS from the first byte (port 993); otherwise STARTTLS is used when offered'),
    user: z.string().min(1).max(512).describe('User name, often the e-mail address'),
    password: z.string().max(1024).describe('Password (or app password)'),
    allowSelfSigned: z.boolean().default(false).describe('Accept a self-signed TLS certificate (internal servers only)'),
  }),
  async test(values, ctx) {
    await withImap(values, ctx.signal, async () => {});
  },
});
