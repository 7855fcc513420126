import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Credential } from '../api/credentialTypes.ts';
import { credentialPayload, initialValues, rateLimitLabel, rateLimitOf, testBody } from './credentialForm.ts';

const stored: Credential = {
  id: 'c1',
  name: 'Shop mail',
  type: 'smtp',
  typeTitle: 'SMTP server',
  fields: { host: 'smtp.example.com', port: 587, user: 'orders', password: { set: true }, from: null },
  rateLimit: { requests: 10, per: 'minute', maxConcurrent: null },
  createdBy: null,
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedAt: '2026-11-24T09:00:00.000Z',
};
const secret = ['password'];

describe('rateLimitLabel', () => {
  it('says the rate, the concurrency cap, or that there is no limit', () => {
    assert.equal(rateLimitLabel({ requests: 10, per: 'second', maxConcurrent: 2 }), '10 per second · at most 2 at once');
    assert.equal(rateLimitLabel({ requests: 500, per: 'hour', maxConcurrent: null }), '500 per hour');
    assert.equal(rateLimitLabel(null), 'No limit');
  });
});

describe('rateLimitOf', () => {
  it('reads the form, with an empty cap meaning none, and null when switched off', () => {
    assert.deepEqual(rateLimitOf({ limited: true, requests: '5', per: 'second', maxConcurrent: '' }), {
      requests: 5,
      per: 'second',
      maxConcurrent: null,
    });
    assert.deepEqual(rateLimitOf({ limited: true, requests: 5, per: 'hour', maxConcurrent: 1 }), {
      requests: 5,
      per: 'hour',
      maxConcurrent: 1,
    });
    assert.equal(rateLimitOf({ limited: false, requests: 5, per: 'hour', maxConcurrent: 1 }), null);
  });
});

describe('credentialPayload', () => {
  it('sends everything for a new credential, without empty secrets', () => {
    const values = {
      ...initialValues(null, secret),
      name: ' Shop mail ',
      type: 'smtp',
      fields: { host: 'h', port: 25 },
      secrets: { password: 'pw', other: '' },
    };
    assert.deepEqual(credentialPayload(values, null, secret), {
      name: 'Shop mail',
      type: 'smtp',
      fields: { host: 'h', port: 25, password: 'pw' },
      rateLimit: null,
    });
  });

  it('sends nothing for an edit that changed nothing, and never the masked secret', () => {
    const values = initialValues(stored, secret);
    assert.deepEqual(values.fields, { host: 'smtp.example.com', port: 587, user: 'orders' });
    assert.equal(values.limited, true);
    assert.deepEqual(credentialPayload(values, stored, secret), {});
  });

  it('sends changed fields, typed secrets, cleared fields as null and a changed limit', () => {
    const values = initialValues(stored, secret);
    values.fields = { host: 'mail.example.com', port: 587 };
    values.secrets = { password: 'new' };
    values.per = 'second';
    assert.deepEqual(credentialPayload(values, stored, secret), {
      fields: { password: 'new', host: 'mail.example.com', user: null },
      rateLimit: { requests: 10, per: 'second', maxConcurrent: null },
    });
  });

  it('removes the limit with null when it is switched off', () => {
    const values = { ...initialValues(stored, secret), limited: false };
    assert.deepEqual(credentialPayload(values, stored, secret), { rateLimit: null });
  });
});

describe('testBody', () => {
  it('sends the typed fields and only the secrets typed in', () => {
    assert.deepEqual(testBody({ type: 'smtp', fields: { host: 'h' }, secrets: { password: '', token: 't' } }), {
      type: 'smtp',
      fields: { host: 'h', token: 't' },
    });
  });
});
