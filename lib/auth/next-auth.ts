import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';
import { authSecret } from '@/lib/auth/secret';
import { isExpectedSignInFailure } from '@/lib/auth/sign-in-log';
import { findUserForSignIn, upgradePasswordHash } from '@/lib/data/accounts';
import { refundSignInAttempt, takeSignInAttempt } from '@/lib/data/sign-in-throttle';
import { env } from '@/lib/env';
import { requestFacts } from './request-origin';

/** Too many attempts for the account or from the address (lib/data/sign-in-throttle.ts): the page says to wait. */
export class TooManyAttempts extends CredentialsSignin {
  override code = 'too-many-attempts';
}

/** A hash of no one's password, checked for unknown emails. */
let unknownUser: Promise<string> | undefined;
const unknownUserHash = () => (unknownUser ??= hashPassword(crypto.randomUUID()));

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  logger: {
    // A wrong password is an expected outcome, answered on the page: not an error for the log.
    error(error) {
      if (!isExpectedSignInFailure(error)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        // Counted before it is checked: attempts sent together cannot all be checked.
        const address = requestFacts(request.headers, env().TRUST_PROXY).clientAddress;
        if (!(await takeSignInAttempt(parsed.data.email, address)).ok) throw new TooManyAttempts();
        const user = await findUserForSignIn(parsed.data.email);
        // An unknown email costs the same check as a known one: the time taken tells nothing.
        const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await unknownUserHash()));
        if (!user || !matches) throw new CredentialsSignin();
        await refundSignInAttempt(parsed.data.email, address);
        // A hash from before (bcrypt, or weaker scrypt) is replaced while the password is at hand.
        if (needsRehash(user.passwordHash)) {
          try {
            await upgradePasswordHash(user.id, user.passwordHash, await hashPassword(parsed.data.password));
          } catch (error) {
            console.error('Could not upgrade a password hash; the old one still works.', error);
          }
        }
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionVersion = typeof token.sv === 'number' ? token.sv : 0;
      return session;
    },
  },
});
