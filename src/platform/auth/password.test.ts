import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from './password.ts';
import { createSecretBox } from './secret-box.ts';

describe('hashPassword', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct-horse-battery');
    assert.match(hash, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    assert.equal(await verifyPassword('correct-horse-battery', hash), true);
    assert.equal(await verifyPassword('correct-horse-batterY', hash), false);
  });

  it('salts every hash', async () => {
    assert.notEqual(await hashPassword('same-password'), await hashPassword('same-password'));
  });

  it('treats canonically equal Unicode passwords as equal', async () => {
    const hash = await hashPassword('café-au-lait!');
    assert.equal(await verifyPassword('cafe\u0301-au-lait!', hash), true);
  });

  it('returns false for malformed stored hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$x$8$1$aa$bb', 'bcrypt$1$2$3$4$5', 'scrypt$32768$8$1$c2FsdA$dG9vLXNob3J0']) {
      assert.equal(await verifyPassword('anything', bad), false, bad);
    }
  });
});

describe('createSecretBox', () => {
  const box = createSecretBox(Buffer.alloc(32, 7));

  it('round-trips a secret and never repeats a ciphertext', () => {
    const a = box.seal('smtp-password', 'cred-1');
    assert.equal(box.open(a, 'cred-1'), 'smtp-password');
    assert.notEqual(box.seal('smtp-password', 'cred-1'), a);
    assert.ok(!a.includes('smtp-password'));
  });

  it('refuses a ciphertext moved to another context, tampered with, or under another key', () => {
    const sealed = box.seal('secret', 'cred-1');
    assert.throws(() => box.open(sealed, 'cred-2'));
    const parts = sealed.split('.');
    parts[3] = Buffer.from('forged').toString('base64url');
    assert.throws(() => box.open(parts.join('.'), 'cred-1'));
    assert.throws(() => createSecretBox(Buffer.alloc(32, 8)).open(sealed, 'cred-1'));
  });
});
