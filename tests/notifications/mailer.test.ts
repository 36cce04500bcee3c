// The outbox sent through a real SMTP server (smtp-server, on loopback).
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { sendPendingMail } from '../../lib/notifications/index.ts';
import { transition } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { seededActors } from '../factories.ts';
import { articleInState } from '../workflow/fixtures.ts';

const received: { to: string[]; data: string }[] = [];

/** Quoted-printable (RFC 2045) and Q-encoded words (RFC 2047), as nodemailer writes them. */
function decodeQuotedPrintable(value: string, underscoresAreSpaces = false): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '=' && /^[0-9A-F]{2}$/i.test(text.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...Buffer.from(underscoresAreSpaces && char === '_' ? ' ' : char));
  }
  return Buffer.from(bytes).toString('utf8');
}

function readMessage(raw: string): { subject: string; text: string } {
  const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_match, encoded: string) => decodeQuotedPrintable(encoded, true));
  return { subject, text: decodeQuotedPrintable(body.join('\n\n')) };
}
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  await seedDemo();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('e-mail notifications', () => {
  it('submitting a story mails the adviser who must approve it, through SMTP, once', async () => {
    const people = await seededActors();
    const article = await articleInState(people.andrew, 'DRAFT');
    await db.outboxEmail.deleteMany();
    const submitted = await transition(people.andrew, article.id, { action: 'submit', expectedVersion: article.version });
    expect(submitted.ok).toBe(true);
    expect(await sendPendingMail()).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['adviser@canyoncrest.example']);
    const { subject, text } = readMessage(received[0]!.data);
    expect(subject).toBe('[The Raven Report] Andrew Choi submitted “Council Votes DRAFT” for review.');
    expect(text).toContain(`/canyon-crest/newsroom/articles/${article.id}`);
    expect(await sendPendingMail()).toEqual({ sent: 0, failed: 0 });
  });

  it('several instances sending the outbox at once send each message once', async () => {
    await db.outboxEmail.deleteMany();
    received.length = 0;
    const school = (await db.school.findUniqueOrThrow({ where: { slug: 'canyon-crest' } })).id;
    await db.outboxEmail.createMany({ data: Array.from({ length: 12 }, (_, index) => ({ schoolId: school, to: `reader${index}@example.org`, subject: `Message ${index}`, text: 'Hello.' })) });
    const rounds = await Promise.all([sendPendingMail(), sendPendingMail(), sendPendingMail()]);
    expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(12);
    expect(received.map((message) => message.to[0]).sort()).toEqual(Array.from({ length: 12 }, (_, index) => `reader${index}@example.org`).sort());
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
  });
});
