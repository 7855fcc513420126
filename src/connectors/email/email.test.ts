import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { runAction } from '../run-action.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { sendEmailAction } from './send.action.ts';
import { smtpCredential } from './smtp.credential.ts';
import { closeSmtpPools, smtpPoolCount } from './smtp-pool.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

describe('email connector against a local SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  let ctx: TestContext;
  let connections = 0;
  const received: Received[] = [];

  before(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onAuth(auth, _session, callback) {
        if (auth.username === 'shop' && auth.password === 'right') return callback(null, { user: auth.username });
        return callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@nowhere.example')) {
          const error = new Error('No such user') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    ctx = createTestContext();
  });

  after(async () => {
    closeSmtpPools();
    await ctx.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const credential = () => ({
    host: '127.0.0.1',
    port,
    secure: false,
    user: 'shop',
    password: 'right',
    from: 'Shop <shop@bakery.example>',
  });

  it('sends a message with cc, bcc, reply-to, HTML and attachments, and a Message-ID from the idempotency key', async () => {
    const out = (await runAction(
      sendEmailAction,
      {
        to: 'Ann <ann@customer.example>, bob@customer.example',
        cc: ['carl@customer.example'],
        bcc: 'audit@bakery.example',
        replyTo: 'orders@bakery.example',
        subject: 'Your order 42',
        text: 'Thanks for your order.',
        html: '<p>Thanks for your <b>order</b>.</p>',
        attachments: [
          { filename: 'order.csv', content: 'id,total\n42,19.90\n' },
          { filename: 'logo.png', content: Buffer.from([137, 80, 78, 71]).toString('base64'), encoding: 'base64' },
        ],
      },
      { ...ctx, credential: credential() },
    )) as { accepted: string[]; messageId: string };
    assert.deepEqual(out.accepted.sort(), [
      'ann@customer.example',
      'audit@bakery.example',
      'bob@customer.example',
      'carl@customer.example',
    ]);
    const mail = received.at(-1) as Received;
    assert.equal(mail.from, 'shop@bakery.example');
    assert.match(mail.raw, /^Subject: Your order 42$/m);
    assert.match(mail.raw, /^Reply-To: orders@bakery.example$/m);
    assert.match(mail.raw, /^Cc: carl@customer.example$/m);
    assert.doesNotMatch(mail.raw, /^Bcc:/m);
    assert.match(mail.raw, /filename=order\.csv/);
    assert.match(mail.raw, /filename=logo\.png/);
    assert.match(mail.raw, /text\/html/);
    assert.match(mail.raw, new RegExp(`^Message-ID: ${out.messageId.replace(/[<>.]/g, '\\$&')}$`, 'm'));
    // The same step retried sends the same Message-ID, so receivers can drop the duplicate.
    const again = (await runAction(
      sendEmailAction,
      { to: 'ann@customer.example', subject: 'x', text: 'y' },
      { ...ctx, credential: credential() },
    )) as {
      messageId: string;
    };
    assert.equal(again.messageId, out.messageId);
  });

  it('reuses one pooled connection for the same credential', async () => {
    closeSmtpPools();
    const before = connections;
    for (let i = 0; i < 3; i++) {
      await runAction(
        sendEmailAction,
        { to: 'ann@customer.example', subject: `n${i}`, text: 'x' },
        { ...ctx, credential: credential(), idempotencyKey: `k${i}` },
      );
    }
    assert.equal(connections - before, 1);
    assert.equal(smtpPoolCount(), 1);
  });

  it('fails a refused login as CONNECTOR_AUTH_FAILED and a refused recipient as not retryable', async () => {
    await assert.rejects(
      runAction(
        sendEmailAction,
        { to: 'a@b.example', subject: 's', text: 't' },
        { ...ctx, credential: { ...credential(), password: 'wrong' } },
      ),
      {
        code: 'CONNECTOR_AUTH_FAILED',
        retryable: false,
      },
    );
    await assert.rejects(
      runAction(sendEmailAction, { to: 'x@nowhere.example', subject: 's', text: 't' }, { ...ctx, credential: credential() }),
      {
        retryable: false,
      },
    );
  });

  it('fails an unreachable server as retryable, and refuses input without a body or credential', async () => {
    await assert.rejects(
      runAction(sendEmailAction, { to: 'a@b.example', subject: 's', text: 't' }, { ...ctx, credential: { ...credential(), port: 1 } }),
      {
        code: 'CONNECTOR_UNREACHABLE',
        retryable: true,
      },
    );
    await assert.rejects(runAction(sendEmailAction, { to: 'a@b.example', subject: 's' }, { ...ctx, credential: credential() }), {
      code: 'STEP_INPUT_INVALID',
    });
    await assert.rejects(runAction(sendEmailAction, { to: 'a@b.example', subject: 's', text: 't' }, ctx), { code: 'CREDENTIAL_REQUIRED' });
  });

  it('tests the credential by logging in', async () => {
    const parse = (v: unknown) => smtpCredential.fields.parse(v);
    await smtpCredential.test(parse(credential()), ctx);
    await assert.rejects(smtpCredential.test(parse({ ...credential(), password: 'wrong' }), ctx), { code: 'CONNECTOR_AUTH_FAILED' });
  });
});
