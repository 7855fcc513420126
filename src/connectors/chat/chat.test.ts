import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runAction } from '../run-action.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { chatPayload } from './chat-payload.domain.ts';
import { sendChatAction } from './send.action.ts';

const message = { text: 'Order 42 is late', title: 'Late order', fields: [{ name: 'Customer', value: 'Bakery' }] };

describe('chatPayload', () => {
  it('builds Slack blocks with a fallback text', () => {
    const p = chatPayload('slack', message);
    assert.equal(p.text, 'Late order: Order 42 is late');
    assert.deepEqual(p.blocks, [
      { type: 'header', text: { type: 'plain_text', text: 'Late order' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Order 42 is late' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Customer*\nBakery' }] },
    ]);
  });

  it('builds a Teams adaptive card with a fact set', () => {
    const p = chatPayload('teams', message) as {
      attachments: { contentType: string; content: { body: { type: string; facts?: unknown }[] } }[];
    };
    assert.equal(p.attachments[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(
      p.attachments[0]?.content.body.map((b) => b.type),
      ['TextBlock', 'TextBlock', 'FactSet'],
    );
    assert.deepEqual(p.attachments[0]?.content.body[2]?.facts, [{ title: 'Customer', value: 'Bakery' }]);
  });

  it('builds a Mattermost attachment only when there is a title or fields', () => {
    assert.deepEqual(chatPayload('mattermost', { text: 'hi' }), { text: 'hi' });
    assert.deepEqual(chatPayload('mattermost', message).attachments, [
      { fallback: 'Late order', title: 'Late order', fields: [{ title: 'Customer', value: 'Bakery', short: true }] },
    ]);
  });
});

describe('chat send against a local webhook', () => {
  let server: Server;
  let base: string;
  let ctx: TestContext;
  const received: unknown[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (req.url?.startsWith('/gone')) {
          res.writeHead(404).end('no_service');
          return;
        }
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ctx = createTestContext();
  });
  after(async () => {
    await ctx.dispose();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the flavour’s payload through the guarded client', async () => {
    const out = await runAction(sendChatAction, message, { ...ctx, credential: { url: `${base}/hooks/T1/B1/secret`, flavour: 'slack' } });
    assert.deepEqual(out, { status: 200, response: 'ok' });
    assert.equal((received.at(-1) as { text: string }).text, 'Late order: Order 42 is late');
  });

  it('needs a credential, and never shows the secret webhook path in errors', async () => {
    await assert.rejects(runAction(sendChatAction, message, ctx), { code: 'CREDENTIAL_REQUIRED' });
    await assert.rejects(
      runAction(sendChatAction, message, { ...ctx, credential: { url: `${base}/gone/T1/B1/s3cret`, flavour: 'mattermost' } }),
      (e: { code: string; retryable: boolean; userMessage: string }) => {
        assert.equal(e.code, 'CONNECTOR_HTTP_STATUS');
        assert.equal(e.retryable, false);
        assert.ok(!e.userMessage.includes('s3cret'), e.userMessage);
        return true;
      },
    );
  });
});
