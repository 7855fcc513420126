import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor, RoleGrant } from './actor.ts';
import { authorize, can, globalPermissions, grantableScopes, heldPermissions } from './authorize.ts';
import type { TokenScope } from './catalog.ts';

const actor = (grants: RoleGrant[], tokenScopes: TokenScope[] | null = null): Actor => ({
  type: 'user',
  userId: 'u1',
  label: 'U',
  grants,
  tokenScopes,
  requestId: null,
  ip: null,
});

describe('can', () => {
  it('gives global grants every target and team grants only their team', () => {
    const pm = actor([{ role: 'programme_manager', scopeType: 'team', scopeId: 't1' }]);
    assert.equal(can(pm, 'teams.manage', { teamId: 't1' }), true);
    assert.equal(can(pm, 'teams.manage', { teamId: 't2' }), false);
    assert.equal(can(pm, 'teams.manage'), false);
    assert.equal(can(actor([{ role: 'programme_manager', scopeType: 'global', scopeId: null }]), 'teams.manage', { teamId: 't2' }), true);
  });

  it('matches category grants on the category only', () => {
    const approver = actor([{ role: 'programme_manager', scopeType: 'category', scopeId: 'finance' }]);
    assert.equal(can(approver, 'teams.manage', { categoryId: 'finance' }), true);
    assert.equal(can(approver, 'teams.manage', { teamId: 'finance' }), false);
  });

  it('narrows by token scope even for an admin', () => {
    const admin = [{ role: 'admin', scopeType: 'global', scopeId: null }] satisfies RoleGrant[];
    assert.equal(can(actor(admin, ['read']), 'users.read'), true);
    assert.equal(can(actor(admin, ['read']), 'teams.manage'), false);
    assert.equal(can(actor(admin, ['read', 'write']), 'users.manage'), false);
    assert.throws(() => authorize(actor(admin, ['read']), 'teams.manage'), { code: 'INSUFFICIENT_SCOPE' });
    assert.throws(() => authorize(actor([]), 'teams.manage'), { code: 'FORBIDDEN' });
  });
});

describe('grantableScopes', () => {
  it('gives viewers read and write (own tokens), admins all three', () => {
    assert.deepEqual(grantableScopes(actor([{ role: 'viewer', scopeType: 'global', scopeId: null }])), ['read', 'write']);
    assert.deepEqual(grantableScopes(actor([{ role: 'admin', scopeType: 'global', scopeId: null }])), ['read', 'write', 'admin']);
  });

  it('lists held permissions for the UI', () => {
    const member = actor([{ role: 'member', scopeType: 'global', scopeId: null }]);
    assert.deepEqual(heldPermissions(member).sort(), [
      'ideas.read',
      'ideas.submit',
      'tasks.read',
      'tasks.work',
      'teams.read',
      'tokens.manage_own',
      'users.read',
      'workflows.read',
    ]);
  });
});

describe('globalPermissions', () => {
  it('leaves out what only a team-scoped role gives', () => {
    const scopedPm = actor([
      { role: 'member', scopeType: 'global', scopeId: null },
      { role: 'programme_manager', scopeType: 'team', scopeId: 't1' },
    ]);
    assert.ok(heldPermissions(scopedPm).includes('teams.manage'));
    assert.ok(!globalPermissions(scopedPm).includes('teams.manage'));
    assert.ok(!globalPermissions(scopedPm).includes('audit.read'));
  });
});
