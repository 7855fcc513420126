/**
 * What task e-mails and chat messages say, without I/O: the task, the data shown to the person,
 * the due time and the links. E-mails carry one-click links (personal capabilities); chat
 * messages go to a shared channel, so they carry only the inbox link (sign-in needed).
 */

export type TaskMailReason = 'assigned' | 'escalated' | 'reminder';

export interface TaskMessageInput {
  reason: TaskMailReason;
  kind: string;
  title: string;
  description: string;
  dueAt: string | null;
  /** The data the step shows the person (the step input by default). */
  shown: unknown;
  /** The task's page in the web inbox. */
  inboxUrl: string;
  /** Reminders: which one this is. */
  reminder?: { n: number; of: number } | undefined;
}

export interface TaskMailLinks {
  approve?: string | undefined;
  reject?: string | undefined;
  /** The one-click page showing the task (no sign-in needed). */
  open?: string | undefined;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const MAX_ROWS = 30;
const MAX_VALUE = 300;

/** "2026-11-24T12:00:00.000Z" → "2026-11-24 12:00 UTC". */
export function formatDue(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The shown data as label/value rows: an object's fields (at most 30), anything else as one row. */
export function shownRows(shown: unknown): [string, string][] {
  const text = (v: unknown) => {
    const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null');
    return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
  };
  if (shown === undefined || shown === null) return [];
  if (typeof shown !== 'object' || Array.isArray(shown)) return [['data', text(shown)]];
  const entries = Object.entries(shown as Record<string, unknown>);
  const rows = entries.slice(0, MAX_ROWS).map(([k, v]): [string, string] => [k, text(v)]);
  if (entries.length > MAX_ROWS) rows.push(['…', `${entries.length - MAX_ROWS} more fields`]);
  return rows;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function intro(input: TaskMessageInput): string {
  if (input.reason === 'escalated') return 'This task is past its due time and was escalated to you.';
  if (input.reason === 'reminder') {
    const which = input.reminder ? ` (reminder ${input.reminder.n} of ${input.reminder.of})` : '';
    return `This task still waits for your decision${which}.`;
  }
  return input.kind === 'approval' ? 'An approval waits for your decision.' : 'A task waits for you.';
}

function subjectOf(input: TaskMessageInput): string {
  const prefix = input.reason === 'escalated' ? 'Overdue' : input.reason === 'reminder' ? 'Reminder' : 'New task';
  return `${prefix}: ${input.title}`;
}

/**
 * The e-mail to one person: text and simple HTML with the same content. Approve and reject
 * links open a confirmation page; nothing is decided before the person confirms there.
 */
export function renderTaskMail(input: TaskMessageInput, links: TaskMailLinks): Rendered {
  const rows = shownRows(input.shown);
  const buttons: [string, string][] = [];
  if (links.approve) buttons.push(['Approve', links.approve]);
  if (links.reject) buttons.push(['Reject', links.reject]);
  if (links.open) buttons.push(['Open task', links.open]);
  const text = [
    intro(input),
    '',
    input.title,
    ...(input.description ? ['', input.description] : []),
    ...(rows.length > 0 ? ['', ...rows.map(([k, v]) => `${k}: ${v}`)] : []),
    ...(input.dueAt ? ['', `Due: ${formatDue(input.dueAt)}`] : []),
    '',
    ...buttons.map(([label, url]) => `${label}: ${url}`),
    `In your inbox (sign-in): ${input.inboxUrl}`,
    '',
    ...(links.approve ? ['Each link asks you to confirm before anything is decided; it works once.'] : []),
  ].join('\n');
  const cell = 'style="padding:4px 12px 4px 0;vertical-align:top"';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;font-size:14px;color:#1a1b1e">',
    `<p>${escapeHtml(intro(input))}</p>`,
    `<h2 style="font-size:18px">${escapeHtml(input.title)}</h2>`,
    input.description ? `<p>${escapeHtml(input.description)}</p>` : '',
    rows.length > 0
      ? `<table>${rows.map(([k, v]) => `<tr><th align="left" ${cell}>${escapeHtml(k)}</th><td ${cell}>${escapeHtml(v)}</td></tr>`).join('')}</table>`
      : '',
    input.dueAt ? `<p>Due: <strong>${escapeHtml(formatDue(input.dueAt))}</strong></p>` : '',
    `<p>${buttons
      .map(
        ([label, url]) =>
          `<a href="${escapeHtml(url)}" style="display:inline-block;margin-right:8px;padding:8px 16px;border-radius:4px;background:${label === 'Reject' ? '#c92a2a' : '#087f5b'};color:#fff;text-decoration:none">${label}</a>`,
      )
      .join('')}</p>`,
    `<p><a href="${escapeHtml(input.inboxUrl)}">Open it in your inbox</a> (sign-in needed).</p>`,
    links.approve ? '<p style="color:#868e96">Each link asks you to confirm before anything is decided; it works once.</p>' : '',
    '</body></html>',
  ].join('');
  return { subject: subjectOf(input), text, html };
}

/** The chat message about a task: to a shared channel, so only the inbox link, never a one-click link. */
export function renderTaskChat(input: TaskMessageInput): { title: string; text: string } {
  const rows = shownRows(input.shown).slice(0, 10);
  const lines = [
    intro(input),
    ...(input.description ? [input.description] : []),
    ...rows.map(([k, v]) => `${k}: ${v}`),
    ...(input.dueAt ? [`Due: ${formatDue(input.dueAt)}`] : []),
    `Open it: ${input.inboxUrl}`,
  ];
  return { title: subjectOf(input).slice(0, 150), text: lines.join('\n') };
}
