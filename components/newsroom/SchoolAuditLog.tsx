// Decisions about the school's people, from its audit log (lib/audit): roles, access and the live
// desk, whose meaning the page says here since this is where the adviser keeps it.
import { dateFormat } from '@/lib/dates';

export function SchoolAuditLog({ events, timeZone }: { events: { id: string; by: string; detail: string; createdAt: Date }[]; timeZone: string }) {
  const when = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <section aria-labelledby="audit-log" className="text-sm">
      <h2 id="audit-log" className="font-bold">
        Decisions about members
      </h2>
      <p className="mt-1 text-gray-700">
        Members on the live desk post live updates to a story without review. Everyone else’s updates wait until someone on the desk, or someone who may publish the story, publishes them.
      </p>
      {events.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label="Decisions about members, newest first">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()}>{when.format(event.createdAt)}</time>: {event.detail} ({event.by})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
