// Who may post live updates without review is the adviser's decision: the members page explains the
// desk and lists every change to it, from the school's audit log.
import { dateFormat } from '@/lib/dates';

export function LiveDeskLog({ events, timeZone }: { events: { id: string; by: string; detail: string; createdAt: Date }[]; timeZone: string }) {
  const when = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <section aria-labelledby="live-desk" className="text-sm">
      <h2 id="live-desk" className="font-bold">
        Live desk
      </h2>
      <p className="mt-1 text-gray-700">
        Members on the live desk post live updates to a story without review. Everyone else’s updates wait until someone on the desk, or someone who may publish the story, publishes them.
      </p>
      {events.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label="Changes to the live desk">
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
