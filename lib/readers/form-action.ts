// A reader's form (no sign-in) for one school, one way: the school from the address, the form's
// fields through zod, the data function's Result, then what the page shows — the words of
// success, or the refusal with what was typed. Every public form's server action goes through it.
import 'server-only';
import type { z } from 'zod';
import { readForm, refusedForm, type FormState } from '../forms.ts';
import { missing, type Result } from '../result.ts';
import { getSchoolBySlug, type School } from '../tenants/index.ts';

export async function readerFormAction<Fields extends z.ZodType, T>(
  schoolSlug: string,
  form: FormData,
  fields: Fields,
  run: (school: School, input: z.output<Fields>) => Promise<Result<T>>,
  done: (data: T, school: School) => string,
): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  if (!school) return refusedForm(missing('page'), form);
  const input = readForm(fields, form);
  const result = input.ok ? await run(school, input.data) : input;
  return result.ok ? { ok: true, message: done(result.data, school) } : refusedForm(result, form);
}
