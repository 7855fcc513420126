import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { z } from 'zod';
import { defineTrigger, requireCredential } from '../sdk.ts';
import { imapCredential } from './imap.credential.ts';
import { withImap } from './imap-session.ts';
import { type MimeNode, messageParts } from './mime-parts.domain.ts';

const stateSchema = z.object({ uidValidity: z.string(), lastUid: z.number().int().min(0) });
export type NewEmailState = z.infer<typeof stateSchema>;

const MAX_BODY = 1024 * 1024;

async function readPart(client: ImapFlow, uid: number, part: string | null): Promise<string | null> {
  if (!part) return null;
  const download = await client.download(String(uid), part, { uid: true, maxBytes: MAX_BODY });
  if (!('content' in download) || !download.content) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of download.content) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const addressList = (list: { name?: string | undefined; address?: string | undefined }[] | undefined) =>
  (list ?? []).map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));

export const newEmailTrigger = defineTrigger({
  key: 'new_email',
  title: 'New e-mail',
  description:
    'Starts a run for every message that arrives in an IMAP folder (checked by UID, so nothing is missed or repeated). Messages already there when the trigger starts are skipped.',
  credential: { type: imapCredential.key, required: true },
  config: z.object({
    folder: z.string().min(1).max(500).default('INBOX').describe('Folder to watch, e.g. INBOX or Orders/New'),
    markSeen: z.boolean().default(false).describe('Mark each picked-up message as read'),
    maxPerPoll: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(20)
      .describe('At most this many messages per check; the rest come on the next check'),
  }),
  async poll(config, ctx) {
    const settings = requireCredential(ctx, imapCredential);
    const previous = stateSchema.safeParse(ctx.state);
    return withImap(settings, ctx.signal, async (client) => {
      const box = await client.mailboxOpen(config.folder, { readOnly: !config.markSeen });
      const uidValidity = String(box.uidValidity);
      // First poll, or the server renumbered the folder: start from the newest message.
      if (!previous.success || previous.data.uidValidity !== uidValidity) {
        if (previous.success)
          ctx.log.warn('The IMAP folder was renumbered (UIDVALIDITY changed); continuing from the newest message.', {
            folder: config.folder,
          });
        return { items: [], state: { uidValidity, lastUid: Math.max(0, box.uidNext - 1) } satisfies NewEmailState };
      }
      const lastUid = previous.data.lastUid;
      if (box.uidNext <= lastUid + 1) return { items: [], state: previous.data };
      const found: { uid: number; envelope: FetchMessageObject['envelope']; structure: MimeNode; flags: string[] }[] = [];
      // Commands may not run inside a fetch loop: collect first, download afterwards.
      for await (const msg of client.fetch(
        `${lastUid + 1}:*`,
        { uid: true, envelope: true, bodyStructure: true, flags: true },
        { uid: true },
      )) {
        if (msg.uid > lastUid)
          found.push({ uid: msg.uid, envelope: msg.envelope, structure: msg.bodyStructure as MimeNode, flags: [...(msg.flags ?? [])] });
      }
      found.sort((a, b) => a.uid - b.uid);
      const batch = found.slice(0, config.maxPerPoll);
      const items: { dedupeKey: string; data: unknown }[] = [];
      for (const msg of batch) {
        const parts = messageParts(msg.structure);
        items.push({
          dedupeKey: `${uidValidity}:${msg.uid}`,
          data: {
            uid: msg.uid,
            folder: config.folder,
            messageId: msg.envelope?.messageId ?? null,
            subject: msg.envelope?.subject ?? '',
            date: msg.envelope?.date ? new Date(msg.envelope.date).toISOString() : null,
            from: addressList(msg.envelope?.from),
            to: addressList(msg.envelope?.to),
            cc: addressList(msg.envelope?.cc),
            replyTo: addressList(msg.envelope?.replyTo),
            text: await readPart(client, msg.uid, parts.text),
            html: await readPart(client, msg.uid, parts.html),
            attachments: parts.attachments,
            seen: msg.flags.includes('\\Seen') || config.markSeen,
          },
        });
      }
      if (config.markSeen && batch.length > 0)
        await client.messageFlagsAdd(
          batch.map((m) => m.uid),
          ['\\Seen'],
          { uid: true },
        );
      const newest = batch.at(-1)?.uid ?? lastUid;
      return { items, state: { uidValidity, lastUid: newest } satisfies NewEmailState };
    });
  },
});
