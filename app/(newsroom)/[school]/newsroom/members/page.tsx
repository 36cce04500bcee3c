import { notFound } from 'next/navigation';
import { InviteForm } from '@/components/newsroom/InviteForm';
import { ROLE_LABELS, ROLES } from '@/lib/auth';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { listDeletionRequests } from '@/lib/people/deletion';
import { listMembers } from '@/lib/people/members';
import { deactivate, declineErasure, eraseMemberData, invite, reactivate, setRole, switchLiveDesk, withdrawInvitation } from './actions';
import { SchoolAuditLog } from '@/components/newsroom/SchoolAuditLog';
import { schoolAuditLog } from '@/lib/audit';
import { Options, PageNotice, controlClass } from '@/components/ui';
import { newsroomPath } from '@/lib/routes';

const STATUS_LABELS = { ACTIVE: 'Active', ALUMNI: 'Alumni', DEACTIVATED: 'Deactivated' } as const;

export default async function MembersPage({ params, searchParams }: { params: Promise<{ school: string }>; searchParams: Promise<{ notice?: string; error?: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'members'));
  const listed = await listMembers(actor);
  if (!listed.ok) notFound();
  const { notice, error } = await searchParams;
  const [erasures, decisions] = await Promise.all([listDeletionRequests(actor), schoolAuditLog(actor)]);
  const roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const button = 'rounded border border-gray-700 px-3 py-1 text-sm font-semibold';
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-8 px-6 py-8">
      <h1 className="text-2xl font-bold">Members of {school.newspaperName}</h1>
      <PageNotice notice={notice} error={error} />
      {erasures.ok && erasures.data.length > 0 && (
        <section aria-labelledby="erasure-requests" className="rounded border border-amber-600 p-4">
          <h2 id="erasure-requests" className="font-bold">
            Requests to erase personal data
          </h2>
          <ul className="mt-2 space-y-4">
            {erasures.data.map((request) => (
              <li key={request.id}>
                <p>
                  {request.name}, {request.createdAt.toISOString().slice(0, 10)}
                  {request.reason && <>: “{request.reason}”</>}
                </p>
                <div className="mt-2 flex flex-wrap gap-4">
                  <form action={eraseMemberData.bind(null, slug, request.id)}>
                    <button type="submit" className={button}>
                      Erase the personal data<span className="sr-only"> of {request.name}</span>
                    </button>
                  </form>
                  <form action={declineErasure.bind(null, slug, request.id)} className="flex gap-2">
                    <input name="decision" aria-label={`Why the request of ${request.name} is declined`} placeholder="Why not" className={controlClass.inline} />
                    <button type="submit" className={button}>
                      Decline<span className="sr-only"> the request of {request.name}</span>
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <InviteForm action={invite.bind(null, slug)} roles={roles} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members</caption>
        <thead>
          <tr className="border-b border-gray-400">
            <th className="py-2">Name</th>
            <th>E-mail</th>
            <th>Status</th>
            <th>Role</th>
            <th>Live desk</th>
            <th>
              <span className="sr-only">Access</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {listed.data.members.map((member) => (
            <tr key={member.id} className="border-b border-gray-200 align-top">
              <td className="py-2">{member.displayName}</td>
              <td>{member.email}</td>
              <td>{STATUS_LABELS[member.status]}</td>
              <td>
                {member.id === actor.membershipId ? (
                  ROLE_LABELS[member.role]
                ) : (
                  <form action={setRole.bind(null, slug, member.id)} className="flex gap-2">
                    <select name="role" defaultValue={member.role} aria-label={`Role of ${member.displayName}`} className={controlClass.inline}>
                      <Options items={roles} value={(role) => role.value} label={(role) => role.label} />
                    </select>
                    <button type="submit" className={button}>
                      Change role<span className="sr-only"> of {member.displayName}</span>
                    </button>
                  </form>
                )}
              </td>
              <td>
                {member.status === 'ACTIVE' && (
                  <form action={switchLiveDesk.bind(null, slug, member.id)}>
                    {!member.liveDesk && <input type="hidden" name="onDesk" value="on" />}
                    <button type="submit" className={button}>
                      {member.liveDesk ? 'Remove' : 'Add'}
                      <span className="sr-only">
                        {' '}
                        {member.displayName} {member.liveDesk ? 'from' : 'to'} the live desk
                      </span>
                    </button>
                    {member.liveDesk && <span className="ml-2">On the desk</span>}
                  </form>
                )}
              </td>
              <td>
                {member.id !== actor.membershipId && member.status === 'ACTIVE' && (
                  <form action={deactivate.bind(null, slug, member.id)}>
                    <button type="submit" className={button}>
                      Deactivate<span className="sr-only"> {member.displayName}</span>
                    </button>
                  </form>
                )}
                {member.status === 'DEACTIVATED' && (
                  <form action={reactivate.bind(null, slug, member.id)}>
                    <button type="submit" className={button}>
                      Reactivate<span className="sr-only"> {member.displayName}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {decisions.ok && <SchoolAuditLog events={decisions.data} timeZone={school.timeZone} />}
      {listed.data.invitations.length > 0 && (
        <section aria-labelledby="open-invitations">
          <h2 id="open-invitations" className="font-bold">
            Open invitations
          </h2>
          <ul className="mt-2 space-y-2">
            {listed.data.invitations.map((invitation) => (
              <li key={invitation.id} className="flex items-center gap-3">
                {invitation.email} · {ROLE_LABELS[invitation.role]} · until {invitation.expiresAt.toISOString().slice(0, 10)}
                <form action={withdrawInvitation.bind(null, slug, invitation.id)}>
                  <button type="submit" className={button}>
                    Withdraw<span className="sr-only"> the invitation of {invitation.email}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
