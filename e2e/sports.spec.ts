// The sports desk: an editor adds a team, schedules its games and records a final score linked to
// the recap; readers get the scoreboard and the team's season with its record.
import { expect, test } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { publishedStoryOverApi, signIn, signedInRequests } from './helpers';

const SCHOOL = 'canyon-crest';

/** A datetime-local value `days` from today at `time`. */
const localIn = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

test('an editor keeps a team’s schedule and scores; readers see the scoreboard and the season, with the recap linked', async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const team = `Varsity Basketball ${run}`;
  const recap = await publishedStoryOverApi(
    SCHOOL,
    `Ravens Edge Torrey Pines ${run}`,
    await signedInRequests('andrew.choi@canyoncrest.example'),
    await signedInRequests('adviser@canyoncrest.example'),
  );

  await signIn(page, 'editor@canyoncrest.example');
  await page.goto(`/${SCHOOL}/newsroom/sports`);
  const newTeam = page.getByRole('form', { name: 'Add a team' });
  await newTeam.getByLabel('Team').fill(team);
  await newTeam.getByLabel('Sport').fill('Basketball');
  await newTeam.getByRole('button', { name: 'Add team' }).click();
  await expect(page.getByText('Team added.')).toBeVisible();

  const schedule = page.getByRole('form', { name: 'Schedule a game' });
  for (const [opponent, site, days] of [
    ['Torrey Pines', 'Home', -2],
    ['Carlsbad', 'Away', 5],
  ] as const) {
    await schedule.getByLabel('Team').selectOption({ label: team });
    await schedule.getByLabel('Opponent').fill(opponent);
    await schedule.getByLabel('Where').selectOption({ label: site });
    await schedule.getByLabel(/^Starts/).fill(localIn(days, '19:00'));
    await schedule.getByRole('button', { name: 'Add to the schedule' }).click();
    await expect(page.getByRole('form', { name: `Result of ${team} ${site === 'Away' ? 'at' : 'vs.'} ${opponent}` })).toBeVisible();
  }

  const result = page.getByRole('form', { name: `Result of ${team} vs. Torrey Pines` });
  await result.getByLabel(/^Status/).selectOption({ label: 'Final' });
  await result.getByLabel('Us', { exact: true }).fill('54');
  await result.getByRole('button', { name: 'Save' }).click();
  await expect(result.getByText('A final needs their score')).toBeVisible();
  await result.getByLabel('Them', { exact: true }).fill('49');
  await result.getByLabel(/^Story/).selectOption({ label: `Ravens Edge Torrey Pines ${run}` });
  await result.getByRole('button', { name: 'Save' }).click();
  await expect(result.getByText('Saved.')).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);

  // Readers: the scoreboard, then the team's season.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/${SCHOOL}/sports`);
  const latest = reader.getByRole('table', { name: 'Latest results' }).getByRole('row').filter({ hasText: team });
  await expect(latest).toContainText('vs. Torrey Pines');
  await expect(latest).toContainText('W 54–49');
  await expect(latest.getByRole('link', { name: `Ravens Edge Torrey Pines ${run}` })).toHaveAttribute('href', `/${SCHOOL}/articles/${recap.slug}`);
  await expect(reader.getByRole('table', { name: 'Coming up' }).getByRole('row').filter({ hasText: team })).toContainText('at Carlsbad');
  expect(await accessibilityViolations(reader)).toEqual([]);

  await latest.getByRole('link', { name: team }).click();
  await expect(reader.getByRole('heading', { level: 1, name: team })).toBeVisible();
  // The school's season, whatever year another spec may have closed: one game won, one to play.
  await expect(reader.getByText(/^\d{4}-\d{2} season: 1–0$/)).toBeVisible();
  await expect(reader.getByRole('table', { name: /^Schedule and results, / }).getByRole('row')).toHaveCount(3);
  expect(await accessibilityViolations(reader)).toEqual([]);
});
