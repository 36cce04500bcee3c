import type { Metadata } from 'next';
import { ResetPasswordForm } from '@/components/auth/PasswordResetForms';
import { chooseNewPassword } from './actions';

// The address holds the reset token: it must not leak to another site as a Referer. 'same-origin'
// rather than 'no-referrer', because with no referrer at all the browser sends `Origin: null` on
// the form's own POST, which the server rightly refuses as cross-site.
export const metadata: Metadata = { title: 'Choose a new password — Masthead', referrer: 'same-origin' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">Choose a new password</h1>
      <ResetPasswordForm action={chooseNewPassword} token={token} />
    </main>
  );
}
