import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runAction } from '../run-action.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { deleteFileAction } from './delete.action.ts';
import { listFilesAction } from './list.action.ts';
import { moveFileAction } from './move.action.ts';
import { readFileAction } from './read.action.ts';
import { writeFileAction } from './write.action.ts';

describe('files connector', () => {
  let ctx: TestContext;
  let outside: string;
  before(() => {
    ctx = createTestContext();
    outside = mkdtempSync(path.join(tmpdir(), 'symbiont-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'top secret');
  });
  after(async () => {
    await ctx.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('writes, lists, reads, moves and deletes inside the files folder', async () => {
    await runAction(writeFileAction, { path: 'in/2026/a.txt', content: 'héllo' }, ctx);
    await runAction(writeFileAction, { path: 'in/b.bin', content: Buffer.from([0, 255]).toString('base64'), encoding: 'base64' }, ctx);
    const all = (await runAction(listFilesAction, { path: 'in', recursive: true }, ctx)) as {
      entries: { path: string; type: string; size: number }[];
    };
    assert.deepEqual(
      all.entries.map((e) => [e.path, e.type, e.size]),
      [
        ['in/2026', 'folder', 0],
        ['in/2026/a.txt', 'file', 6],
        ['in/b.bin', 'file', 2],
      ],
    );
    const txt = (await runAction(listFilesAction, { path: 'in', recursive: true, pattern: '*.txt' }, ctx)) as { entries: unknown[] };
    assert.equal(txt.entries.length, 1);
    assert.deepEqual(await runAction(readFileAction, { path: 'in/b.bin', encoding: 'base64' }, ctx), {
      path: 'in/b.bin',
      content: 'AP8=',
      encoding: 'base64',
      size: 2,
    });
    await runAction(moveFileAction, { from: 'in/2026/a.txt', to: 'done/a.txt' }, ctx);
    assert.equal(readFileSync(path.join(ctx.filesRoot, 'done/a.txt'), 'utf8'), 'héllo');
    // A retried move whose first attempt already happened succeeds.
    assert.deepEqual(await runAction(moveFileAction, { from: 'in/2026/a.txt', to: 'done/a.txt' }, ctx), {
      from: 'in/2026/a.txt',
      to: 'done/a.txt',
      alreadyMoved: true,
    });
    assert.deepEqual(await runAction(deleteFileAction, { path: 'done/a.txt' }, ctx), { path: 'done/a.txt', deleted: true });
    assert.deepEqual(await runAction(deleteFileAction, { path: 'done/a.txt' }, ctx), { path: 'done/a.txt', deleted: false });
    await assert.rejects(runAction(deleteFileAction, { path: 'in' }, ctx), { code: 'BAD_REQUEST' });
    await runAction(deleteFileAction, { path: 'in', recursive: true }, ctx);
  });

  it('refuses to overwrite when told not to, and names missing files', async () => {
    await runAction(writeFileAction, { path: 'x.txt', content: '1' }, ctx);
    await assert.rejects(runAction(writeFileAction, { path: 'x.txt', content: '2', overwrite: false }, ctx), { code: 'FILE_EXISTS' });
    await assert.rejects(runAction(readFileAction, { path: 'nope.txt' }, ctx), { code: 'FILE_NOT_FOUND', retryable: false });
    await assert.rejects(runAction(readFileAction, { path: 'x.txt', maxBytes: 0 }, ctx), { code: 'STEP_INPUT_INVALID' });
    await assert.rejects(runAction(listFilesAction, { path: 'x.txt' }, ctx), { code: 'FILE_NOT_FOUND' });
  });

  for (const bad of ['../secret.txt', 'a/../../secret.txt', '/etc/passwd', '\\\\server\\share', 'C:\\Windows\\win.ini', 'a\0b', '..']) {
    it(`refuses the path ${JSON.stringify(bad)}`, async () => {
      await assert.rejects(runAction(readFileAction, { path: bad }, ctx), { code: 'FILE_PATH_REFUSED', retryable: false });
      await assert.rejects(runAction(writeFileAction, { path: bad, content: 'x' }, ctx), { code: 'FILE_PATH_REFUSED' });
    });
  }

  it('refuses symbolic links that lead outside, on the way or at the end, for reads and writes', async () => {
    symlinkSync(outside, path.join(ctx.filesRoot, 'escape'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ctx.filesRoot, 'secret-link.txt'));
    await assert.rejects(runAction(readFileAction, { path: 'escape/secret.txt' }, ctx), { code: 'FILE_PATH_REFUSED' });
    await assert.rejects(runAction(readFileAction, { path: 'secret-link.txt' }, ctx), { code: 'FILE_PATH_REFUSED' });
    await assert.rejects(runAction(writeFileAction, { path: 'escape/new.txt', content: 'x' }, ctx), { code: 'FILE_PATH_REFUSED' });
    await assert.rejects(runAction(moveFileAction, { from: 'x.txt', to: 'escape/x.txt' }, ctx), { code: 'FILE_PATH_REFUSED' });
    await assert.rejects(runAction(deleteFileAction, { path: 'escape/secret.txt' }, ctx), { code: 'FILE_PATH_REFUSED' });
    await assert.rejects(runAction(listFilesAction, { path: 'escape' }, ctx), { code: 'FILE_PATH_REFUSED' });
    assert.equal(readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'top secret');
    // A recursive listing shows the links but never follows them.
    const listed = (await runAction(listFilesAction, { recursive: true }, ctx)) as { entries: { path: string; type: string }[] };
    assert.ok(listed.entries.some((e) => e.path === 'escape' && e.type === 'other'));
    assert.ok(!listed.entries.some((e) => e.path.startsWith('escape/')));
    // Links that stay inside the root are fine.
    mkdirSync(path.join(ctx.filesRoot, 'real'));
    writeFileSync(path.join(ctx.filesRoot, 'real', 'ok.txt'), 'fine');
    symlinkSync(path.join(ctx.filesRoot, 'real'), path.join(ctx.filesRoot, 'alias'));
    assert.equal(((await runAction(readFileAction, { path: 'alias/ok.txt' }, ctx)) as { content: string }).content, 'fine');
  });

  it('never deletes or moves the files folder itself', async () => {
    await assert.rejects(runAction(deleteFileAction, { path: '.', recursive: true }, ctx), { code: 'FILE_NOT_FOUND' });
    await assert.rejects(runAction(moveFileAction, { from: '', to: 'elsewhere' }, ctx), { code: 'FILE_NOT_FOUND' });
  });
});
