import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { formField } from '../tasks/task-form.domain.ts';

export const formIdParam = z.object({ id: z.string().min(1).max(64).describe('Form link id') });
// Any string: a malformed token gets the same 404 as a forged one.
export const tokenParam = z.object({ token: z.string().max(200).describe('The capability token of the link') });
export const listFormsQuery = z.object({
  workflowId: z.string().max(64).optional().describe('Only the link of this workflow'),
  ...pageQuery,
});
export const fieldQuery = z.object({ field: z.string().max(64).optional().describe('Key of the file field the upload is for') });
export const fileIdParam = z.object({ id: z.string().min(1).max(64).describe('File id') });
export const taskIdParam = z.object({ id: z.string().min(1).max(64).describe('Task id') });

export const formLinkSchema = z
  .object({
    id: z.string().describe('Form link id'),
    workflowId: z.string().describe('Workflow it starts'),
    workflowName: z.string().describe('Its name'),
    title: z.string().nullable().describe("The form's title in the live version (null: the live version has no form trigger)"),
    url: z
      .string()
      .nullable()
      .describe(
        'The public link (relative without SYMBIONT_PUBLIC_URL); null when the token cannot be unsealed (the secret key changed): rotate',
      ),
    token: z.string().nullable().describe('The capability token in the link (builders only); null as for url'),
    enabled: z.boolean().describe('Accepts submissions (a disabled link answers 404)'),
    live: z.boolean().describe('The workflow is published, not archived, and its live version starts with a form trigger'),
    submissions: z.number().int().describe('Accepted submissions'),
    spamBlocked: z.number().int().describe('Submissions the honeypot caught (nothing started)'),
    lastSubmissionAt: z.string().nullable().describe('Last accepted submission'),
    createdAt: z.string().describe('Created (first publication with a form trigger)'),
    rotatedAt: z.string().nullable().describe('Last token rotation'),
  })
  .describe('A public form link');
export type FormLinkView = z.infer<typeof formLinkSchema>;

export const publicFormSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    fields: z.array(formField).describe('The fields, as in a form step'),
    submitLabel: z.string(),
    honeypotField: z.string().describe('Name of the hidden spam-trap input: send it empty (or not at all)'),
  })
  .describe('What the public form page renders');
export type PublicForm = z.infer<typeof publicFormSchema>;

export const submitBody = z
  .object({
    data: z.record(z.string(), z.unknown()).default({}).describe('Values by field key; a file field holds the value its upload returned'),
    submissionId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,100}$/, '8–100 letters, digits, - and _')
      .optional()
      .describe('Client-generated id: submitting again with it (a double click) starts no second run'),
    website: z.string().max(1000).optional().describe('The honeypot: people leave it empty'),
  })
  .describe('A form submission');
export type SubmitBody = z.infer<typeof submitBody>;

export const submitResultSchema = z
  .object({
    accepted: z.literal(true),
    message: z.string().describe('The success message to show'),
    redirectUrl: z.string().nullable().describe('Where to send the browser, if the form says so'),
  })
  .describe('Submission accepted');

export const fileValueSchema = z
  .object({
    fileId: z.string(),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string().describe('Sniffed from the content, not taken from the client'),
  })
  .describe('The stored upload: the value the file field then holds');
