import type { Metadata } from 'next';
import { ResetPasswordForm } from '@/components/auth/PasswordResetForms';
import { chooseNewPassword } from './actions';

export const metadata: Metadata = { title: 'Choose a new password — Masthead', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">Choose a new password</h1>
      <ResetPasswordForm action={chooseNewPassword} token={token} />
    </main>
  );
}
