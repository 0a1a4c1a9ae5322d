import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authSecret } from '@/lib/auth/secret';
import { isExpectedSignInFailure } from '@/lib/auth/sign-in-log';
import { env } from '@/lib/env';
import { oidcProvider, oidcSettings } from './oidc';
import { openPortalAccount, withAccount } from './oidc-sign-in';
import { takeSsoInvitation } from './sso-invitation';
import { requestFacts } from './request-origin';
import { passwordStep, redeemTicket } from './sign-in';

/** Too many attempts for the account or from the address (lib/data/sign-in-throttle.ts): the page says to wait. */
export class TooManyAttempts extends CredentialsSignin {
  override code = 'too-many-attempts';
}

/** The password was right, and the account has a second factor: only the portal's sign-in page asks for it. */
export class SecondFactorRequired extends CredentialsSignin {
  override code = 'second-factor-required';
}

const credentials = z.union([
  z.object({ ticket: z.string().min(1).max(512) }),
  z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) }),
]);

const sso = oidcSettings();

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  // Refusals and a provider's failures land on the sign-in page, which says what happened.
  pages: { signIn: '/sign-in', error: '/sign-in' },
  logger: {
    // A wrong password is an expected outcome, answered on the page: not an error for the log.
    error(error) {
      if (!isExpectedSignInFailure(error)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, ticket: {} },
      /**
       * A ticket from the sign-in page's steps (lib/auth/sign-in.ts), or an
       * email and password posted straight to Auth.js: the same password
       * step decides, and an account with a second factor is refused here.
       */
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        if ('ticket' in parsed.data) return (await redeemTicket(parsed.data.ticket)) ?? null;
        const step = await passwordStep(parsed.data.email, parsed.data.password, requestFacts(request.headers, env().TRUST_PROXY).clientAddress);
        if (step.next === 'code') throw new SecondFactorRequired();
        if (step.next === 'refused') throw step.reason === 'throttled' ? new TooManyAttempts() : new CredentialsSignin();
        return (await redeemTicket(step.ticket)) ?? null;
      },
    }),
    // Single sign-on, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
    ...(sso ? [oidcProvider(sso)] : []),
  ],
  callbacks: {
    /**
     * A single sign-on opens the portal account it is linked to, or the one
     * it is linked to now: by the address the provider verified, or by the
     * invitation the person followed before choosing single sign-on. Nothing
     * else gets in, and no account is made.
     */
    signIn({ user, account, profile }) {
      return openPortalAccount(user, account?.provider, profile, takeSsoInvitation);
    },
    jwt({ token, user }) {
      return withAccount(token, user);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionVersion = typeof token.sv === 'number' ? token.sv : 0;
      return session;
    },
  },
});
