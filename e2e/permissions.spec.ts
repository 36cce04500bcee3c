import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signedInRequests, submitApprovePublish } from './helpers';
import { jpegWithGps } from './images';

// Every route in app/ (found on disk, so a new route cannot be left out) × every kind of caller ×
// own school, other school, and own school's address with another school's object in it. Over
// real HTTP with real sessions. Another school's newsroom, API or objects answer 404 — exactly as
// if they did not exist. Stale versions make the allowed mutations answer 409, so the matrix
// changes next to nothing.
const root = path.resolve(import.meta.dirname, '..');
type Caller = 'anonymous' | 'REPORTER' | 'EDITOR' | 'ADVISER' | 'otherSchoolAdviser';
const CALLERS: Record<Exclude<Caller, 'anonymous'>, string> = {
  REPORTER: 'andrew.choi@canyoncrest.example',
  EDITOR: 'editor@canyoncrest.example',
  ADVISER: 'adviser@canyoncrest.example',
  otherSchoolAdviser: 'adviser@lincoln.example',
};
const OWN = 'canyon-crest';
const OTHER = 'lincoln-high';

interface Route {
  file: string;
  pattern: string;
  method: string;
  kind: 'public' | 'newsroom' | 'api' | 'shared';
}

function routes(): Route[] {
  const found: Route[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'page.tsx' || name === 'route.ts') {
        const relative = path.relative(path.join(root, 'app'), path.dirname(full));
        const pattern =
          '/' +
          relative
            .split(path.sep)
            .filter((part) => !/^\(.*\)$/.test(part))
            .join('/');
        const methods = name === 'page.tsx' ? ['GET'] : [...readFileSync(full, 'utf8').matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!);
        // (requests) is the public request form: a reader page that is never cached.
        const kind = pattern.startsWith('/api/schools') ? 'api' : relative.startsWith('(newsroom)') ? 'newsroom' : /^\((site|requests)\)/.test(relative) ? 'public' : 'shared';
        for (const method of methods) found.push({ file: path.relative(root, full), pattern: pattern === '/' ? '/' : pattern.replace(/\/$/, ''), method, kind });
      }
    }
  };
  walk(path.join(root, 'app'));
  return found.filter((route) => !route.pattern.includes('[...nextauth]'));
}

interface SchoolObjects {
  articleId: string;
  articleSlug: string;
  commentId: string;
  editionId: string;
  volume: string;
  number: string;
  revision: string;
  section: string;
  member: string;
  mediaFile: string;
  team: string;
}

const signedIn = (email: string) => signedInRequests(email);

