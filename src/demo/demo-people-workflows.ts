import { PRODUCTS } from './demo-history.domain.ts';
import { APPROVAL_FROM_EUR, APPROVAL_SLA_HOURS } from './demo-people-history.domain.ts';

/**
 * The demo bakery's workflows with people in the loop: supplier invoices approved by the
 * office (escalated to its manager after the SLA), and wholesale orders whose unknown products
 * are handed to the shop as exception tasks. Like the others they need no outside network.
 */

export const INVOICE_WEBHOOK_PATH = 'crumb-supplier-invoices';
export const WHOLESALE_WEBHOOK_PATH = 'crumb-wholesale-orders';
/** The step of the wholesale workflow that fails on an unknown product. */
export const WHOLESALE_PRICE_NODE = 'price';

export interface PeopleWorkflow {
  key: 'invoice-approval' | 'wholesale';
  name: string;
  description: string;
  definition: Record<string, unknown>;
}

/** Invoice → small ones scheduled for payment at once; from 250 € an approval by the office first. */
export function invoiceApprovalWorkflow(): PeopleWorkflow {
  const invoice = '$nodes.read.output';
  return {
    key: 'invoice-approval',
    name: 'Supplier invoice approval',
    description: `Schedules supplier invoices for payment. From ${APPROVAL_FROM_EUR} € the office approves first (SLA ${APPROVAL_SLA_HOURS} h, then the office manager is asked too); rejected invoices are noted for a credit note.`,
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'received',
          type: 'trigger.webhook',
          name: 'Invoice received',
          config: { path: INVOICE_WEBHOOK_PATH, mode: 'async', idempotencyExpression: 'body.id' },
        },
        {
          id: 'read',
          type: 'logic.transform',
          name: 'Read the invoice',
          config: {
            expression:
              '{ "id": body.id, "supplier": body.supplier, "description": body.description, "amount": body.amount, "receivedAt": body.receivedAt }',
          },
        },
        { id: 'large', type: 'logic.if', name: `${APPROVAL_FROM_EUR} € or more?` },
        {
          id: 'approve',
          type: 'human.approval',
          name: 'Approve the invoice',
          config: {
            title: `Pay {{ supplier }} {{ amount }} € (invoice {{ id }})?`,
            description: '{{ description }} — check it against the delivery note.',
            assignees: [{ role: 'approver', team: 'Office' }],
            policy: 'any',
            sla: `${APPROVAL_SLA_HOURS}h`,
            escalateTo: [{ managersOf: 'Office' }],
          },
        },
        {
          id: 'pay',
          type: 'connector.files.write',
          name: 'Schedule the payment',
          config: { path: `office/payments/{{ ${invoice}.id }}.json`, content: `{{ $string(${invoice}) }}` },
        },
        {
          id: 'credit',
          type: 'connector.files.write',
          name: 'Ask for a credit note',
          config: {
            path: `office/credit-notes/{{ ${invoice}.id }}.txt`,
            content: `Invoice {{ ${invoice}.id }} of {{ ${invoice}.supplier }} ({{ ${invoice}.amount }} €) was rejected: {{ $join(comments.comment, '; ') }}`,
          },
        },
      ],
      edges: [
        { from: 'received', to: 'read' },
        { from: 'read', to: 'large' },
        {
          from: 'large',
          to: 'approve',
          kind: 'branch',
          condition: `$nodes.read.output.amount >= ${APPROVAL_FROM_EUR}`,
          label: 'needs approval',
        },
        { from: 'large', to: 'pay' },
        { from: 'approve', to: 'pay', kind: 'branch', condition: 'approved', label: 'approved' },
        { from: 'approve', to: 'credit' },
      ],
      settings: {},
    },
  };
}

/** Wholesale order → priced from the price list (an unknown product becomes a task for the shop) → filed for the bakery. */
export function wholesaleOrdersWorkflow(): PeopleWorkflow {
  const prices = PRODUCTS.map((p) => `${JSON.stringify(p.name)}: ${p.price}`).join(', ');
  return {
    key: 'wholesale',
    name: 'Wholesale orders',
    description:
      "Prices the cafés' wholesale orders from the price list and files them for the night shift. An order with a product the list does not know goes to the shop as an exception: fix it and retry, price it by hand, or abort.",
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'order',
          type: 'trigger.webhook',
          name: 'Wholesale order',
          config: { path: WHOLESALE_WEBHOOK_PATH, mode: 'async', idempotencyExpression: 'body.id' },
        },
        {
          id: WHOLESALE_PRICE_NODE,
          type: 'code.javascript',
          name: 'Price the order',
          retry: { maxAttempts: 1 },
          onFailure: 'task',
          exception: {
            assignees: [{ team: 'Shop' }],
            runbookUrl: 'https://wiki.crumb.example/runbooks/wholesale-unknown-product',
            sla: '4h',
          },
          config: {
            code: [
              `const prices = { ${prices} };`,
              'const lines = input.body.items.map((i) => {',
              '  const price = prices[i.product];',
              // biome-ignore lint/suspicious/noTemplateCurlyInString: the code step's own template literal
              '  if (price === undefined) throw new Error(`Unknown product "${i.product}" in order ${input.body.id}: not in the price list`);',
              '  return { product: i.product, qty: i.qty, amount: Math.round(i.qty * price * 100) / 100 };',
              '});',
              'return { order: input.body.id, lines, total: Math.round(lines.reduce((s, l) => s + l.amount * 100, 0)) / 100 };',
            ].join('\n'),
          },
        },
        {
          id: 'file',
          type: 'connector.files.write',
          name: 'File it for the night shift',
          config: { path: 'bakery/wholesale/{{ order }}.json', content: '{{ $string($) }}' },
        },
      ],
      edges: [
        { from: 'order', to: WHOLESALE_PRICE_NODE },
        { from: WHOLESALE_PRICE_NODE, to: 'file' },
      ],
      settings: {},
    },
  };
}
