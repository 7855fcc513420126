import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent } from '../api/types.ts';
import { objectLabel } from './objectLabel.ts';

function event(partial: Partial<AuditEvent>): AuditEvent {
  return {
    id: 'e1',
    occurredAt: '2026-11-23T00:00:00.000Z',
    actorType: 'user',
    actorId: 'u1',
    actorLabel: 'Amira',
    action: 'team.create',
    objectType: 'team',
    objectId: 't1',
    before: null,
    after: null,
    requestId: null,
    ip: null,
    ...partial,
  };
}

describe('objectLabel', () => {
  it('names the object from its after value', () => {
    assert.equal(objectLabel(event({ after: { name: 'Shop' } })), 'team “Shop”');
  });

  it('uses the before value of a deleted object', () => {
    assert.equal(objectLabel(event({ action: 'team.delete', before: { name: 'Shop' } })), 'team “Shop”');
  });

  it('describes a role assignment by role, scope and person', () => {
    const after = { role: 'builder', scopeName: 'Bakery', userName: 'Kwame' };
    assert.equal(objectLabel(event({ objectType: 'role_assignment', after })), 'builder (Bakery) for Kwame');
  });

  it('names the member of a team membership change', () => {
    assert.equal(objectLabel(event({ action: 'team.member_update', after: { userName: 'Hana' } })), 'team member “Hana”');
  });

  it('falls back to type and id', () => {
    assert.equal(objectLabel(event({ objectType: 'user', objectId: 'u9' })), 'user u9');
  });
});
