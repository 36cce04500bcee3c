// next-auth configuration: e-mail and password, JWT sessions. The session carries only the user's
// id; roles are per school and read from the database on each request, so a changed or removed
// membership takes effect at once.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { checkCredentials } from './credentials.ts';
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from './session-cookie.ts';
import { providerVerifiedEmail, singleSignOnProviders, userForSingleSignOn } from './single-sign-on.ts';
// next-auth passes a thrown error's message to the sign-in form as its error code.
import { LOCKED_ERROR_PREFIX } from './sign-in-errors.ts';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  cookies: { sessionToken: sessionCookie() },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      authorize: async (credentials) => {
        const checked = await checkCredentials(credentials);
        if (checked.ok) return checked.user;
        if (checked.lockedUntil) throw new Error(`${LOCKED_ERROR_PREFIX}${checked.lockedUntil.toISOString()}`);
        return null;
      },
    }),
    ...singleSignOnProviders().providers,
  ],
  callbacks: {
    // Google and Microsoft accounts sign in only as existing members of a school that allows
    // their domain (lib/auth/single-sign-on.ts); a refusal goes back to the sign-in page.
    async signIn({ user, account, profile }) {
      if (!account || account.provider === 'credentials') return true;
      const decision = await userForSingleSignOn({ email: user.email ?? (profile as { email?: string } | undefined)?.email, emailVerified: providerVerifiedEmail(account.provider, profile) });
      return decision.ok ? true : `/signin?error=sso-${decision.code}`;
    },
    async jwt({ token, user, account, profile }) {
      if (user && (!account || account.provider === 'credentials')) token.uid = user.id;
      else if (user && account) {
        // The session names our user, not the provider's account id.
        const decision = await userForSingleSignOn({ email: user.email, emailVerified: providerVerifiedEmail(account.provider, profile) });
        if (decision.ok) token.uid = decision.userId;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === 'string') (session.user as { id?: string }).id = token.uid;
      // When the session was issued, so "sign out everywhere" can void older ones.
      if (typeof token.iat === 'number') (session as { issuedAt?: number }).issuedAt = token.iat;
      return session;
    },
  },
};
