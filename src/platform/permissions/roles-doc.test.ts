import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PERMISSIONS, ROLE_KEYS, ROLES } from './catalog.ts';

describe('docs/roles.md', () => {
  it('shows exactly the permission matrix of the catalogue', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/roles.md'), 'utf8');
    const header = doc.split('\n').find((l) => l.startsWith('| permission | scope |'));
    assert.equal(header, `| permission | scope | ${ROLE_KEYS.join(' | ')} |`);
    for (const [permission, def] of Object.entries(PERMISSIONS)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${permission}\``));
      assert.ok(row, `row for ${permission}`);
      const cells = row
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      assert.equal(cells[1], def.scope, `${permission} scope`);
      ROLE_KEYS.forEach((role, i) => {
        const granted = (ROLES[role].permissions as readonly string[]).includes(permission);
        assert.equal(cells[2 + i] === '✓', granted, `${permission} × ${role}`);
      });
    }
  });
});
