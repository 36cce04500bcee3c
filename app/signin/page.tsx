import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/SignInForm';
import { SingleSignOnButtons } from '@/components/auth/SingleSignOnButtons';
import { safeCallbackPath } from '@/lib/auth/password-sign-in';
import { singleSignOnProviders, SSO_ERROR_MESSAGES } from '@/lib/auth/single-sign-on';
import { signInWithPasswordForm } from './actions';
import { ErrorBox } from '@/components/ui';

export const metadata: Metadata = { title: 'Sign in — Masthead' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, signedOut, joined, error } = await searchParams;
  const ssoError = typeof error === 'string' && error.startsWith('sso-') ? SSO_ERROR_MESSAGES[error.slice(4)] : undefined;
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">Sign in to your newsroom</h1>
      {signedOut === 'everywhere' && (
        <p role="status" className="mt-4 rounded bg-green-50 px-3 py-2 text-green-900">
          You are signed out on every device.
        </p>
      )}
      {joined && (
        <p role="status" className="mt-4 rounded bg-green-50 px-3 py-2 text-green-900">
          You joined the newsroom. Sign in to open it.
        </p>
      )}
      {ssoError && <ErrorBox className="mt-4">{ssoError}</ErrorBox>}
      <SignInForm action={signInWithPasswordForm} callbackUrl={safeCallbackPath(callbackUrl)} />
      <SingleSignOnButtons providers={singleSignOnProviders().offered} callbackUrl={safeCallbackPath(callbackUrl)} />
      <p className="mt-6">
        <Link className="underline" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
    </main>
  );
}
