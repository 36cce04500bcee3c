/** What the sign-in form shows after a refused attempt. */
export type SignInFormState = { ok: false; error: string; fieldErrors?: Record<string, string>; email: string } | null;
