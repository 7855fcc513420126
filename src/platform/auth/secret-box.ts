import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encrypts credentials at rest with AES-256-GCM under a key derived from SYMBIONT_SECRET_KEY.
 * Format: `v1.<iv>.<tag>.<ciphertext>` (base64url). `context` binds a ciphertext to its owner
 * (e.g. a credential id), so it cannot be moved to another row.
 */
export function createSecretBox(secretKey: Buffer) {
  const key = createHmac('sha256', secretKey).update('symbiont/secret-box/v1').digest();
  return {
    seal(plaintext: string, context = ''): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed: string, context = ''): string {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
