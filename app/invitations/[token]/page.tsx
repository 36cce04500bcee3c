import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/auth/AcceptInvitationForm';
import { ROLE_LABELS } from '@/lib/auth';
import { describeInvitation } from '@/lib/people/members';
import { accept } from './actions';

export const metadata: Metadata = { title: 'Join a newspaper — Masthead', robots: { index: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token);
  return (
    <main id="main" className="mx-auto max-w-md px-6 py-16">
      {invitation ? (
        <>
          <h1 className="font-serif text-3xl font-bold">Join {invitation.newspaperName}</h1>
          <p className="mt-3 text-gray-800">
            {invitation.schoolName} invites <strong>{invitation.email}</strong> to its newsroom as {ROLE_LABELS[invitation.role].toLowerCase()}.
          </p>
          <AcceptInvitationForm action={accept.bind(null, token)} hasAccount={invitation.hasAccount} />
        </>
      ) : (
        <>
          <h1 className="font-serif text-3xl font-bold">This invitation cannot be used</h1>
          <p className="mt-3">It has expired, was withdrawn or was already accepted. Ask the adviser for a new one.</p>
        </>
      )}
    </main>
  );
}
