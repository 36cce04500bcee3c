// Times as a school means them: a "datetime-local" field's "2026-12-01T07:00" is seven in the
// morning where the school is, whatever zone the server runs in.
import { dateFormat } from '../dates.ts';

function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    dateFormat({ timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a school's local date and time ("YYYY-MM-DDTHH:MM") names, or null if it is none. */
export function schoolLocalTime(local: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const asUtc = new Date(`${local}:00Z`);
  if (Number.isNaN(asUtc.getTime())) return null;
  // Twice: the offset at the first guess may differ from the offset at the answer (a DST change).
  const guess = new Date(asUtc.getTime() - offsetMs(asUtc, timeZone));
  return new Date(asUtc.getTime() - offsetMs(guess, timeZone));
}
