// Error codes the sign-in endpoint hands the form, shared by the server (which throws them) and
// the browser (which explains them).
export const LOCKED_ERROR_PREFIX = 'locked:';

export function lockedMessage(error: string | null | undefined, timeZone?: string): string | null {
  if (!error?.startsWith(LOCKED_ERROR_PREFIX)) return null;
  const until = new Date(error.slice(LOCKED_ERROR_PREFIX.length));
  if (Number.isNaN(until.getTime())) return null;
  const time = until.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
  return `Too many wrong passwords for this address. For your safety, sign-in is paused until ${time}; you can also reset your password.`;
}
