import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, formatDue, renderTaskChat, renderTaskMail, shownRows, type TaskMessageInput } from './task-mail.domain.ts';

const input: TaskMessageInput = {
  reason: 'assigned',
  kind: 'approval',
  title: 'Pay invoice 17 of 420 €?',
  description: 'Check against the delivery note.',
  dueAt: '2026-11-24T16:00:00.000Z',
  shown: { number: 17, supplier: 'Mill <Co>', lines: [1, 2] },
  inboxUrl: 'https://sym.example/tasks/t1',
};
const links = { approve: 'https://sym.example/act/AAA', reject: 'https://sym.example/act/RRR', open: 'https://sym.example/act/OOO' };

describe('renderTaskMail', () => {
  it('lists the task, the data shown, the due time and every link in the text', () => {
    const mail = renderTaskMail(input, links);
    assert.equal(mail.subject, 'New task: Pay invoice 17 of 420 €?');
    for (const part of [
      'An approval waits for your decision.',
      'number: 17',
      'supplier: Mill <Co>',
      'lines: [1,2]',
      'Due: 2026-11-24 16:00 UTC',
      'Approve: https://sym.example/act/AAA',
      'Reject: https://sym.example/act/RRR',
      'Open task: https://sym.example/act/OOO',
      'https://sym.example/tasks/t1',
    ]) {
      assert.ok(mail.text.includes(part), `text has ${part}`);
    }
  });

  it('escapes the data in the HTML and links each action', () => {
    const mail = renderTaskMail(input, links);
    assert.ok(mail.html.includes('Mill &lt;Co&gt;'));
    assert.ok(!mail.html.includes('Mill <Co>'));
    assert.ok(mail.html.includes('href="https://sym.example/act/AAA"'));
    assert.ok(mail.html.includes('href="https://sym.example/act/RRR"'));
  });

  it('words escalations and reminders differently and offers only "open" for other tasks', () => {
    const reminder = renderTaskMail({ ...input, kind: 'form', reason: 'reminder', reminder: { n: 2, of: 3 } }, { open: links.open });
    assert.equal(reminder.subject, 'Reminder: Pay invoice 17 of 420 €?');
    assert.ok(reminder.text.includes('(reminder 2 of 3)'));
    assert.ok(!reminder.text.includes('Approve:'));
    assert.equal(renderTaskMail({ ...input, reason: 'escalated' }, links).subject, 'Overdue: Pay invoice 17 of 420 €?');
  });
});

describe('renderTaskChat', () => {
  it('carries the inbox link and the data, never a one-click link', () => {
    const chat = renderTaskChat(input);
    assert.equal(chat.title, 'New task: Pay invoice 17 of 420 €?');
    assert.ok(chat.text.includes('https://sym.example/tasks/t1'));
    assert.ok(!chat.text.includes('/act/'));
    assert.ok(chat.text.includes('supplier: Mill <Co>'));
    assert.ok(chat.text.includes('Due: 2026-11-24 16:00 UTC'));
  });
});

describe('shownRows', () => {
  it('turns an object into rows, other values into one row, and shortens long values', () => {
    assert.deepEqual(shownRows({ a: 'x', b: { c: 1 } }), [
      ['a', 'x'],
      ['b', '{"c":1}'],
    ]);
    assert.deepEqual(shownRows([1, 2]), [['data', '[1,2]']]);
    assert.deepEqual(shownRows(null), []);
    assert.equal(shownRows({ a: 'y'.repeat(1000) })[0]?.[1].length, 300);
  });
  it('caps the number of rows at 30 and says how many more there are', () => {
    const many = Object.fromEntries(Array.from({ length: 35 }, (_, i) => [`k${i}`, i]));
    const rows = shownRows(many);
    assert.equal(rows.length, 31);
    assert.deepEqual(rows.at(-1), ['…', '5 more fields']);
  });
});

describe('escapeHtml and formatDue', () => {
  it('escapes markup characters and shows times in UTC to the minute', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(formatDue('2026-11-24T16:05:59.000Z'), '2026-11-24 16:05 UTC');
  });
});
