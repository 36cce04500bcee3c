// What a form's server action hands back to the form: the one shape every newsroom and account
// form shares. It lives in lib/ so components can name it without importing from a route.

/** null before the first submission; `values` hands back what was typed when it is refused, since
 * React resets a form after every submission. `Extra` adds what one form alone shows. */
export type FormState<Extra extends object = object> =
  ({ ok: boolean; error?: string; fieldErrors?: Record<string, string>; message?: string; values?: Record<string, string | string[]> } & Extra) | null;

/** A server action as a form calls it through useActionState. */
export type FormAction<Extra extends object = object> = (state: FormState<Extra>, form: FormData) => Promise<FormState<Extra>>;
