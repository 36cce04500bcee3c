// The sports desk's words for where a game is played and how it stands: the one table the domain,
// the reader pages and the newsroom's forms read. It holds no database code, so the forms can read
// it in the browser; each table names every value of the database's enum, and no other.
import type { GameSite, GameStatus } from '../generated/prisma/enums.ts';

export const GAME_SITES = { HOME: 'Home', AWAY: 'Away', NEUTRAL: 'Neutral site' } as const satisfies Record<GameSite, string>;
export const GAME_STATUSES = { SCHEDULED: 'Scheduled', FINAL: 'Final', POSTPONED: 'Postponed', CANCELED: 'Canceled' } as const satisfies Record<GameStatus, string>;

export const GAME_SITE_CHOICES = Object.entries(GAME_SITES).map(([value, label]) => ({ value, label }));
export const GAME_STATUS_CHOICES = Object.entries(GAME_STATUSES).map(([value, label]) => ({ value, label }));
