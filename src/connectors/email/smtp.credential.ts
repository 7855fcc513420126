import { z } from 'zod';
import { defineCredentialType } from '../sdk.ts';
import { smtpError } from './smtp-errors.ts';
import { createSmtpTransport } from './smtp-pool.ts';

export const smtpCredential = defineCredentialType({
  key: 'smtp',
  title: 'SMTP server',
  secretFields: ['password'],
  fields: z.object({
    host: z.string().min(1).max(253).describe('SMTP server host name, e.g. smtp.example.com'),
    port: z.number().int().min(1).max(65535).default(587).describe('Port: 587 (STARTTLS), 465 (TLS) or 25'),
    secure: z.boolean().default(false).describe('TLS from the first byte (port 465); otherwise STARTTLS is used when offered'),
    user: z.string().max(512).optional().describe('User name; leave empty for a relay without authentication'),
    password: z.string().max(1024).optional().describe('Password'),
    from: z.string().max(320).optional().describe('Default sender, e.g. "Bakery Ltd <orders@bakery.example>"'),
    allowSelfSigned: z.boolean().default(false).describe('Accept a self-signed TLS certificate (internal relays only)'),
  }),
  async test(values) {
    const transport = createSmtpTransport(values, { pool: false });
    try {
      await transport.verify();
    } catch (error) {
      throw smtpError(error, values.host);
    } finally {
      transport.close();
    }
  },
});
