import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, saveDraft } from '../../lib/articles/index.ts';
import type { Actor } from '../../lib/auth/actor.ts';
import { checkCredentials } from '../../lib/auth/credentials.ts';
import { requestPasswordReset, resetPassword } from '../../lib/auth/password-reset.ts';
import { platformDb } from '../../lib/db.ts';
import { createEdition } from '../../lib/editions/editions.ts';
import { acceptInvitation, changeRole, inviteMember } from '../../lib/people/members.ts';
import { updateOwnProfile } from '../../lib/people/profile.ts';
import { rollOverSchoolYear } from '../../lib/people/rollover.ts';
import { searchArticles } from '../../lib/search/search.ts';
import { updateBranding } from '../../lib/tenants/branding.ts';
import { createSchool } from '../../lib/tenants/create-school.ts';
import { updateSchoolSettings } from '../../lib/tenants/settings.ts';
import { addComment } from '../../lib/workflow/comments.ts';
import { assignStory, loadBoard, pitchStory } from '../../lib/workflow/budget.ts';
import { transition } from '../../lib/workflow/transitions.ts';
import { decideRemovalRequest } from '../../lib/removals/cases.ts';
import { submitRemovalRequest } from '../../lib/removals/requests.ts';
import { saveRemovalPolicy } from '../../lib/removals/school-policy.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { seededActors } from '../factories.ts';

// Every function behind a zod-validated endpoint, fed thousands of malformed inputs: each answer is
// a 4xx with a message (never an exception, which the route would turn into a 500), and a refused
// input leaves the stored data exactly as it was.
let people: Awaited<ReturnType<typeof seededActors>>;
let articleId: string;
let articleVersion: number;

beforeAll(async () => {
  fingerprintClient = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await fingerprintClient.connect();
  await seedDemo();
  people = await seededActors();
  const created = await createDraft(people.andrew, { headline: 'Fuzzed' });
  if (!created.ok) throw new Error(created.error);
  articleId = created.data.id;
  articleVersion = created.data.version;
  await platformDb.user.update({ where: { id: people.lincolnAdviser.userId }, data: { isPlatformAdmin: true } });
});

/** A fingerprint of everything an endpoint could change. */
// One plain connection for the fingerprint (as the database owner, who sees every school's rows):
// it is taken twice per input, and the app's per-statement transaction would double its cost.
let fingerprintClient: pg.Client;