/** A live article made through the app's own workflow, so every school has one to address. */
async function publishOne(school: string, author: APIRequestContext, adviser: APIRequestContext): Promise<void> {
  const created = await author.post(`/api/schools/${school}/articles`, { data: { headline: 'Matrix story goes live' } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const text = Array.from({ length: 220 }, (_, index) => ['students', 'council', 'budget', 'library'][index % 4]).join(' ');
  const saved = await author.put(`/api/schools/${school}/articles/${id}`, {
    data: {
      expectedVersion: version,
      headline: 'Matrix story goes live',
      deck: '',
      sectionId: null,
      tags: [],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      bylines: [{ guestName: 'Matrix Guest', title: 'Guest Writer' }],
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await submitApprovePublish(school, id, ((await saved.json()) as { version: number }).version, author, adviser);
}

/** Objects of each school to put in the addresses, made or found through the app itself. */
async function objectsOf(school: string, author: APIRequestContext, editor: APIRequestContext): Promise<SchoolObjects> {
  const created = await author.post(`/api/schools/${school}/articles`, { data: { headline: 'Matrix draft' } });
  expect(created.status()).toBe(201);
  const { id, version } = (await created.json()) as { id: string; version: number };
  const saved = await author.put(`/api/schools/${school}/articles/${id}`, {
    data: {
      expectedVersion: version,
      headline: 'Matrix draft',
      deck: '',
      sectionId: null,
      tags: [],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words.' }] }] },
      bylines: [],
    },
  });
  expect(saved.status()).toBe(200);
  const commented = await editor.post(`/api/schools/${school}/articles/${id}/comments`, { data: { body: 'A note.', expectedVersion: (await saved.json()).version } });
  expect(commented.status()).toBe(201);
  const front = await (await editor.get(`/${school}`)).text();
  const issues = await (await editor.get(`/${school}/newsroom/issues`)).text();
  // A school without an issue yet is addressed with one that does not exist: still a 404 to check.
  const issue = /href="\/[^/]+\/issues\/(\d+)\/(\d+)"/.exec(await (await editor.get(`/${school}/issues`)).text()) ?? [null, '99', '99'];
  const media = await editor.post(`/api/schools/${school}/media`, { multipart: { file: { name: 'matrix.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(320, 200) } } });
  expect(media.status()).toBe(201);
  return {
    articleId: id,
    articleSlug: /href="\/[^/]+\/articles\/([^"]+)"/.exec(front)![1]!,
    commentId: ((await commented.json()) as { id: string }).id,
    editionId: /href="\/[^/]+\/newsroom\/issues\/([^"/]+)"/.exec(issues)?.[1] ?? 'cmnoeditionofthisschool00',
    volume: issue[1]!,
    number: issue[2]!,
    revision: '1',
    section: /href="\/[^/]+\/sections\/([^"/]+)"/.exec(front)![1]!,
    member: /href="\/[^/]+\/staff\/([^"/]+)"/.exec(await (await editor.get(`/${school}/staff`)).text())![1]!,
    mediaFile: ((await media.json()) as { src: string }).src.split('/').at(-1)!,
    team: /href="\/[^/]+\/sports\/([^"/]+)"/.exec(await (await editor.get(`/${school}/sports`)).text())![1]!,
  };
}

function address(pattern: string, school: string, objects: SchoolObjects): string {
  return (
    pattern
      .replace('[school]', school)
      .replace('[articleId]', objects.articleId)
      .replace('[commentId]', objects.commentId)
      .replace('[editionId]', objects.editionId)
      .replace('revisions/[number]', `revisions/${objects.revision}`)
      .replace('[volume]/[number]', `${objects.volume}/${objects.number}`)
      .replace('[slug]', objects.articleSlug)
      .replace('[section]', objects.section)
      .replace('[member]', objects.member)
      .replace('[file]', objects.mediaFile)
      .replace('[team]', objects.team)
      // No import has run in these schools: an id that finds nothing, for the adviser's 404.
      .replace('[job]', 'cmnoimportofthisschool000')
      // Nor has a reader's request arrived: the case page of one that does not exist.
      .replace('requests/[id]', 'requests/cmnorequestofthisschool00')
      .replace('[token]', 'no-such-invitation-token-0000000000')
  );
}

// Requests that change nothing when refused and little when allowed: stale versions, empty bodies.
function bodyFor(route: Route): { data?: unknown; multipart?: Record<string, string> } {
  if (route.pattern.endsWith('/transitions')) return { data: { action: 'approve', expectedVersion: 1 } };
  if (route.pattern.endsWith('/comments')) return { data: { body: 'Matrix comment.', expectedVersion: 1 } };
  if (route.pattern.endsWith('/import') || route.pattern.endsWith('/media') || route.pattern.endsWith('/logo')) return { multipart: { nothing: 'here' } };
  if (route.method === 'PUT')
    return {
      data: { expectedVersion: 1, headline: 'x', deck: '', sectionId: null, tags: [], body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }, bylines: [] },
    };
  if (route.pattern.endsWith('/restore')) return { data: { expectedVersion: 1 } };
  return { data: {} };
}

