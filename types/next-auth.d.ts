import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string; sessionVersion: number } & DefaultSession['user'];
  }
  interface User {
    /** The account's session version when the session was made (lib/auth/session.ts). */
    sessionVersion?: number;
  }
}

