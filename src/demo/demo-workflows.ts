import { DEMO_TIME_ZONE } from './demo-history.domain.ts';

/**
 * The demo bakery's workflows, as definitions a builder could have drawn in the editor. They
 * use only steps that need no outside network: webhooks, schedules, the files, CSV and
 * date/time connectors, code, delays and sub-workflows. Everything they write lands in the
 * installation's files folder (`<data dir>/files`).
 */

export const SHOP_WEBHOOK_PATH = 'crumb-shop-orders';
export const CATERING_WEBHOOK_PATH = 'crumb-catering-orders';
/** Orders at or above this total (euros) are called back by the bakery. */
export const LARGE_ORDER_EUR = 100;

export interface DemoWorkflow {
  key: 'shop' | 'report' | 'production' | 'catering' | 'invoices';
  name: string;
  description: string;
  definition: Record<string, unknown>;
  /** Published (live) or left as a draft. */
  publish: boolean;
}

/** Web-shop order → total → keep it → large ones are flagged for a call back → answer the shop. */
export function shopOrdersWorkflow(): DemoWorkflow {
  return {
    key: 'shop',
    name: 'Web-shop orders',
    description: `Totals every order from the web shop, files it for the evening report, flags orders of ${LARGE_ORDER_EUR} € or more for a call back, and answers the shop with the total.`,
    publish: true,
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'order',
          type: 'trigger.webhook',
          name: 'Order from the web shop',
          config: { path: SHOP_WEBHOOK_PATH, mode: 'sync', idempotencyExpression: 'body.id' },
        },
        {
          id: 'total',
          type: 'logic.transform',
          name: 'Total the order',
          config: {
            expression:
              '{ "id": body.id, "orderedAt": body.orderedAt, "day": $substring(body.orderedAt, 0, 10), "customer": body.customer.name, "email": body.customer.email, "items": $sum(body.items.qty), "total": $round($sum(body.items.(qty * price)), 2) }',
          },
        },
        {
          id: 'keep',
          type: 'connector.files.write',
          name: 'File it for the daily report',
          config: { path: 'orders/{{ day }}-{{ id }}.json', content: '{{ $string($) }}' },
        },
        { id: 'large', type: 'logic.if', name: `${LARGE_ORDER_EUR} € or more?` },
        {
          id: 'flag',
          type: 'connector.files.write',
          name: 'Flag for a call back',
          config: {
            path: 'bakery/call-back/{{ $nodes.total.output.id }}.txt',
            content:
              'Call {{ $nodes.total.output.customer }} <{{ $nodes.total.output.email }}> about order {{ $nodes.total.output.id }} ({{ $nodes.total.output.total }} €, {{ $nodes.total.output.items }} items).',
          },
        },
        {
          id: 'reply',
          type: 'logic.respond',
          name: 'Answer the shop',
          config: {
            status: 201,
            body: `{{ { "order": $nodes.total.output.id, "total": $nodes.total.output.total, "callBack": $nodes.total.output.total >= ${LARGE_ORDER_EUR} } }}`,
          },
        },
      ],
      edges: [
        { from: 'order', to: 'total' },
        { from: 'total', to: 'keep' },
        { from: 'keep', to: 'large' },
        { from: 'large', to: 'flag', kind: 'branch', condition: `$nodes.total.output.total >= ${LARGE_ORDER_EUR}`, label: 'large' },
        { from: 'large', to: 'reply' },
        { from: 'flag', to: 'reply' },
      ],
      settings: {},
    },
  };
}