// What a member of the school gets, by role, where it is not simply 200. Every entry was read off
// the data functions' rules: reporters edit only their own stories, only editors and advisers
// review, only advisers manage members and settings.
const OWN_SCHOOL: Record<string, Partial<Record<'REPORTER' | 'EDITOR' | 'ADVISER', number>>> = {
  'GET /[school]/newsroom/members': { REPORTER: 404, EDITOR: 404 },
  'GET /[school]/newsroom/settings': { REPORTER: 404, EDITOR: 404 },
  // Readers' requests are the editors' and the adviser's; a request that does not exist is not found.
  'GET /[school]/newsroom/requests': { REPORTER: 404 },
  // Moderating comments and sending the newsletter are the editors' and the adviser's.
  'GET /[school]/newsroom/comments': { REPORTER: 404 },
  'GET /[school]/newsroom/newsletter': { REPORTER: 404 },
  // The sports desk is the editors' and the adviser's.
  'GET /[school]/newsroom/sports': { REPORTER: 404 },
  // Subscribers' addresses are personal data: the adviser's.
  'GET /api/schools/[school]/newsletter/subscribers': { REPORTER: 403, EDITOR: 403, ADVISER: 200 },
  'GET /[school]/newsroom/requests/[id]': { REPORTER: 404, EDITOR: 404, ADVISER: 404 },
  'POST /api/schools/[school]/articles': { REPORTER: 201, EDITOR: 201, ADVISER: 201 },
  'PUT /api/schools/[school]/articles/[articleId]': { REPORTER: 409, EDITOR: 409, ADVISER: 409 },
  // Under the adviser-approval policy only the adviser approves; the reporter never reviews their own story.
  'POST /api/schools/[school]/articles/[articleId]/transitions': { REPORTER: 403, EDITOR: 403, ADVISER: 409 },
  // A general comment (no anchor) does not depend on the version; anchored ones do.
  'POST /api/schools/[school]/articles/[articleId]/comments': { REPORTER: 201, EDITOR: 201, ADVISER: 201 },
  // The reporter, first in line, resolves the thread; it is then already resolved for the others.
  'POST /api/schools/[school]/articles/[articleId]/comments/[commentId]/resolve': { REPORTER: 200, EDITOR: 409, ADVISER: 409 },
  'POST /api/schools/[school]/articles/[articleId]/revisions/[number]/restore': { REPORTER: 409, EDITOR: 409, ADVISER: 409 },
  'POST /api/schools/[school]/articles/import': { REPORTER: 422, EDITOR: 422, ADVISER: 422 },
  'POST /api/schools/[school]/media': { REPORTER: 422, EDITOR: 422, ADVISER: 422 },
  'POST /api/schools/[school]/logo': { REPORTER: 403, EDITOR: 403, ADVISER: 422 },
  // The whole paper's export is the adviser's (school settings).
  'GET /api/schools/[school]/export/wordpress': { REPORTER: 403, EDITOR: 403, ADVISER: 200 },
  'GET /api/schools/[school]/export/json': { REPORTER: 403, EDITOR: 403, ADVISER: 200 },
  // So is moving an archive in: "{}" is no WordPress export, and no import has that id.
  'POST /api/schools/[school]/import/wordpress': { REPORTER: 403, EDITOR: 403, ADVISER: 422 },
  'GET /api/schools/[school]/import/wordpress/[job]': { REPORTER: 403, EDITOR: 403, ADVISER: 404 },
  'PUT /api/schools/[school]/import/wordpress/[job]/uploads': { REPORTER: 403, EDITOR: 403, ADVISER: 404 },
};
// The development outbox exists only in development without SMTP; the suite runs the production build.
// The mail provider's bounce webhook answers only with its secret, which the suite does not configure.
// The bench's framework floor exists only while `npm run bench:render` runs it.
const SHARED: Record<string, number> = {
  'GET /admin': 404,
  'GET /invitations/[token]': 200,
  'GET /dev/outbox': 404,
  'POST /api/mail/events': 404,
  'GET /api/bench-floor': 404,
  'GET /api/bench-floor/rendered': 404,
};
// API routes for anyone, signed in or not, whose permission is a token in the address: one-click
// unsubscribe (RFC 8058), here without its body, which is refused in words.
const PUBLIC_API: Record<string, number> = { 'POST /api/schools/[school]/newsletter/unsubscribe': 400 };

