// Expectations built from the workflow table alone (lib/workflow/table.ts): for every action, from
// every state the table allows, a permitted actor's transition lands where the table says
// (`to`, or `toWhenLive` for an article with a live version), and an action that needs an input is
// refused without it on the very field the table names. Change the table and this test follows it,
// so the code must follow the table too. (matrix.test.ts checks the same rules written out by hand.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor.ts';
import { platformDb as db } from '../../lib/db.ts';
import { ACTION_INPUTS, ruleOf, targetOf, transition, WORKFLOW_ACTIONS, type ActionInput, type ActorRule } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { seededActors } from '../factories.ts';
import { articleInState } from './fixtures.ts';

// A value for each kind of input, keyed by the field the table says carries it.
const SAMPLE_INPUT: Record<ActionInput, unknown> = {
  comment: 'Tighten the lede.',
  reason: 'Legal review.',
  note: 'An earlier version misspelled the principal’s name.',
  time: new Date(Date.now() + 86_400_000).toISOString(),
};

let people: Awaited<ReturnType<typeof seededActors>>;
let actorFor: Record<ActorRule, Actor>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
  // The demo school: prior review by the adviser, no review chain.
  actorFor = { author: people.andrew, 'author-or-editor': people.andrew, reviewer: people.adviser, publisher: people.adviser, adviser: people.adviser };
});

describe('the workflow, as its table states it', () => {
  it('every action from every allowed state lands on the table’s target, and a missing input is refused on the table’s field', { timeout: 120_000 }, async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const action of WORKFLOW_ACTIONS) {
      const rule = ruleOf(action);
      for (const state of rule.from) {
        const article = await articleInState(people.andrew, state, { approverId: people.adviser.membershipId });
        const live = (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { publishedRevisionId: true } })).publishedRevisionId !== null;
        const actor = actorFor[rule.who];
        if (rule.needs) {
          const bare = await transition(actor, article.id, { action, expectedVersion: article.version });
          cases++;
          const field = ACTION_INPUTS[rule.needs].field;
          if (bare.ok || bare.status !== 422 || bare.fieldErrors?.[field] !== ACTION_INPUTS[rule.needs].missing)
            mismatches.push(`${action} from ${state} without ${field}: ${bare.ok ? 'allowed' : `${bare.status} ${JSON.stringify(bare.fieldErrors)}`}`);
        }
        const input = rule.needs ? { [ACTION_INPUTS[rule.needs].field]: SAMPLE_INPUT[rule.needs] } : {};
        const done = await transition(actor, article.id, { action, expectedVersion: article.version, ...input });
        cases++;
        const want = targetOf(action, live);
        if (!done.ok) mismatches.push(`${action} from ${state}: refused ${done.status} ${done.error}`);
        else if (done.data.status !== want) mismatches.push(`${action} from ${state}: landed on ${done.data.status}, the table says ${want}`);
        const event = await db.workflowEvent.findFirst({ where: { articleId: article.id, action }, orderBy: { createdAt: 'desc' }, select: { fromStatus: true, toStatus: true } });
        if (done.ok && (event?.fromStatus !== state || event?.toStatus !== want)) mismatches.push(`${action} from ${state}: history says ${event?.fromStatus} → ${event?.toStatus}`);
      }
    }
    console.log(`workflow table: ${cases} transitions checked against the table's targets and inputs`);
    expect(cases).toBeGreaterThan(WORKFLOW_ACTIONS.length);
    expect(mismatches).toEqual([]);
  });
});
