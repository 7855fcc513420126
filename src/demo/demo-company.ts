/**
 * The demo company: Crumb & Co., a bakery with online orders, a shop and an office.
 * Later modules extend it (ideas, workflows, tasks, event logs).
 */
export const DEMO_PASSWORD = 'crumb-and-co-demo';

export const DEMO_TEAMS = [
  { key: 'bakery', name: 'Bakery & online orders', description: 'Bakes every night and fulfils the web shop orders by morning delivery.' },
  { key: 'shop', name: 'Shop', description: 'The shop on Mill Street: counter, café tables, catering pick-ups.' },
  { key: 'office', name: 'Office', description: 'Orders, invoices, payroll, suppliers and IT.' },
] as const;

type TeamKey = (typeof DEMO_TEAMS)[number]['key'];

export interface DemoPerson {
  name: string;
  email: string;
  team: TeamKey;
  manager?: boolean;
  roles: { role: string; team?: TeamKey }[];
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Amira Haddad', email: 'amira@crumb.example', team: 'office', manager: true, roles: [{ role: 'admin' }] },
  { name: 'Jonas Keller', email: 'jonas@crumb.example', team: 'office', roles: [{ role: 'programme_manager' }] },
  { name: 'Priya Nair', email: 'priya@crumb.example', team: 'office', roles: [{ role: 'approver' }, { role: 'builder' }] },
  { name: 'Tomás Ortega', email: 'tomas@crumb.example', team: 'office', roles: [{ role: 'viewer' }] },
  {
    name: 'Lena Fischer',
    email: 'lena@crumb.example',
    team: 'bakery',
    manager: true,
    roles: [
      { role: 'approver', team: 'bakery' },
      { role: 'programme_manager', team: 'bakery' },
    ],
  },
  { name: 'Kwame Mensah', email: 'kwame@crumb.example', team: 'bakery', roles: [{ role: 'builder', team: 'bakery' }] },
  { name: 'Sofia Rossi', email: 'sofia@crumb.example', team: 'bakery', roles: [] },
  { name: 'Dmitri Volkov', email: 'dmitri@crumb.example', team: 'bakery', roles: [] },
  { name: 'Hana Sato', email: 'hana@crumb.example', team: 'shop', manager: true, roles: [{ role: 'approver', team: 'shop' }] },
  { name: 'Lucas Martin', email: 'lucas@crumb.example', team: 'shop', roles: [{ role: 'builder', team: 'shop' }] },
  { name: 'Emma Williams', email: 'emma@crumb.example', team: 'shop', roles: [] },
  { name: 'Noah Becker', email: 'noah@crumb.example', team: 'shop', roles: [] },
];
