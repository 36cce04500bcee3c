// Optional Google and Microsoft sign-in, for schools whose students and staff have accounts there.
// A provider is offered when its environment variables are set (see .env.example). It signs in
// only an existing member (active or alumni) of a school that lists the address's domain among
// its sign-in domains, and only with an address the provider has verified: an outside account
// can never make itself a member, which still takes an invitation.
import 'server-only';
import type { Provider } from 'next-auth/providers/index';
import AzureADProvider from 'next-auth/providers/azure-ad';
import GoogleProvider from 'next-auth/providers/google';
import { db, dbFor, PLATFORM } from '../db.ts';

export interface SsoProvider {
  id: 'google' | 'azure-ad';
  name: string;
}

export function singleSignOnProviders(env: Record<string, string | undefined> = process.env): { providers: Provider[]; offered: SsoProvider[] } {
  const providers: Provider[] = [];
  const offered: SsoProvider[] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, authorization: { params: { prompt: 'select_account' } } }));
    offered.push({ id: 'google', name: 'Google' });
  }
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET) {
    providers.push(AzureADProvider({ clientId: env.AZURE_AD_CLIENT_ID, clientSecret: env.AZURE_AD_CLIENT_SECRET, tenantId: env.AZURE_AD_TENANT_ID || 'common' }));
    offered.push({ id: 'azure-ad', name: 'Microsoft' });
  }
  return { providers, offered };
}

export type SsoDecision = { ok: true; userId: string } | { ok: false; code: 'unverified' | 'domain' | 'not-a-member' };

/** Who, if anyone, a provider's verified address signs in as. */
export async function userForSingleSignOn(identity: { email?: string | null; emailVerified: boolean }): Promise<SsoDecision> {
  const email = identity.email?.trim().toLowerCase();
  if (!email || !identity.emailVerified) return { ok: false, code: 'unverified' };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const schools = await db.school.findMany({ where: { signInDomains: { has: domain } }, select: { id: true } });
  if (schools.length === 0) return { ok: false, code: 'domain' };
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return { ok: false, code: 'not-a-member' };
  // Membership in any of those schools; the person's schools span tenants by nature.
  const member = await dbFor(PLATFORM).membership.findFirst({
    where: { userId: user.id, schoolId: { in: schools.map((school) => school.id) }, status: { in: ['ACTIVE', 'ALUMNI'] } },
    select: { id: true },
  });
  return member ? { ok: true, userId: user.id } : { ok: false, code: 'not-a-member' };
}

/** Whether the provider vouches for the address: Google says so per account; a Microsoft work
 * or school tenant issues addresses it manages. */
export function providerVerifiedEmail(provider: string, profile: unknown): boolean {
  const claims = (profile ?? {}) as { email_verified?: boolean | string };
  if (provider === 'google') return claims.email_verified === true || claims.email_verified === 'true';
  return provider === 'azure-ad';
}

export const SSO_ERROR_MESSAGES: Record<string, string> = {
  unverified: 'That account’s e-mail address is not verified.',
  domain: 'No school on Masthead signs in with that account’s domain. Use your e-mail and password.',
  'not-a-member': 'That account is not a member of a school here yet. Accept your invitation first.',
};
