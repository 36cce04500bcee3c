// Every newsroom form's server action, one way: who is signed in → their membership of this school
// (the actor; signed out goes to sign-in, a non-member gets 404) → the form's fields through zod →
// the data function's Result → what the form or page shows. Modelled on dub's safe-action client;
// the data functions still check permission themselves, since they are also called from elsewhere.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requireNewsroomActor } from '../auth/signed-in.ts';
import { readForm, refusedForm, type FormState } from '../forms.ts';
import { fail, type Result } from '../result.ts';

interface ActionSpec<Fields extends z.ZodType, Bound extends string[], T> {
  /** The page the form is on: where a signed-out person comes back to, and what is shown afresh. */
  page: (schoolSlug: string, ...bound: Bound) => string;
  /** The form's fields, as formField schemas. */
  fields: Fields;
  run: (actor: Actor, input: z.output<Fields>, ...bound: Bound) => Promise<Result<T>>;
}

async function act<Fields extends z.ZodType, Bound extends string[], T>(spec: ActionSpec<Fields, Bound, T>, schoolSlug: string, bound: unknown[], form: unknown): Promise<Result<T>> {
  const { actor } = await requireNewsroomActor(schoolSlug, spec.page(schoolSlug, ...(bound as Bound)));
  // React always calls a form action with the bound ids and then the form; anything else was
  // not sent by our pages, and is refused as such rather than failing on it.
  if (!(form instanceof FormData) || !bound.every((value) => typeof value === 'string')) return fail(400, 'This form arrived incomplete. Reload the page and try again.');
  const fields = readForm(spec.fields, form);
  return fields.ok ? spec.run(actor, fields.data, ...(bound as Bound)) : fields;
}

/** For a form that shows its own answer (useActionState): a refusal comes back with what was typed;
 * success gives `done`'s state, or `done` redirects. Bound arguments (a record's id) come first. */
export function newsroomAction<Fields extends z.ZodType, T, Bound extends string[] = [], Extra extends object = object>(
  spec: ActionSpec<Fields, Bound, T> & { done: (data: T, schoolSlug: string) => NoInfer<FormState<Extra>> },
): (schoolSlug: string, ...rest: [...Bound, FormState<Extra>, FormData]) => Promise<FormState<Extra>> {
  return async (schoolSlug, ...rest) => {
    const form = rest.at(-1);
    const bound = rest.slice(0, -2);
    const result = await act(spec, schoolSlug, bound, form);
    if (!result.ok) return form instanceof FormData ? refusedForm<Extra>(result, form) : ({ ok: false, error: result.error } as FormState<Extra>);
    revalidatePath(spec.page(schoolSlug, ...(bound as Bound)));
    return spec.done(result.data, schoolSlug);
  };
}

/** For a button or small form on a page that lists things: it acts, then shows the page again with
 * what happened (`?notice=`) or why not (`?error=`), which works without JavaScript. */
export function newsroomPageAction<Fields extends z.ZodType, T, Bound extends string[] = []>(
  spec: ActionSpec<Fields, Bound, T> & { notice: string | ((data: T) => string) },
): (schoolSlug: string, ...rest: [...Bound, FormData]) => Promise<never> {
  return async (schoolSlug, ...rest) => {
    const form = rest.at(-1);
    const bound = rest.slice(0, -1);
    const result = await act(spec, schoolSlug, bound, form);
    const page = spec.page(schoolSlug, ...(bound as Bound));
    revalidatePath(page);
    const answer: Record<string, string> = result.ok ? { notice: typeof spec.notice === 'string' ? spec.notice : spec.notice(result.data) } : { error: result.error };
    redirect(`${page}?${new URLSearchParams(answer)}`);
  };
}
