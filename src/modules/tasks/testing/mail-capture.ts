import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  /** The message with quoted-printable soft line breaks and escapes undone. */
  text: string;
}

/** Undoes quoted-printable encoding (soft line breaks, =XX escapes) over a whole raw message. */
export function decodeQuotedPrintable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** A real SMTP server on 127.0.0.1 that keeps every message it receives. */
export async function startMailCapture(): Promise<{ port: number; mails: CapturedMail[]; close(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** The one-click link a task e-mail labels `Approve`, `Reject` or `Open task` (from its text part). */
export function linkIn(mail: CapturedMail, label: 'Approve' | 'Reject' | 'Open task'): string {
  const match = new RegExp(`^${label}: (\\S+/act/[A-Za-z0-9_-]{43})\\r?$`, 'm').exec(mail.text);
  if (!match?.[1]) throw new Error(`no "${label}" link in the mail to ${mail.to.join(', ')}`);
  return match[1];
}

/** The token at the end of a link. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
