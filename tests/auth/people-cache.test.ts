import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorInSchool } from '../../lib/auth/actor.ts';
import { cachedSessionHolder } from '../../lib/auth/people-cache.ts';
import { signOutEverywhere } from '../../lib/auth/sign-out-everywhere.ts';
import { platformDb as db } from '../../lib/db.ts';
import { changeRole, deactivateMember, reactivateMember } from '../../lib/people/members.ts';
import { trustKeptRows } from '../../lib/serving/kept-while-listening.ts';
import { ReaderPageCache } from '../../lib/page-cache/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { withPgClient } from '../../scripts/lib/database.ts';
import { schoolBySlug, seededActors } from '../factories.ts';
import { applyKeptRowsChange } from '../../lib/serving/apply-kept-rows-change.ts';

// Who people are is kept between requests only while the production server hears the database's
// NOTIFY of every change to it (the listener of lib/page-cache), over real LISTEN/NOTIFY here.
let people: Awaited<ReturnType<typeof seededActors>>;
let listener: ReaderPageCache;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
  listener = new ReaderPageCache({ databaseUrl: process.env.DATABASE_URL!, keptRows: applyKeptRowsChange });
  await listener.start();
});

afterAll(async () => {
  await listener.stop();
});

/** A change made with triggers off: no NOTIFY, so only a kept copy would still show the old row. */
function unheard(statement: string, values: unknown[]) {
  return withPgClient(process.env.DATABASE_URL!, async (client) => {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(statement, values);
    await client.query('COMMIT');
  });
}

describe('who people are, kept between requests', () => {
  it('a membership is kept while changes are heard, and a role change or an ended membership is seen as soon as it commits', async () => {
    const school = await schoolBySlug('canyon-crest');
    const jordan = people.jordan;
    expect((await actorInSchool(jordan.userId, school))?.role).toBe('REPORTER');
    // Kept: a change the database does not announce is not seen...
    await unheard(`UPDATE memberships SET "displayName" = 'Unheard Name' WHERE id = $1`, [jordan.membershipId]);
    expect((await actorInSchool(jordan.userId, school))?.displayName).toBe(jordan.displayName);
    // ...and every change made the ordinary way is.
    await db.membership.update({ where: { id: jordan.membershipId }, data: { role: 'EDITOR' } });
    await expect.poll(async () => (await actorInSchool(jordan.userId, school))?.role).toBe('EDITOR');
    expect((await actorInSchool(jordan.userId, school))?.displayName).toBe('Unheard Name');
    await db.membership.update({ where: { id: jordan.membershipId }, data: { status: 'DEACTIVATED' } });
    await expect.poll(() => actorInSchool(jordan.userId, school)).toBeNull();
    await db.membership.update({ where: { id: jordan.membershipId }, data: { status: 'ACTIVE', role: 'REPORTER', displayName: jordan.displayName } });
    await expect.poll(async () => (await actorInSchool(jordan.userId, school))?.role).toBe('REPORTER');
  });

  it('signing out everywhere retires the kept account at once; without the listener nothing is kept', async () => {
    let reads = 0;
    const holder = () => cachedSessionHolder(people.andrew.userId, () => (reads++, db.user.findUnique({ where: { id: people.andrew.userId }, select: { sessionsValidAfter: true } })));
    const before = await holder();
    await holder();
    expect(reads).toBe(1);
    await signOutEverywhere(people.andrew.userId, new Date(Date.now() + 1000));
    await expect.poll(async () => (await holder())?.sessionsValidAfter.getTime()).toBeGreaterThan(before!.sessionsValidAfter.getTime());

    await listener.stop();
    try {
      const counted = reads;
      await holder();
      await holder();
      expect(reads).toBe(counted + 2);
    } finally {
      await listener.start();
    }
  });

  it('whoever changes someone sees the change on their next request, before the NOTIFY comes back', async () => {
    const school = await schoolBySlug('canyon-crest');
    const { adviser, jordan, andrew } = people;
    // Kept rows trusted, but no NOTIFY will arrive: only the writer's own retiring can show a change.
    await listener.stop();
    trustKeptRows(true);
    try {
      expect((await actorInSchool(jordan.userId, school))?.role).toBe('REPORTER');
      expect((await changeRole(adviser, jordan.membershipId, { role: 'EDITOR' })).ok).toBe(true);
      expect((await actorInSchool(jordan.userId, school))?.role).toBe('EDITOR');
      expect((await deactivateMember(adviser, jordan.membershipId)).ok).toBe(true);
      expect(await actorInSchool(jordan.userId, school)).toBeNull();
      expect((await reactivateMember(adviser, jordan.membershipId)).ok).toBe(true);
      expect((await changeRole(adviser, jordan.membershipId, { role: 'REPORTER' })).ok).toBe(true);
      expect((await actorInSchool(jordan.userId, school))?.role).toBe('REPORTER');

      const holder = () => cachedSessionHolder(andrew.userId, () => db.user.findUnique({ where: { id: andrew.userId }, select: { sessionsValidAfter: true } }));
      const before = (await holder())!.sessionsValidAfter;
      const later = new Date(before.getTime() + 60_000);
      await signOutEverywhere(andrew.userId, later);
      expect((await holder())?.sessionsValidAfter).toEqual(later);
    } finally {
      trustKeptRows(false);
      await listener.start();
    }
  });
});
