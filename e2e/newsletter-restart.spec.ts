// A newsletter send survives a crash: a server starts sending (slowly, at its rate limit), is
// killed outright mid-send (SIGKILL: no shutdown code runs), and the server started after it
// finishes the send — and no address receives the newsletter twice.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { baseURL, mailCatcherURL } from '../playwright.config';
import { withServerStopped } from './processes';
import { e2eDatabaseUrl, SECOND_PORT, startSecondServer, stopSecondServer, waitForHealth } from './support/second-server';
import type { CaughtMessage } from './support/mail-catcher';

const RECIPIENTS = 12;

/** Statements as the platform (row-level security lets nothing through otherwise). */
async function asPlatform<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('masthead.tenant', 'platform', true)`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

test('a server killed in the middle of a newsletter send: the next one finishes it, and nobody receives it twice', async () => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const subject = `Snow closure update ${run}`;
  const addresses = Array.from({ length: RECIPIENTS }, (_, index) => `restart-${run}-${index}@example.com`);
  const sendId = `send-${run}`;
  await asPlatform(async (client) => {
    const school = (await client.query<{ id: string }>(`SELECT id FROM schools WHERE slug = 'canyon-crest'`)).rows[0]!.id;
    // Readers who confirmed long ago. (Other specs' readers of the list get the send too; only
    // these are counted.)
    for (const email of addresses)
      await client.query(
        `INSERT INTO subscribers (id, "schoolId", email, lists, "requestedLists", status, "unsubscribeToken", "confirmedAt") VALUES ($1, $2, $3, '{BREAKING}', '{}', 'ACTIVE', $4, now())`,
        [`sub-${randomBytes(8).toString('hex')}`, school, email, randomBytes(24).toString('base64url')],
      );
  });
  // Scheduled once the suite's own server is frozen, so the servers of this story are its only senders.
  const schedule = () =>
    asPlatform(async (client) => {
      const school = (await client.query<{ id: string }>(`SELECT id FROM schools WHERE slug = 'canyon-crest'`)).rows[0]!.id;
      const story = (await client.query<{ id: string }>(`SELECT id FROM articles WHERE "schoolId" = $1 AND "publishedRevisionId" IS NOT NULL LIMIT 1`, [school])).rows[0]!.id;
      const editor = (await client.query<{ id: string }>(`SELECT m.id FROM memberships m JOIN users u ON u.id = m."userId" WHERE u.email = 'editor@canyoncrest.example'`)).rows[0]!.id;
      await client.query(
        `INSERT INTO newsletter_sends (id, "schoolId", list, subject, "articleIds", status, "scheduledFor", "createdById") VALUES ($1, $2, 'BREAKING', $3, $4, 'SCHEDULED', now(), $5)`,
        [sendId, school, subject, [story], editor],
      );
    });
  const receivedBy = async () => {
    const all = (await (await fetch(`${mailCatcherURL}/messages`)).json()) as CaughtMessage[];
    return all
      .filter((message) => message.subject === subject)
      .flatMap((message) => message.to)
      .filter((to) => addresses.includes(to));
  };
  // Two messages a second, and a claim older than 3 s counts as interrupted.
  const slowly = { MASTHEAD_NEWSLETTER_PER_MINUTE: '60', MASTHEAD_NEWSLETTER_INTERVAL_MS: '500', MASTHEAD_NEWSLETTER_STALE_MS: '3000' };
  await withServerStopped(Number(new URL(baseURL).port), async () => {
    await schedule();
    const first = startSecondServer(slowly);
    try {
      await waitForHealth(`http://127.0.0.1:${SECOND_PORT}/api/health`, Date.now() + 120_000);
      await expect.poll(async () => (await receivedBy()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    } finally {
      await stopSecondServer(first, 'SIGKILL');
    }
    const sentBeforeCrash = (await receivedBy()).length;
    expect(sentBeforeCrash).toBeLessThan(RECIPIENTS);
    const second = startSecondServer(slowly);
    try {
      await waitForHealth(`http://127.0.0.1:${SECOND_PORT}/api/health`, Date.now() + 120_000);
      await expect
        .poll(async () => asPlatform(async (client) => (await client.query<{ status: string }>('SELECT status FROM newsletter_sends WHERE id = $1', [sendId])).rows[0]!.status), { timeout: 90_000 })
        .toBe('SENT');
    } finally {
      await stopSecondServer(second, 'SIGTERM');
    }
  });
  const received = await receivedBy();
  // Nobody twice; everyone once, except at most the one whose hand-off the crash cut (reported).
  expect(new Set(received).size).toBe(received.length);
  const deliveries = await asPlatform(
    async (client) =>
      (
        await client.query<{ status: string; error: string | null }>(
          'SELECT d.status, d.error FROM newsletter_deliveries d JOIN subscribers s ON s.id = d."subscriberId" WHERE d."sendId" = $1 AND s.email = ANY($2)',
          [sendId, addresses],
        )
      ).rows,
  );
  expect(deliveries).toHaveLength(RECIPIENTS);
  const sent = deliveries.filter((delivery) => delivery.status === 'SENT').length;
  const interrupted = deliveries.filter((delivery) => delivery.status === 'FAILED' && /stopped while handing/.test(delivery.error ?? '')).length;
  expect(sent + interrupted).toBe(RECIPIENTS);
  expect(interrupted).toBeLessThanOrEqual(1);
  expect(received.length).toBeGreaterThanOrEqual(sent);
  expect(received.length).toBeLessThanOrEqual(RECIPIENTS);
  // These readers leave the list, so later sends in the suite are not theirs.
  await asPlatform((client) => client.query(`UPDATE subscribers SET status = 'UNSUBSCRIBED', lists = '{}' WHERE email = ANY($1)`, [addresses]));
});