/** Every evening: the day's orders → one CSV in the office folder. */
export function dailySalesWorkflow(): DemoWorkflow {
  return {
    key: 'report',
    name: 'Daily sales report',
    description:
      'At 18:30 every day, collects the orders filed by the web shop that day and writes them as a CSV to office/sales for the accountant.',
    publish: true,
    definition: {
      schemaVersion: 1,
      nodes: [
        { id: 'evening', type: 'trigger.schedule', name: 'Every day at 18:30', config: { cron: '30 18 * * *', timezone: DEMO_TIME_ZONE } },
        {
          id: 'day',
          type: 'connector.datetime.format',
          name: 'Which day',
          config: { date: '{{ scheduledAt }}', timeZone: DEMO_TIME_ZONE, pattern: 'yyyy-MM-dd' },
        },
        {
          id: 'list',
          type: 'connector.files.list',
          name: "Find the day's orders",
          config: { path: 'orders', pattern: '{{ text }}-*.json' },
        },
        { id: 'each', type: 'logic.loop', name: 'Each order', config: { items: '{{ entries }}', concurrency: 4 } },
        { id: 'read', type: 'connector.files.read', name: 'Read the order', config: { path: '{{ $item.path }}' } },
        { id: 'row', type: 'logic.transform', name: 'As a row', config: { expression: '$eval(content)' } },
        {
          id: 'csv',
          type: 'connector.csv.build',
          name: 'Build the CSV',
          config: {
            rows: '{{ $nodes.each.output }}',
            columns: ['id', 'orderedAt', 'customer', 'items', 'total'],
            delimiter: ';',
            escapeFormulae: true,
          },
        },
        {
          id: 'save',
          type: 'connector.files.write',
          name: 'Save to the office folder',
          config: { path: 'office/sales/sales-{{ $nodes.day.output.text }}.csv', content: '{{ text }}' },
        },
        {
          id: 'summary',
          type: 'logic.transform',
          name: 'Summary',
          config: {
            expression:
              '{ "day": $nodes.day.output.text, "orders": $count($nodes.each.output), "revenue": $round($sum($nodes.each.output.total), 2), "file": path }',
          },
        },
      ],
      edges: [
        { from: 'evening', to: 'day' },
        { from: 'day', to: 'list' },
        { from: 'list', to: 'each' },
        { from: 'each', to: 'read', kind: 'loop' },
        { from: 'read', to: 'row' },
        { from: 'each', to: 'csv' },
        { from: 'csv', to: 'save' },
        { from: 'save', to: 'summary' },
      ],
      settings: {},
    },
  };
}

/** Sub-workflow: a catering order's items → ingredients → the bakery's production sheet. */
export function productionListWorkflow(): DemoWorkflow {
  return {
    key: 'production',
    name: 'Production list for an order',
    description:
      'Works out flour, butter and sugar for an order from the recipe book and writes the production sheet to bakery/production. Run by the catering workflow.',
    publish: true,
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'start',
          type: 'trigger.manual',
          name: 'Order to plan',
          config: {
            sampleInput: {
              order: 'CAT-2042',
              customer: 'Hotel Lindenhof',
              deliveryAt: '2026-11-27T09:00:00.000+01:00',
              items: [
                { product: 'Croissant', qty: 60 },
                { product: 'Apple strudel', qty: 18 },
              ],
            },
          },
        },
        {
          id: 'plan',
          type: 'code.javascript',
          name: 'Ingredients from the recipe book',
          config: {
            code: [
              '// grams per piece: flour, butter, sugar',
              'const recipes = {',
              "  'Croissant': [45, 25, 5], 'Pain au chocolat': [45, 25, 8], 'Seed rolls (6)': [360, 10, 5],",
              "  'Apple strudel': [60, 20, 25], 'Cinnamon roll': [55, 15, 18], 'Sourdough loaf': [500, 0, 0], 'Rye bread': [450, 0, 0],",
              '};',
              'const kg = (g) => Math.round(g) / 1000;',
              'const lines = input.items.map((i) => {',
              '  const [flour, butter, sugar] = recipes[i.product] ?? [0, 0, 0];',
              '  return { product: i.product, qty: i.qty, flourKg: kg(flour * i.qty), butterKg: kg(butter * i.qty), sugarKg: kg(sugar * i.qty) };',
              '});',
              'const sum = (k) => Math.round(lines.reduce((s, l) => s + l[k] * 1000, 0)) / 1000;',
              "return { order: input.order, lines, totals: { flourKg: sum('flourKg'), butterKg: sum('butterKg'), sugarKg: sum('sugarKg') } };",
            ].join('\n'),
          },
        },
        { id: 'sheet', type: 'connector.csv.build', name: 'Production sheet', config: { rows: '{{ lines }}', delimiter: ';' } },
        {
          id: 'save',
          type: 'connector.files.write',
          name: 'Save for the bakery',
          config: { path: 'bakery/production/{{ $trigger.order }}.csv', content: '{{ text }}' },
        },
        {
          id: 'result',
          type: 'logic.transform',
          name: 'Result',
          config: { expression: '{ "order": $trigger.order, "sheet": path, "totals": $nodes.plan.output.totals }' },
        },
      ],
      edges: [
        { from: 'start', to: 'plan' },
        { from: 'plan', to: 'sheet' },
        { from: 'sheet', to: 'save' },
        { from: 'save', to: 'result' },
      ],
      settings: {},
    },
  };
}

