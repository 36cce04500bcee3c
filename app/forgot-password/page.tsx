import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/PasswordResetForms';
import { askForResetLink } from '../reset-password/actions';

export const metadata: Metadata = { title: 'Forgot your password — Masthead' };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">Forgot your password?</h1>
      <p className="mt-2 text-gray-700">We will e-mail you a link to choose a new one.</p>
      <ForgotPasswordForm action={askForResetLink} />
    </main>
  );
}
