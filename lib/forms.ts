// Forms and their server actions: the one shape every form's answer takes, and how a form's fields
// become typed input. It lives in lib/ so components can name these types without importing a route.
import { z } from 'zod';
import { fieldErrorsOf, type Failure, type Result } from './result.ts';

/** null before the first submission; `values` hands back what was typed when it is refused, since
 * React resets a form after every submission. `Extra` adds what one form alone shows. */
export type FormState<Extra extends object = object> =
  ({ ok: boolean; error?: string; fieldErrors?: Record<string, string>; message?: string; values?: Record<string, string | string[]> } & Extra) | null;

/** A server action as a form calls it through useActionState. */
export type FormAction<Extra extends object = object> = (state: FormState<Extra>, form: FormData) => Promise<FormState<Extra>>;

// Never handed back to the page after a refusal: a password belongs in no HTML and no action state,
// and a token only in the link it came from.
const SECRET_FIELDS: ReadonlySet<string> = new Set(['password', 'confirm', 'token']);

/** What was typed into a form, by field name: one value as a string, a repeated field (checkboxes
 * of one name, a multiple select) as a list. Files and Next's own `$ACTION…` fields are left out. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$')) continue;
    const all = form.getAll(key).filter((value): value is string => typeof value === 'string');
    if (all.length > 0) values[key] = all.length > 1 ? all : all[0]!;
  }
  return values;
}

/** What a refused form may show again: what was typed, secrets left out. */
export function submittedValues(form: FormData): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(formValues(form)).filter(([key]) => !SECRET_FIELDS.has(key)));
}

/** The form's fields through their zod schema (formField below): 422 with a message per field when
 * they do not fit. */
export function readForm<S extends z.ZodType>(fields: S, form: FormData): Result<z.output<S>> {
  const parsed = fields.safeParse(formValues(form));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, status: 422, error: 'Some fields need attention.', fieldErrors: fieldErrorsOf(parsed.error) };
}

/** A refusal as the form shows it, with what was typed so nothing is lost. */
export function refusedForm<Extra extends object = object>(failure: Failure<unknown>, form: FormData): FormState<Extra> {
  return { ok: false, error: failure.error, fieldErrors: failure.fieldErrors, values: submittedValues(form) } as FormState<Extra>;
}

// How the fields of an HTML form arrive, as zod schemas over submittedValues(): a missing text
// field is empty, a checkbox is "on" or absent, and a list may arrive as one value or none. The
// domain schema then validates what they mean; these only say how a form writes them.
export const formField = {
  text: z.string().default(''),
  /** Empty means "not given" (an optional date, an unchosen section). */
  optional: z
    .string()
    .optional()
    .transform((value) => value || undefined),
  /** A number field: empty is not a number (NaN), so the domain schema's own message explains it. */
  number: z
    .string()
    .default('')
    .transform((value) => (value.trim() === '' ? Number.NaN : Number(value))),
  checkbox: z.preprocess((value) => value === 'on', z.boolean()),
  list: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string())),
};
