import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { verifyPassword } from '@/lib/auth/password';
import { authSecret } from '@/lib/auth/secret';
import { createRateLimit } from '@/lib/rate-limit';

/** Refused after 10 failed attempts for one email within a few minutes: the page says to wait. */
export class TooManyAttempts extends CredentialsSignin {
  override code = 'too-many-attempts';
}

// Ten failures per email, then one more attempt every 90 seconds; successes cost nothing.
const globalForAttempts = globalThis as unknown as { signInAttempts?: ReturnType<typeof createRateLimit> };
const attempts = (globalForAttempts.signInAttempts ??= createRateLimit(10, 1 / 90));

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  logger: {
    // A wrong password is an expected outcome, answered on the page: not an error for the log.
    error(error) {
      if (error.name !== 'CredentialsSignin' && error.name !== 'TooManyAttempts') console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        if (!attempts.hasRoom(parsed.data.email)) throw new TooManyAttempts();
        const user = await prisma.user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        if (!user || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          attempts.take(parsed.data.email);
          throw new CredentialsSignin();
        }
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
