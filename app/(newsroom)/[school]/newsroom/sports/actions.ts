'use server';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { newsroomAction } from '@/lib/newsroom/action';
import { newsroomPath } from '@/lib/routes';
import { createTeam, recordGame, scheduleGame } from '@/lib/sports';

const sportsPage = (schoolSlug: string) => newsroomPath(schoolSlug, 'sports');

export const addTeam = newsroomAction({
  page: sportsPage,
  fields: z.object({ name: formField.text, sport: formField.text }),
  run: createTeam,
  done: () => ({ ok: true, message: 'Team added.' }),
});

export const addGame = newsroomAction({
  page: sportsPage,
  fields: z.object({ teamId: formField.text, opponent: formField.text, site: formField.text, location: formField.text, startsAt: formField.text }),
  run: scheduleGame,
  done: () => ({ ok: true, message: 'Game added to the schedule.' }),
});

export const saveGameResult = newsroomAction({
  page: (schoolSlug: string, _gameId: string) => sportsPage(schoolSlug),
  fields: z.object({ status: formField.text, ourScore: formField.text, theirScore: formField.text, articleId: formField.text }),
  run: (actor, input, gameId) => recordGame(actor, gameId, input),
  done: () => ({ ok: true, message: 'Saved.' }),
});
