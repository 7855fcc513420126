import type { Questionnaire } from '../value/assessment.domain.ts';

/** The scope key of the default questionnaire (stored with `category_id` null). */
export const DEFAULT_SCOPE = 'default';

/**
 * The built-in questionnaire, used until an organisation publishes its own default or one for a
 * category. It asks what a small business can answer in ten minutes and what most often decides
 * whether an automation is easy and safe to build: how many systems it touches, what the input
 * looks like, how exceptions are handled, how sensitive the data is, and whether the process
 * owner has time to help. Higher scores mean an easier, safer build.
 */
export const BUILT_IN_QUESTIONNAIRE: Questionnaire = {
  categoryId: DEFAULT_SCOPE,
  version: 1,
  title: 'Automation assessment (SMB)',
  questions: [
    {
      key: 'systems',
      label: 'Which systems does the process touch?',
      help: 'Tick every one; each system to connect adds work.',
      kind: 'multi',
      required: true,
      weight: 2,
      affectsScore: true,
      options: [
        { value: 'email', label: 'E-mail', score: 0.3 },
        { value: 'spreadsheet', label: 'Spreadsheets', score: 0.3 },
        { value: 'accounting', label: 'Accounting / ERP', score: 0.2 },
        { value: 'crm', label: 'CRM', score: 0.2 },
        { value: 'web_portal', label: 'A supplier’s or government web portal', score: 0.05 },
        { value: 'legacy', label: 'A legacy desktop application without an API', score: 0 },
      ],
    },
    {
      key: 'inputFormat',
      label: 'In what form does the work arrive?',
      kind: 'single',
      required: true,
      weight: 2,
      affectsScore: true,
      options: [
        { value: 'structured', label: 'Structured data (forms, exports, API)', score: 1 },
        { value: 'documents', label: 'Digital documents with a fixed layout (PDF invoices)', score: 0.7 },
        { value: 'free_text', label: 'Free text (e-mails, chat)', score: 0.35 },
        { value: 'paper', label: 'Paper, scans or phone calls', score: 0 },
      ],
    },
    {
      key: 'exceptions',
      label: 'How are exceptions handled today?',
      help: 'Cases that do not follow the usual path.',
      kind: 'single',
      required: true,
      weight: 1.5,
      affectsScore: true,
      options: [
        { value: 'rare', label: 'They are rare and someone knows what to do', score: 1 },
        { value: 'documented', label: 'They are frequent but the rules are written down', score: 0.7 },
        { value: 'judgement', label: 'They need judgement case by case', score: 0.25 },
        { value: 'unknown', label: 'Nobody really knows', score: 0 },
      ],
    },
    {
      key: 'dataSensitivity',
      label: 'How sensitive is the data?',
      kind: 'single',
      required: true,
      weight: 1,
      affectsScore: true,
      options: [
        { value: 'public', label: 'Public', score: 1 },
        { value: 'internal', label: 'Internal', score: 0.8 },
        { value: 'personal', label: 'Personal data (GDPR)', score: 0.4 },
        { value: 'regulated', label: 'Regulated (health, payment cards, payroll)', score: 0.1 },
      ],
    },
    {
      key: 'ownerHours',
      label: 'Hours a month the process owner can give the builder',
      kind: 'number',
      required: false,
      weight: 1,
      affectsScore: true,
      min: 0,
      max: 200,
      scoreFrom: 0,
      scoreTo: 8,
    },
    {
      key: 'notes',
      label: 'Anything else the builder should know (compliance rules, deadlines)?',
      kind: 'text',
      required: false,
      weight: 0,
      affectsScore: false,
      maxLength: 5000,
    },
  ],
};
