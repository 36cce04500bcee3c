// Error codes the sign-in endpoint hands its callers, and the sentence each one means. The form's
// server action says the sentence itself; the JSON endpoint (next-auth's) sends the code.
export const LOCKED_ERROR_PREFIX = 'locked:';
export const WRONG_CREDENTIALS_MESSAGE = 'That e-mail and password do not match an account.';

export function lockedUntilMessage(until: Date, timeZone?: string): string {
  const time = until.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
  return `Too many wrong passwords for this address. For your safety, sign-in is paused until ${time}; you can also reset your password.`;
}
