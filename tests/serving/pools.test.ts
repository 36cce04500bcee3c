// Requests and background work do not starve one another of database connections, and a request
// that has to wait for a connection waits instead of failing after Prisma's default two seconds.
import { describe, expect, it } from 'vitest';
import { PLATFORM, asBackgroundWork, transactionFor } from '../../lib/db.ts';
import { publishDueArticles } from '../../lib/workflow/scheduler.ts';

const REQUEST_POOL_SIZE = 16;

/** Holds every connection of the request pool in an open transaction until released. */
async function holdRequestPool(): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let opened = 0;
  let allOpen!: () => void;
  const everyOneOpen = new Promise<void>((resolve) => (allOpen = resolve));
  const holders = Array.from({ length: REQUEST_POOL_SIZE }, () =>
    transactionFor(PLATFORM, async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      if (++opened === REQUEST_POOL_SIZE) allOpen();
      await released;
    }),
  );
  await everyOneOpen;
  return {
    release: async () => {
      release();
      await Promise.all(holders);
    },
  };
}

describe('connection pools', () => {
  it('scheduled publishing runs on its own pool while every request connection is taken', async () => {
    const held = await holdRequestPool();
    try {
      const startedAt = Date.now();
      await asBackgroundWork(() => publishDueArticles());
      // On the request pool it would wait for a held connection until the 10 s connection timeout.
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      await held.release();
    }
  });

  it('a request that finds the pool busy for longer than two seconds waits for a connection and succeeds', async () => {
    const held = await holdRequestPool();
    const startedAt = Date.now();
    const waiting = transactionFor(PLATFORM, (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await held.release();
    expect(await waiting).toEqual([{ one: 1 }]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2_500);
  });
});
