import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { abortable } from '../abortable.ts';
import { defineAction, requireCredential } from '../sdk.ts';
import { smtpCredential } from './smtp.credential.ts';
import { smtpError } from './smtp-errors.ts';
import { smtpPool } from './smtp-pool.ts';

const addresses = (what: string) =>
  z
    .union([z.string().min(3).max(2000), z.array(z.string().min(3).max(320)).max(500)])
    .describe(`${what}: one address, a comma-separated list, or a list (Name <a@b.example> allowed)`);

const attachment = z.object({
  filename: z.string().min(1).max(255).describe('File name shown to the recipient'),
  content: z.string().max(30_000_000).describe('The content, as text or base64'),
  encoding: z.enum(['text', 'base64']).default('text').describe('How content is encoded'),
  contentType: z.string().max(200).optional().describe('MIME type (guessed from the file name when empty)'),
});

export const sendEmailAction = defineAction({
  key: 'send',
  title: 'Send an e-mail',
  description: 'Sends an e-mail through an SMTP server (connections are pooled per credential).',
  credential: { type: smtpCredential.key, required: true },
  input: z
    .object({
      from: z.string().max(320).optional().describe("Sender; the credential's default sender when empty"),
      to: addresses('Recipients'),
      cc: addresses('Copy to').optional(),
      bcc: addresses('Blind copy to').optional(),
      replyTo: z.string().max(320).optional().describe('Reply-To address'),
      subject: z.string().max(998).describe('Subject'),
      text: z.string().max(10_000_000).optional().describe('Plain-text body'),
      html: z.string().max(10_000_000).optional().describe('HTML body (shown by most mail programs instead of text)'),
      attachments: z.array(attachment).max(50).default([]).describe('Files to attach'),
    })
    .refine((v) => v.text !== undefined || v.html !== undefined, { message: 'Give a text or an HTML body', path: ['text'] }),
  output: z.object({
    messageId: z.string().describe('Message-ID header of the sent message'),
    accepted: z.array(z.string()).describe('Recipients the server accepted'),
    rejected: z.array(z.string()).describe('Recipients the server refused'),
    response: z.string().describe("The server's last answer"),
  }),
  async run(input, ctx) {
    const smtp = requireCredential(ctx, smtpCredential);
    const from = input.from ?? smtp.from ?? smtp.user;
    if (!from) {
      throw new AppError('STEP_INPUT_INVALID', {
        status: 400,
        userMessage: 'No sender: give "from", or a default sender in the SMTP credential.',
        details: { issues: [{ path: 'from', message: 'Required', code: 'invalid_type' }] },
        retryable: false,
      });
    }
    // Derived from the idempotency key, so a retried send carries the same Message-ID and
    // receiving systems can drop the duplicate.
    const messageId = `<${createHash('sha256').update(ctx.idempotencyKey).digest('hex').slice(0, 32)}@symbiont>`;
    const send = smtpPool(smtp).sendMail({
      from,
      to: input.to,
      cc: input.cc,
      bcc: input.bcc,
      replyTo: input.replyTo,
      subject: input.subject,
      text: input.text,
      html: input.html,
      messageId,
      attachments: input.attachments.map((a) => ({
        filename: a.filename,
        content: Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8'),
        contentType: a.contentType,
      })),
    });
    let info: Awaited<typeof send>;
    try {
      info = await abortable(send, ctx.signal);
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      throw smtpError(error, smtp.host);
    }
    const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : (x as { address: string }).address)) : []);
    return {
      messageId: info.messageId ?? messageId,
      accepted: list(info.accepted),
      rejected: list(info.rejected),
      response: String(info.response ?? ''),
    };
  },
});
