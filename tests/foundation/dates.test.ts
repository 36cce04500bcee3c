import { describe, expect, it } from 'vitest';
import { dateFormat } from '../../lib/dates.ts';

describe('dates', () => {
  it('are written by one kept formatter per set of options, in the zone asked for', () => {
    const long = dateFormat({ dateStyle: 'long', timeZone: 'America/Chicago' });
    expect(dateFormat({ dateStyle: 'long', timeZone: 'America/Chicago' })).toBe(long);
    // 03:00 UTC on the 28th is still the 27th in Chicago, and already the 28th in Tokyo.
    const instant = new Date('2026-11-28T03:00:00Z');
    expect(long.format(instant)).toBe('November 27, 2026');
    expect(dateFormat({ dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(instant)).toBe('November 28, 2026');
    expect(dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(instant)).toBe('Nov 28, 2026');
  });
});