test('the permission matrix: every route × caller × own school, other school and foreign objects', async () => {
  test.setTimeout(600_000);
  const callers = Object.fromEntries(await Promise.all(Object.entries(CALLERS).map(async ([caller, email]) => [caller, await signedIn(email)] as const))) as Record<
    Exclude<Caller, 'anonymous'>,
    APIRequestContext
  >;
  const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  const own = await objectsOf(OWN, callers.REPORTER, callers.EDITOR);
  // Not Riley (reporter@lincoln): the password-reset spec changes Riley's password.
  const otherReporter = await signedIn('writer@lincoln.example');
  await publishOne(OTHER, otherReporter, callers.otherSchoolAdviser);
  const other = await objectsOf(OTHER, otherReporter, callers.otherSchoolAdviser);

  const all = routes();
  expect(all.length).toBeGreaterThan(40);
  const failures: string[] = [];
  let cases = 0;
  const check = async (caller: Caller, route: Route, url: string, expected: number[], what: string) => {
    const context = caller === 'anonymous' ? anonymous : callers[caller];
    const response = await context.fetch(url, { method: route.method, maxRedirects: 0, ...bodyFor(route) });
    cases++;
    const status = response.status();
    if (!expected.includes(status)) failures.push(`${route.method} ${url} as ${caller} (${what}): ${status}, expected ${expected.join(' or ')}`);
  };

  // Routes four at a time; within a route the callers go in order (the first to resolve a comment
  // thread resolves it for the others).
  const checkRoute = async (route: Route) => {
    const key = `${route.method} ${route.pattern}`;
    if (!route.pattern.includes('[school]')) {
      const url = address(route.pattern, OWN, own);
      for (const caller of ['anonymous', ...Object.keys(CALLERS)] as Caller[]) {
        const expected = SHARED[route.pattern === '/admin' ? 'GET /admin' : key] ?? 200;
        await check(
          caller,
          route,
          url,
          route.pattern === '/admin' && caller === 'anonymous' ? [307] : route.pattern === '/newsroom' && caller === 'anonymous' ? [307] : route.pattern === '/newsroom' ? [307, 200] : [expected],
          'shared page',
        );
      }
      return;
    }
    const ownUrl = address(route.pattern, OWN, own);
    const otherUrl = address(route.pattern, OTHER, other);
    // The own school's address with the other school's objects in it (when the route names any).
    const mixedUrl = address(route.pattern, OWN, other);
    const namesObjects = mixedUrl !== ownUrl;

    for (const caller of ['anonymous', ...Object.keys(CALLERS)] as Caller[]) {
      const member = caller !== 'anonymous' && caller !== 'otherSchoolAdviser';
      if (PUBLIC_API[key]) {
        await check(caller, route, ownUrl, [PUBLIC_API[key]], 'public API');
        continue;
      }
      if (route.kind === 'public') {
        await check(caller, route, ownUrl, [200], 'own school, public');
        // The other school has no issue yet, so its issue address is made up: not found.
        await check(caller, route, otherUrl, [route.pattern.includes('[volume]') && other.volume === '99' ? 404 : 200], 'other school, public');
        if (namesObjects) await check(caller, route, mixedUrl, [404], "other school's object at this school's address");
        continue;
      }
      if (route.kind === 'newsroom') {
        await check(caller, route, ownUrl, caller === 'anonymous' ? [307] : member ? [OWN_SCHOOL[key]?.[caller as 'REPORTER'] ?? 200] : [404], 'own school');
        if (caller !== 'anonymous') await check(caller, route, member ? otherUrl : ownUrl, [404], 'other school');
        if (member && namesObjects) await check(caller, route, mixedUrl, [404], "other school's object");
        continue;
      }
      await check(caller, route, ownUrl, caller === 'anonymous' ? [401] : member ? [OWN_SCHOOL[key]?.[caller as 'REPORTER'] ?? 200] : [404], 'own school');
      if (caller !== 'anonymous') await check(caller, route, member ? otherUrl : ownUrl, [404], 'other school');
      if (member && namesObjects) await check(caller, route, mixedUrl, [404], "other school's object");
    }
  };
  for (let start = 0; start < all.length; start += 4) await Promise.all(all.slice(start, start + 4).map(checkRoute));
  console.log(
    `permission matrix: ${cases} requests over ${all.length} routes × 5 callers (anonymous, reporter, editor, adviser, another school's adviser) × own school / other school / foreign objects`,
  );
  expect(failures).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Server actions: every exported function of every 'use server' file, called over HTTP the way a
// browser calls it (Next-Action header, arguments in React's reply format), with any arguments an
// attacker likes. What decides is the school in the arguments: another school's answers 404.
// ---------------------------------------------------------------------------------------------

interface ActionCall {
  /** The arguments after the school's slug; FormData entries go in `form`. */
  args?: unknown[];
  form?: Record<string, string>;
  /** Whether the action takes the school's slug first. */
  scoped?: boolean;
  /** Own-school calls are skipped for an action whose only effect would end the caller's session. */
  skipOwn?: string;
  /** Ends the caller's session: called signed out only, where it sends the caller to sign in. */
  signsOut?: true;
  /** A reader's form (no sign-in): anyone may call it for any school, and bad input is refused in words. */
  publicForm?: true;
}

// Harmless arguments: unknown ids and invalid fields, so an allowed call is refused by validation.
const ACTION_CALLS: Record<string, ActionCall> = {
  startArticle: { scoped: true },
  saveProfile: { scoped: true, args: [null], form: { displayName: '' } },
  pitch: { scoped: true, args: [null], form: { title: '' } },
  assign: { scoped: true, args: ['no-such-assignment', null], form: { assigneeId: 'nobody' } },
  startAssignment: { scoped: true, args: ['no-such-assignment'] },
  saveBranding: { scoped: true, args: [null], form: { newspaperName: '' } },
  signOutOnEveryDevice: { scoped: true, skipOwn: 'signs the caller out everywhere (accounts.spec covers it)' },
  saveSettings: { scoped: true, args: [null], form: { reviewPolicy: 'NONE' } },
  closeSchoolYear: { scoped: true, form: { fromYear: '1999-00' } },
  createIssue: { scoped: true, args: [null], form: { volume: 'x' } },
  changeIssue: { scoped: true, args: ['no-such-edition'], form: { version: '1', articleId: 'none', intent: 'add' } },
  invite: { scoped: true, args: [null], form: { email: 'not an address', role: 'REPORTER' } },
  setRole: { scoped: true, args: ['no-such-member'], form: { role: 'ADVISER' } },
  deactivate: { scoped: true, args: ['no-such-member'], form: {} },
  reactivate: { scoped: true, args: ['no-such-member'], form: {} },
  withdrawInvitation: { scoped: true, args: ['no-such-invitation'], form: {} },
  askForErasure: { scoped: true, form: { reason: '' }, skipOwn: 'files a real request (tests/people/deletion.test.ts covers it)' },
  eraseMemberData: { scoped: true, args: ['no-such-request'], form: {} },
  declineErasure: { scoped: true, args: ['no-such-request'], form: { decision: 'Not now, please.' } },
  addSchool: { args: [null], form: { slug: 'matrix-school' } },
  askForResetLink: { args: [null], form: { email: 'not an address' } },
  chooseNewPassword: { args: [null], form: { token: 'x', password: 'y', confirm: 'z' } },
  accept: { args: ['no-such-invitation-token-0000000000', null], form: { password: 'x' } },
  signInWithPasswordForm: { args: [null], form: { email: 'not an address', password: '' } },
  signOutForm: { signsOut: true },
  saveRequestPolicy: { scoped: true, args: [null], form: { policy: 'x'.repeat(10_001) } },
  addCaseNote: { scoped: true, args: ['no-such-request'], form: { body: '' } },
  decideCase: { scoped: true, args: ['no-such-request', null], form: { outcome: 'DECLINED' } },
  fileRemovalRequest: { publicForm: true, args: [null], form: { story: '' } },
  confirmFiledRequest: { publicForm: true, args: [null], form: { token: 'no-such-token' } },
  saveCommentSettings: { scoped: true, args: [null], form: { commenterNamePolicy: 'NONE' } },
  moderate: { scoped: true, args: ['no-such-comment'], form: { decision: 'APPROVE' } },
  unblock: { scoped: true, form: { email: 'nobody@example.com' } },
  switchStoryComments: { scoped: true, args: ['no-such-article'], form: { open: 'yes' } },
  switchLiveCoverage: { scoped: true, args: ['no-such-article'], form: { open: 'on' } },
  postUpdate: { scoped: true, args: ['no-such-article', null], form: { text: '' } },
  decideUpdate: { scoped: true, args: ['no-such-article', 'no-such-update'], form: { decision: 'publish' } },
  switchLiveDesk: { scoped: true, args: ['no-such-member'], form: { onDesk: 'on' } },
  saveMediaDetails: { scoped: true, args: ['no-such-upload', null], form: { usageRights: 'STAFF' } },
  addTeam: { scoped: true, args: [null], form: { name: '' } },
  addGame: { scoped: true, args: [null], form: { teamId: 'no-such-team' } },
  saveGameResult: { scoped: true, args: ['no-such-game', null], form: { status: 'FINAL' } },
  composeNewsletter: { scoped: true, args: [null], form: { list: 'NONE' } },
  cancelNewsletter: { scoped: true, args: ['no-such-send'], form: {} },
  eraseAddress: { scoped: true, form: { email: 'not an address' } },
  writeComment: { publicForm: true, args: [null], form: { story: '' } },
  confirmComment: { publicForm: true, args: [null], form: { token: 'no-such-token' } },
  reportReaderComment: { publicForm: true, args: ['no-such-comment', null], form: { reason: '' } },
  signUp: { publicForm: true, args: [null], form: { email: 'not an address' } },
  confirmSignUp: { publicForm: true, args: [null], form: { token: 'no-such-token' } },
  leave: { publicForm: true, args: [null], form: { token: 'no-such-token' } },
};

function serverActions(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && /^\s*['"]use server['"]/.test(readFileSync(full, 'utf8'))) {
        // Every export of a 'use server' file is an action: an async function, or one made by newsroomAction.
        for (const match of readFileSync(full, 'utf8').matchAll(/^export (?:async function|const) (\w+)/gm)) found.push({ name: match[1]!, file: path.relative(root, full) });
      }
    }
  };
  walk(path.join(root, 'app'));
  return found;
}

