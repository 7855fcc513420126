import { z } from 'zod';
import { defineStepType } from '../../engine/steps/step-type.ts';
import { formFields } from '../tasks/task-form.domain.ts';

/** The form trigger's settings: the public form people fill in (fields as in a `human.form` step). */
export const formTriggerConfig = z.object({
  title: z.string().trim().min(1).max(200).describe('Heading of the public form'),
  description: z.string().max(5000).default('').describe('Text above the fields (plain text)'),
  fields: formFields
    .min(1)
    .describe('The fields to fill in: key, label, type (text, number, select, file, …), required, limits — as in a form step'),
  submitLabel: z.string().trim().min(1).max(60).default('Submit').describe('Label of the submit button'),
  successMessage: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .default('Thank you — we received your answers.')
    .describe('Shown after a successful submission'),
  redirectUrl: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, 'An http:// or https:// address')
    .optional()
    .describe('Where the browser goes after a successful submission (optional)'),
});
export type FormTriggerConfig = z.output<typeof formTriggerConfig>;

/**
 * `trigger.form`: started when someone submits the workflow's public form link (`/f/<token>`).
 * Output: `{ data, submittedAt, files }`, the submitted values checked field by field.
 */
export const formTrigger = defineStepType({
  type: 'trigger.form',
  title: 'Form',
  description: 'Started when someone submits the public form link (no sign-in). Output: { data, submittedAt, files }.',
  category: 'trigger',
  pure: true,
  config: formTriggerConfig,
  execute: async (_config, input) => ({ kind: 'done', output: input }),
});
