// next-auth configuration: e-mail and password, JWT sessions. The session carries only the user's
// id; roles are per school and read from the database on each request, so a changed or removed
// membership takes effect at once.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { checkCredentials } from './credentials.ts';
// next-auth passes a thrown error's message to the sign-in form as its error code.
import { LOCKED_ERROR_PREFIX } from './sign-in-errors.ts';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 60 * 60 * 24 * 14 },
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
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
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