/** Each action's id, and the page that serves it (an action is run by a page that uses it). */
function actionIds(): Map<string, { id: string; page: string }> {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? '.next-e2e');
  const manifestFile = [path.join(distDir, 'dev/server/server-reference-manifest.json'), path.join(distDir, 'server/server-reference-manifest.json')].find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  })!;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => {
      const worker = Object.keys(entry.workers)[0]!;
      const page =
        '/' +
        worker
          .replace(/^app\//, '')
          .replace(/\/page$/, '')
          .split('/')
          .filter((part) => !/^\(.*\)$/.test(part))
          .join('/');
      return [`${entry.filename}#${entry.exportedName}`, { id, page: page.replace('[editionId]', 'no-such-edition').replace('[token]', 'no-such-invitation-token-0000000000') }];
    }),
  );
}

test('the server-action matrix: every action × caller × own school and other school', async () => {
  test.setTimeout(300_000);
  const callers = Object.fromEntries(await Promise.all(Object.entries(CALLERS).map(async ([caller, email]) => [caller, await signedIn(email)] as const))) as Record<
    Exclude<Caller, 'anonymous'>,
    APIRequestContext
  >;
  const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  // Visiting the pages compiles their actions (the development server builds on demand).
  for (const page of [
    '/canyon-crest/newsroom',
    '/canyon-crest/newsroom/members',
    '/canyon-crest/newsroom/settings',
    '/canyon-crest/newsroom/issues',
    '/canyon-crest/newsroom/profile',
    '/admin',
    '/reset-password?token=x',
    '/invitations/none',
  ]) {
    await callers.ADVISER.get(page);
  }
  // An action used only on a story's newsroom page is called at one of the school's stories.
  const ownArticle = /\/canyon-crest\/newsroom\/articles\/(\w+)/.exec(await (await callers.ADVISER.get('/canyon-crest/newsroom')).text())![1]!;
  const actions = serverActions();
  expect(actions.map((action) => action.name).sort()).toEqual(Object.keys(ACTION_CALLS).sort());
  const ids = actionIds();
  const failures: string[] = [];
  let cases = 0;
  const call = async (caller: Caller, action: { name: string; file: string }, school: string | null, expected: (outcome: number | 'to sign-in') => boolean, what: string) => {
    const spec = ACTION_CALLS[action.name]!;
    const served = ids.get(`${action.file}#${action.name}`);
    if (!served) return void failures.push(`${action.name} (${action.file}) is not in the server-reference manifest`);
    const form = new FormData();
    const args: unknown[] = [...(school ? [school] : []), ...(spec.args ?? [])];
    if (spec.form || spec.args?.includes(null)) {
      for (const [key, value] of Object.entries(spec.form ?? {})) form.append(`1_${key}`, value);
      args.push('$K1');
    }
    form.append('0', JSON.stringify(args));
    const context = caller === 'anonymous' ? anonymous : callers[caller];
    const response = await context.fetch(served.page.replace('[school]', school ?? OWN).replace('[articleId]', ownArticle), {
      method: 'POST',
      headers: { 'Next-Action': served.id },
      multipart: form,
      maxRedirects: 0,
    });
    cases++;
    // A redirect from an action called by fetch comes back as a header naming where to go.
    const outcome = response.headers()['x-action-redirect']?.startsWith('/signin') ? 'to sign-in' : response.status();
    if (!expected(outcome)) failures.push(`${action.name}(${school ?? ''}) as ${caller} (${what}): ${outcome}`);
  };

  for (const action of actions) {
    const spec = ACTION_CALLS[action.name]!;
    for (const caller of ['anonymous', ...Object.keys(CALLERS)] as Caller[]) {
      if (spec.publicForm) {
        await call(caller, action, OWN, (outcome) => outcome === 200, 'a reader’s form: refused input, for anyone');
        continue;
      }
      if (spec.signsOut) {
        if (caller === 'anonymous') await call(caller, action, null, (outcome) => outcome === 'to sign-in', 'signing out leads to the sign-in page');
        continue;
      }
      if (!spec.scoped) {
        // Not tied to a school: refused input, never a crash; the platform page exists for no one here.
        await call(caller, action, null, (outcome) => outcome === (action.name === 'addSchool' ? 404 : 200), 'not school-scoped');
        continue;
      }
      const member = caller !== 'anonymous' && caller !== 'otherSchoolAdviser';
      if (caller === 'anonymous') {
        await call(caller, action, OWN, (outcome) => outcome === 'to sign-in', 'signed out: to the sign-in page');
        continue;
      }
      await call(caller, action, member ? OTHER : OWN, (status) => status === 404, 'other school');
      if (member && !spec.skipOwn) await call(caller, action, OWN, (status) => status !== 'to sign-in' && status < 500 && status !== 404, 'own school');
    }
  }
  console.log(`server-action matrix: ${cases} calls over ${actions.length} actions × 5 callers × own / other school`);
  expect(failures).toEqual([]);
});
