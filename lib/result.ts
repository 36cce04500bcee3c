// Expected failures are values, not exceptions: a data function answers with a Result, and the
// route or action maps its status straight onto HTTP. Exceptions are left for bugs.
import type { z } from 'zod';

export type FailureStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

export type Failure<C = undefined> = {
  ok: false;
  status: FailureStatus;
  error: string;
  fieldErrors?: Record<string, string>;
  /** For 409: what the server holds now, so the client can show both versions. */
  conflict?: C;
};

export type Result<T, C = undefined> = { ok: true; data: T } | Failure<C>;

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(status: FailureStatus, error: string, fieldErrors?: Record<string, string>): Failure<never> {
  return fieldErrors ? { ok: false, status, error, fieldErrors } : { ok: false, status, error };
}

// What is looked for and not found, in the words the answer uses. Another school's record is
// answered exactly like one that never existed, so these words never hint at which it was.
const MISSING = {
  page: 'That page',
  article: 'That article',
  issue: 'That issue',
  comment: 'That comment',
  thread: 'That comment thread',
  pitch: 'That pitch',
  assignment: 'That assignment',
  invitation: 'That invitation',
  member: 'That member',
  deactivatedMember: 'That member, among the deactivated,',
  openRequest: 'That request, among the open ones,',
  import: 'That import',
  removalRequest: 'That request',
  subscription: 'That subscription',
  newsletter: 'That newsletter',
  media: 'That upload',
} as const;

/** 404 for something that is not there (or not in this school, which reads the same). */
export function missing(thing: keyof typeof MISSING): Failure<never> {
  return fail(404, `${MISSING[thing]} was not found.`);
}

/** zod issues as one message per field ("bylines.0.guestName"), the first issue of each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : 'form';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function invalid(error: z.ZodError, message = 'Some fields need attention.'): Failure<never> {
  return fail(422, message, fieldErrorsOf(error));
}

/** Parse with a zod schema into a Result: 422 with field messages when the input does not fit. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : invalid(parsed.error);
}

/** A Result as an HTTP answer: the data with the success status, or the failure with its own. */
export function resultResponse<T, C>(result: Result<T, C>, successStatus = 200): Response {
  if (result.ok) return Response.json(result.data, { status: successStatus });
  const { ok: _ok, ...failure } = result;
  return Response.json(failure, { status: result.status });
}

/** The request's JSON body, or 400 with a plain message when it is not JSON. */
export async function readJson(request: Request): Promise<Result<unknown>> {
  try {
    return ok(await request.json());
  } catch {
    return fail(400, 'The request body must be JSON.');
  }
}

/** A form's own fields and boundaries beside the file, with room to spare. */
const FORM_OVERHEAD = 1024 * 1024;
const MAX_FORM_BYTES = 20 * 1024 * 1024;

/** The largest form that can carry a file of `fileBytes`. */
export function formLimitFor(fileBytes: number): number {
  return fileBytes + FORM_OVERHEAD;
}

export interface UploadedFile {
  file: { bytes: Buffer; filename: string };
  fields: Record<string, string>;
}

/** A multipart form with one file under "file" and text fields beside it. A body that says it is
 * larger than `maxBytes` is refused before any of it is read into memory. */
export async function readUploadedFile(request: Request, maxBytes = MAX_FORM_BYTES): Promise<Result<UploadedFile>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    const message = `This upload is ${(declared / 1024 / 1024).toFixed(1)} MB; at most ${Math.round(maxBytes / 1024 / 1024)} MB can be sent at once.`;
    return fail(413, message, { file: message });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, 'Send the file as a multipart form.');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) return fail(422, 'Choose a file to upload.', { file: 'Choose a file to upload.' });
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') fields[key] = value;
  const filename = 'name' in file && typeof file.name === 'string' ? file.name : 'upload';
  return ok({ file: { bytes: Buffer.from(await file.arrayBuffer()), filename }, fields });
}

/** A page's query parameters as plain strings, whatever arrived: repeated parameters (arrays) give
 * their first value, and anything that is not a set of parameters gives none. */
export function queryParams(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' || typeof first === 'number') params[key] = String(first);
  }
  return params;
}
