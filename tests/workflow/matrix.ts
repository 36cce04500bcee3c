// The whole workflow table (shared by matrix-*.test.ts): every state × action × kind of actor, against the rules written out
// here independently of lib/workflow (prior review, no chain, students may not publish: the demo
// school's policy). Each allowed case is also tried with a stale version, which must get 409.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor.ts';
import { platformDb as db } from '../../lib/db.ts';
import type { ArticleStatus } from '../../lib/generated/prisma/enums.ts';
import { transition, WORKFLOW_ACTIONS, type WorkflowAction } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { actorByEmail, seededActors } from '../factories.ts';
import { articleInState } from './fixtures.ts';

const STATES: ArticleStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED'];
const KINDS = ['reporter-author', 'reporter-other', 'editor-author', 'editor-other', 'adviser', 'school-admin', 'other-school-adviser'] as const;
type Kind = (typeof KINDS)[number];

// The rules, as a newsroom would state them.
const FROM: Record<WorkflowAction, ArticleStatus[]> = {
  submit: ['DRAFT', 'CHANGES_REQUESTED', 'PUBLISHED'],
  withdraw: ['SUBMITTED'],
  requestChanges: ['SUBMITTED', 'APPROVED', 'SCHEDULED'],
  approve: ['SUBMITTED'],
  schedule: ['APPROVED'],
  unschedule: ['SCHEDULED'],
  publish: ['APPROVED', 'SCHEDULED'],
  correct: ['PUBLISHED'],
  unpublish: ['PUBLISHED'],
  reopen: ['UNPUBLISHED'],
};
const isAuthor = (kind: Kind) => kind === 'reporter-author' || kind === 'editor-author';
const isAdviser = (kind: Kind) => kind === 'adviser' || kind === 'school-admin';
const WHO: Record<WorkflowAction, (kind: Kind) => boolean> = {
  submit: isAuthor,
  withdraw: isAuthor,
  // Any editor or adviser reviews, but never their own story.
  requestChanges: (kind) => kind === 'editor-other' || isAdviser(kind),
  // Prior review: the approval is the adviser's.
  approve: isAdviser,
  schedule: isAdviser,
  unschedule: isAdviser,
  publish: isAdviser,
  correct: isAdviser,
  unpublish: isAdviser,
  reopen: (kind) => isAuthor(kind) || kind === 'editor-other' || isAdviser(kind),
};
const INPUT: Partial<Record<WorkflowAction, Record<string, unknown>>> = {
  requestChanges: { comment: 'Tighten the lede.' },
  schedule: { scheduledFor: new Date(Date.now() + 86_400_000).toISOString() },
  correct: { note: 'An earlier version misspelled the principal’s name.' },
  unpublish: { reason: 'Legal review.' },
};

function expected(state: ArticleStatus, action: WorkflowAction, kind: Kind): number {
  if (kind === 'other-school-adviser') return 404;
  if (!WHO[action](kind)) return 403;
  if (!FROM[action].includes(state)) return 409;
  return 200;
}

let actors: Record<Kind, Actor>;
let reporter: Actor;

async function seedActors() {
  await seedDemo();
  const people = await seededActors();
  const school = await db.school.findUniqueOrThrow({ where: { slug: 'canyon-crest' } });
  const user = await db.user.create({ data: { email: 'admin@canyoncrest.example', name: 'Pat Admin' } });
  await db.membership.create({ data: { schoolId: school.id, userId: user.id, role: 'SCHOOL_ADMIN', slug: 'pat-admin', displayName: 'Pat Admin' } });
  reporter = people.andrew;
  actors = {
    'reporter-author': people.andrew,
    'reporter-other': people.jordan,
    'editor-author': people.editor,
    'editor-other': people.editor,
    adviser: people.adviser,
    'school-admin': (await actorByEmail('admin@canyoncrest.example', 'canyon-crest'))!,
    'other-school-adviser': people.lincolnAdviser,
  };
}

// Vitest runs files side by side, so the states are split over two files, half each.
const HALVES = { before: STATES.slice(0, 4), after: STATES.slice(4) };

/** The table's cases for one half of the states, as one test file's test. */
export function workflowMatrixFor(half: keyof typeof HALVES): void {
  const states = HALVES[half];
  beforeAll(seedActors);
  describe('the workflow table', () => {
    it(`every state (${states.join(', ')}) × action × actor gives the expected allow, 403, 404, 409 or 422`, { timeout: 300_000 }, async () => {
      const mismatches: string[] = [];
      let cases = 0;
      const counts: Record<number, number> = {};
      for (const state of states) {
        for (const action of WORKFLOW_ACTIONS) {
          // A refused action changes nothing (checked below), so every kind refused here tries it on
          // one article (one with the editor as co-author, for 'editor-author', and one without);
          // each kind allowed acts on an article of its own. Those run side by side.
          const coAuthored = (kind: Kind) => kind === 'editor-author';
          const newArticle = (kind: Kind) =>
            articleInState(reporter, state, { coAuthorId: coAuthored(kind) ? actors['editor-author'].membershipId : undefined, approverId: actors.adviser.membershipId });
          const allowed = KINDS.filter((kind) => expected(state, action, kind) === 200);
          const refused = KINDS.filter((kind) => expected(state, action, kind) !== 200);
          const shared = new Map<boolean, Promise<Awaited<ReturnType<typeof articleInState>>>>();
          const sharedFor = (kind: Kind) => {
            if (!shared.has(coAuthored(kind))) shared.set(coAuthored(kind), newArticle(kind));
            return shared.get(coAuthored(kind))!;
          };
          const attempt = async (kind: Kind, article: Awaited<ReturnType<typeof articleInState>>) => {
            const want = expected(state, action, kind);
            if (want === 200) {
              // A stale version is refused first, and changes nothing.
              const stale = await transition(actors[kind], article.id, { action, expectedVersion: article.version - 1 || 99, ...INPUT[action] });
              cases++;
              if (stale.ok || stale.status !== 409) mismatches.push(`${state} × ${action} × ${kind} (stale): got ${stale.ok ? 200 : stale.status}`);
              // Without its required input, an action that needs one is refused with a field message.
              if (INPUT[action]) {
                const bare = await transition(actors[kind], article.id, { action, expectedVersion: article.version });
                cases++;
                if (bare.ok || bare.status !== 422 || !bare.fieldErrors) mismatches.push(`${state} × ${action} × ${kind} (no input): got ${bare.ok ? 200 : bare.status}`);
              }
            }
            const result = await transition(actors[kind], article.id, { action, expectedVersion: article.version, ...INPUT[action] });
            const got = result.ok ? 200 : result.status;
            cases++;
            counts[got] = (counts[got] ?? 0) + 1;
            if (got !== want) mismatches.push(`${state} × ${action} × ${kind}: expected ${want}, got ${got}${result.ok ? '' : ` (${result.error})`}`);
            const after = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { version: true } });
            if (!result.ok && after.version !== article.version) mismatches.push(`${state} × ${action} × ${kind}: a refused action changed the article`);
          };
          await Promise.all([
            ...allowed.map(async (kind) => attempt(kind, await newArticle(kind))),
            // One after another on the shared articles, so each refusal meets the article as it was made.
            (async () => {
              for (const kind of refused) await attempt(kind, await sharedFor(kind));
            })(),
          ]);
        }
      }
      console.log(
        `workflow matrix: ${cases} cases (${states.length} states × ${WORKFLOW_ACTIONS.length} actions × ${KINDS.length} actors, plus stale and missing-input checks); outcomes ${JSON.stringify(counts)}`,
      );
      expect(mismatches).toEqual([]);
    });
  });
}