async function storedData(): Promise<string> {
  const { rows } = await fingerprintClient.query<{ hash: string }>(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(concat_ws(',', id, version, headline, deck, body::text, status), ';' ORDER BY id) FROM articles),
      (SELECT count(*)::text FROM article_revisions), (SELECT count(*)::text FROM comments), (SELECT count(*)::text FROM workflow_events),
      (SELECT string_agg(concat_ws(',', id, role, status, "displayName", bio, "classYear", "contactEmail"), ';' ORDER BY id) FROM memberships),
      (SELECT string_agg(concat_ws(',', id, "newspaperName", tagline, "accentColor", "reviewPolicy", "nameDisplayPolicy", "currentSchoolYear", "minimumWords"), ';' ORDER BY id) FROM schools),
      (SELECT count(*)::text FROM invitations), (SELECT count(*)::text FROM editions), (SELECT count(*)::text FROM assignments),
      (SELECT count(*)::text FROM users), (SELECT count(*)::text FROM password_reset_tokens))) AS hash`);
  return rows[0]!.hash;
}

type Answer = { ok: true } | { ok: false; status: number; error: string };

interface Endpoint {
  name: string;
  /** Field names of the schema, so inputs also come as the right shape with wrong values. */
  fields: string[];
  call: (input: unknown) => Promise<Answer>;
}

const asAnswer = (result: { ok: boolean; status?: number; error?: string }): Answer => (result.ok ? { ok: true } : { ok: false, status: result.status!, error: result.error! });

const endpoints = (): Endpoint[] => {
  const { andrew, adviser, editor, lincolnAdviser } = people;
  const as = (actor: Actor) => actor;
  return [
    { name: 'createDraft', fields: ['headline', 'deck', 'sectionId', 'tags', 'body', 'bylines'], call: async (input) => asAnswer(await createDraft(as(andrew), input)) },
    {
      name: 'saveDraft',
      fields: ['expectedVersion', 'headline', 'deck', 'sectionId', 'tags', 'body', 'bylines', 'checkpoint'],
      call: async (input) => asAnswer(await saveDraft(as(andrew), articleId, input)),
    },
    { name: 'transition', fields: ['action', 'expectedVersion', 'comment', 'reason', 'note', 'scheduledFor'], call: async (input) => asAnswer(await transition(as(adviser), articleId, input)) },
    { name: 'addComment', fields: ['body', 'expectedVersion', 'parentId', 'anchor'], call: async (input) => asAnswer(await addComment(as(editor), articleId, input)) },
    { name: 'updateOwnProfile', fields: ['displayName', 'classYear', 'bio', 'contactEmail', 'showContactEmail'], call: async (input) => asAnswer(await updateOwnProfile(as(andrew), input)) },
    { name: 'updateBranding', fields: ['newspaperName', 'tagline', 'accentColor'], call: async (input) => asAnswer(await updateBranding(as(adviser), input)) },
    {
      name: 'updateSchoolSettings',
      fields: ['reviewPolicy', 'reviewChain', 'studentsMayPublish', 'nameDisplayPolicy', 'allowContactEmails', 'minimumWords', 'maxHeadlineLength', 'checklist', 'signInDomains'],
      call: async (input) => asAnswer(await updateSchoolSettings(as(adviser), input)),
    },
    { name: 'inviteMember', fields: ['email', 'role', 'sendEmail'], call: async (input) => asAnswer(await inviteMember(as(adviser), input)) },
    { name: 'acceptInvitation', fields: ['token', 'name', 'password'], call: async (input) => asAnswer(await acceptInvitation(input)) },
    { name: 'changeRole', fields: ['role'], call: async (input) => asAnswer(await changeRole(as(adviser), andrew.membershipId, input)) },
    { name: 'rollOverSchoolYear', fields: ['fromYear'], call: async (input) => asAnswer(await rollOverSchoolYear(as(adviser), input)) },
    { name: 'createSchool', fields: ['slug', 'name', 'newspaperName', 'host', 'adviserEmail'], call: async (input) => asAnswer(await createSchool(lincolnAdviser.userId, input)) },
    { name: 'createEdition', fields: ['volume', 'number', 'title', 'issueDate'], call: async (input) => asAnswer(await createEdition(as(editor), input)) },
    { name: 'pitchStory', fields: ['title', 'description', 'sectionId'], call: async (input) => asAnswer(await pitchStory(as(andrew), input)) },
    { name: 'assignStory', fields: ['assigneeId', 'dueAt'], call: async (input) => asAnswer(await assignStory(as(editor), 'no-such-assignment', input)) },
    { name: 'requestPasswordReset', fields: ['email'], call: async (input) => asAnswer(await requestPasswordReset(input)) },
    {
      name: 'submitRemovalRequest',
      fields: ['story', 'kind', 'name', 'email', 'message'],
      call: async (input) => asAnswer(await submitRemovalRequest({ id: andrew.schoolId, slug: andrew.schoolSlug, newspaperName: 'The Raven Report' }, input)),
    },
    {
      name: 'decideRemovalRequest',
      fields: ['outcome', 'names', 'replacement', 'note', 'notice', 'publicReason', 'privateReason'],
      call: async (input) => asAnswer(await decideRemovalRequest(as(editor), 'no-such-request', input)),
    },
    { name: 'saveRemovalPolicy', fields: ['policy'], call: async (input) => asAnswer(await saveRemovalPolicy(as(adviser), input)) },
    { name: 'resetPassword', fields: ['token', 'password', 'confirm'], call: async (input) => asAnswer(await resetPassword(input)) },
    {
      name: 'checkCredentials',
      fields: ['email', 'password'],
      call: async (input) => {
        const checked = await checkCredentials(input);
        // The sign-in form words the refusal; the check itself must refuse without an exception.
        return checked.ok
          ? { ok: true }
          : { ok: false, status: checked.lockedUntil ? 429 : 401, error: checked.lockedUntil ? `locked until ${checked.lockedUntil.toISOString()}` : 'credentials refused' };
      },
    },
  ];
};

/** Anything at all, and the endpoint's own shape filled with anything. */
const malformed = (fields: string[]) =>
  fc.oneof(
    fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 }),
    fc.record(
      Object.fromEntries(fields.map((field) => [field, fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 400 }), fc.integer(), fc.constant(''), fc.constant(null), fc.double())])),
      { requiredKeys: [] },
    ),
    fc.string({ maxLength: 300 }).map((text) => ({ ...Object.fromEntries(fields.map((field) => [field, text])), expectedVersion: articleVersion })),
  );

// Inputs per endpoint, and the seed that picks them. `npm test` runs this file on two Nodes: the
// second leg (scripts/test.ts) tries a third as many inputs with a seed of its own, so the two legs
// together try 400 different inputs per endpoint rather than the same 300 twice.
const RUNS = Number(process.env.MASTHEAD_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.MASTHEAD_FUZZ_SEED ?? 20261125);

afterAll(() => fingerprintClient.end());

describe('malformed input, property-based', () => {
  it('every validated endpoint answers a 4xx with a message, and a refusal changes nothing', { timeout: 240_000 }, async () => {
    let total = 0;
    const statuses: Record<string, number> = {};
    for (const endpoint of endpoints()) {
      // The stored data after a refusal is the stored data before the next input; only an accepted
      // input (which may change it) makes it necessary to read it afresh.
      let known: string | null = null;
      await fc.assert(
        fc.asyncProperty(malformed(endpoint.fields), async (input) => {
          const before = known ?? (await storedData());
          known = null;
          const answer = await endpoint.call(input);
          total++;
          if (answer.ok) return;
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          expect(answer.status, endpoint.name).toBeGreaterThanOrEqual(400);
          expect(answer.status, endpoint.name).toBeLessThan(500);
          expect(answer.error.length, endpoint.name).toBeGreaterThan(3);
          const after = await storedData();
          expect(after, `${endpoint.name} changed stored data while refusing`).toBe(before);
          known = after;
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }
    console.log(`malformed input: ${total} inputs over ${endpoints().length} endpoints; refusals by status ${JSON.stringify(statuses)}`);
    expect(total).toBeGreaterThanOrEqual(RUNS * endpoints().length);
  });

  it('search and the story board take any query string without an exception', { timeout: 60_000 }, async () => {
    const school = await platformDb.school.findUniqueOrThrow({ where: { slug: 'canyon-crest' } });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.dictionary(fc.constantFrom('q', 'section', 'issue', 'page', 'status', 'person', 'due'), fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string()), fc.integer())),
        ),
        async (query) => {
          await searchArticles(school, query);
          await loadBoard(people.editor, query);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
