import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Profile, User } from 'next-auth';
import { authOptions } from '../../lib/auth/options.ts';
import { singleSignOnProviders, userForSingleSignOn } from '../../lib/auth/single-sign-on.ts';
import { platformDb as db } from '../../lib/db.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { seededActors } from '../factories.ts';

// Google and Microsoft themselves are not reachable from the test machine; what is tested is all of
// our side: which providers are offered, and whom a provider's verified address may sign in as,
// through the same callbacks next-auth calls after the provider answers.
let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
  await db.school.update({ where: { slug: 'canyon-crest' }, data: { signInDomains: ['canyoncrest.example'] } });
});

const google = (email: string, verified = true) => ({
  user: { id: 'google-sub-123', email, name: 'Someone' } as User,
  account: { provider: 'google', type: 'oauth', providerAccountId: 'google-sub-123' } as Account,
  profile: { email, email_verified: verified } as Profile,
});

describe('sign-in with Google or Microsoft', () => {
  it('is offered only when its keys are set', () => {
    expect(singleSignOnProviders({}).offered).toEqual([]);
    const both = singleSignOnProviders({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret', AZURE_AD_CLIENT_ID: 'id', AZURE_AD_CLIENT_SECRET: 'secret' });
    expect(both.offered.map((provider) => provider.id)).toEqual(['google', 'azure-ad']);
    expect(both.providers.map((provider) => provider.id)).toEqual(['google', 'azure-ad']);
    expect(singleSignOnProviders({ GOOGLE_CLIENT_ID: 'id' }).offered).toEqual([]);
  });

  it('signs in a verified member of a school that allows the domain, as that member', async () => {
    expect(await userForSingleSignOn({ email: 'Adviser@CanyonCrest.example', emailVerified: true })).toEqual({ ok: true, userId: people.adviser.userId });
    const signIn = authOptions.callbacks!.signIn!;
    const attempt = google('adviser@canyoncrest.example');
    expect(await signIn({ ...attempt, email: undefined, credentials: undefined })).toBe(true);
    const token = await authOptions.callbacks!.jwt!({ token: {}, user: attempt.user, account: attempt.account, profile: attempt.profile, trigger: 'signIn' });
    expect(token.uid).toBe(people.adviser.userId);
  });

  it('refuses unverified addresses, domains no school allows, strangers and former members', async () => {
    const signIn = authOptions.callbacks!.signIn!;
    const refused = async (email: string, verified = true) => signIn({ ...google(email, verified), email: undefined, credentials: undefined });
    expect(await refused('adviser@canyoncrest.example', false)).toBe('/signin?error=sso-unverified');
    expect(await refused('adviser@lincoln.example')).toBe('/signin?error=sso-domain');
    expect(await refused('stranger@canyoncrest.example')).toBe('/signin?error=sso-not-a-member');
    await db.membership.update({ where: { id: people.jordan.membershipId }, data: { status: 'DEACTIVATED' } });
    expect(await refused('jordan.reyes@canyoncrest.example')).toBe('/signin?error=sso-not-a-member');
    // A school's domain list lets its own members in, not another school's.
    await db.school.update({ where: { slug: 'lincoln-high' }, data: { signInDomains: ['lincoln.example'] } });
    expect(await userForSingleSignOn({ email: 'andrew.choi@lincoln.example', emailVerified: true })).toEqual({ ok: false, code: 'not-a-member' });
    expect(await refused('adviser@lincoln.example')).toBe(true);
  });

  it('e-mail and password sign-in goes on as before', async () => {
    const signIn = authOptions.callbacks!.signIn!;
    expect(
      await signIn({
        user: { id: people.andrew.userId } as User,
        account: { provider: 'credentials', type: 'credentials', providerAccountId: people.andrew.userId } as Account,
        profile: undefined,
        email: undefined,
        credentials: undefined,
      }),
    ).toBe(true);
  });
});
