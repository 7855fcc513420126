/** A public form link as builders see it (GET /api/v1/forms). */
export interface FormLink {
  id: string;
  workflowId: string;
  workflowName: string;
  title: string | null;
  /** null when the server cannot unseal the token (its secret key changed): rotate the link. */
  url: string | null;
  token: string | null;
  enabled: boolean;
  live: boolean;
  submissions: number;
  spamBlocked: number;
  lastSubmissionAt: string | null;
  createdAt: string;
  rotatedAt: string | null;
}

export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'email'
  | 'select'
  | 'multiselect'
  | 'file';

/** A field of a form, as the server defines it (see docs/tasks.md#form--humanform). */
export interface FormFieldDef {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  help?: string;
  options?: (string | { value: string; label: string })[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  maxBytes?: number;
  accept?: string[];
  default?: unknown;
}

/** What GET /api/v1/forms/public/{token} answers. */
export interface PublicForm {
  title: string;
  description: string;
  fields: FormFieldDef[];
  submitLabel: string;
  honeypotField: string;
}

/** An uploaded file as a file field holds it. */
export interface FileValue {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}