/** Catering order → order book → wait (durably) until two days before delivery → production list (sub-workflow). */
export function cateringWorkflow(productionWorkflowId: string): DemoWorkflow {
  return {
    key: 'catering',
    name: 'Catering orders',
    description:
      'Books a catering order, waits until two days before delivery, then has the production list made (sub-workflow) and notes it in the order book.',
    publish: true,
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'order',
          type: 'trigger.webhook',
          name: 'Catering order',
          config: { path: CATERING_WEBHOOK_PATH, mode: 'async', idempotencyExpression: 'body.id' },
        },
        {
          id: 'book',
          type: 'connector.files.write',
          name: 'Into the order book',
          config: { path: 'office/catering/{{ body.id }}.json', content: '{{ $string(body) }}' },
        },
        {
          id: 'when',
          type: 'connector.datetime.subtract',
          name: 'Two days before delivery',
          config: { date: '{{ $trigger.body.deliveryAt }}', days: 2, timeZone: DEMO_TIME_ZONE },
        },
        { id: 'wait', type: 'logic.delay', name: 'Wait until then', config: { until: '{{ iso }}' } },
        {
          id: 'production',
          type: 'logic.subworkflow',
          name: 'Make the production list',
          config: {
            workflowId: productionWorkflowId,
            input:
              '{{ { "order": $trigger.body.id, "customer": $trigger.body.customer.name, "deliveryAt": $trigger.body.deliveryAt, "items": $trigger.body.items } }}',
          },
        },
        {
          id: 'note',
          type: 'connector.files.write',
          name: 'Note it in the order book',
          config: {
            path: 'office/catering/{{ $trigger.body.id }}-planned.txt',
            content:
              'Production sheet {{ sheet }} ready for {{ $trigger.body.customer.name }}, delivery {{ $trigger.body.deliveryAt }}: {{ totals.flourKg }} kg flour, {{ totals.butterKg }} kg butter, {{ totals.sugarKg }} kg sugar.',
          },
        },
      ],
      edges: [
        { from: 'order', to: 'book' },
        { from: 'book', to: 'when' },
        { from: 'when', to: 'wait' },
        { from: 'wait', to: 'production' },
        { from: 'production', to: 'note' },
      ],
      settings: {},
    },
  };
}

/**
 * Supplier invoice e-mail → a row in the invoice book. Left as a draft: it needs the office's
 * real mailbox (edit the "Office mailbox" credential, then publish).
 */
export function supplierInvoicesWorkflow(mailboxCredentialId: string): DemoWorkflow {
  return {
    key: 'invoices',
    name: 'Supplier invoices to the invoice book',
    description:
      'Each invoice e-mail in the Invoices folder becomes a row of office/invoices.xlsx. A draft until the "Office mailbox" credential points at the real mailbox.',
    publish: false,
    definition: {
      schemaVersion: 1,
      nodes: [
        {
          id: 'mail',
          type: 'trigger.imap.new_email',
          name: 'Invoice e-mail arrived',
          config: { credentialId: mailboxCredentialId, folder: 'Invoices', markSeen: true, pollSeconds: 300 },
        },
        {
          id: 'extract',
          type: 'logic.transform',
          name: 'Supplier, number and amount',
          config: {
            expression:
              '{ "received": date, "supplier": from[0].name ? from[0].name : from[0].address, "invoice": $match(subject, /[A-Z]{2,}-?\\d+/)[0].match, "amount": $number($replace($match(text, /(\\d+[.,]\\d{2}) ?(EUR|€)/)[0].groups[0], ",", ".")), "subject": subject }',
          },
        },
        { id: 'book', type: 'connector.spreadsheet.read', name: 'Open the invoice book', config: { path: 'office/invoices.xlsx' } },
        { id: 'append', type: 'logic.transform', name: 'Add the row', config: { expression: '$append(rows, [$nodes.extract.output])' } },
        {
          id: 'save',
          type: 'connector.spreadsheet.write',
          name: 'Save the invoice book',
          config: {
            rows: '{{ $ }}',
            columns: ['received', 'supplier', 'invoice', 'amount', 'subject'],
            sheet: 'Invoices',
            path: 'office/invoices.xlsx',
          },
        },
      ],
      edges: [
        { from: 'mail', to: 'extract' },
        { from: 'extract', to: 'book' },
        { from: 'book', to: 'append' },
        { from: 'append', to: 'save' },
      ],
      settings: {},
    },
  };
}
