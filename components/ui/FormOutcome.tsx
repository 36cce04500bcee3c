import type { FormState } from '@/lib/forms';
import { ErrorBox, StatusText } from './Alert';

/** Under a form: why it was refused as a whole, or what happened when it went through. Field errors
 * stand beside their fields (see Field); this says the rest. */
export function FormOutcome({ state }: { state: FormState<object> }) {
  if (!state) return null;
  if (!state.ok) return state.error ? <ErrorBox>{state.error}</ErrorBox> : null;
  return state.message ? <StatusText>{state.message}</StatusText> : null;
}
