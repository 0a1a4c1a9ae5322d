/**
 * The two short-lived, signed statements between the steps of signing in,
 * so that no step is skipped:
 * - a challenge: "this account's password was right a moment ago; it still
 *   needs its second factor". The browser holds it between the two forms.
 * - a ticket: "this account passed every factor just now". It never leaves
 *   the server: the sign-in action hands it to Auth.js in the same request.
 * Each names the account and its session version (a password change or a
 * sign-out everywhere voids it) and expires; the signature is an HMAC under
 * a key derived from the server's secret, one per purpose.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export type StepPurpose = 'challenge' | 'ticket';

/** How long each statement holds: time to open the app and type a code; a moment for the ticket. */
export const STEP_SECONDS: Record<StepPurpose, number> = { challenge: 5 * 60, ticket: 60 };

export interface StepClaims {
  userId: string;
  sessionVersion: number;
  /**
   * Whether the password was right. Always so in a ticket; in a challenge,
   * false only when the account was under attack (its attempts used up) and
   * has a second factor: the code step is offered either way, so that the
   * answer does not tell whether the password was right, and refuses.
   */
  passwordRight?: boolean;
}

function signature(purpose: StepPurpose, body: string, serverSecret: string): Buffer {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'autopilot-portal', `sign-in-${purpose}`, 32));
  return createHmac('sha256', key).update(body).digest();
}

export function signStep(purpose: StepPurpose, claims: StepClaims, serverSecret: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ u: claims.userId, v: claims.sessionVersion, p: claims.passwordRight !== false, e: Math.floor(now / 1000) + STEP_SECONDS[purpose] })).toString('base64url');
  return `${body}.${signature(purpose, body, serverSecret).toString('base64url')}`;
}

/** The claims of a statement signed for `purpose` and not expired; null for anything else. */
export function readStep(purpose: StepPurpose, token: unknown, serverSecret: string, now = Date.now()): StepClaims | null {
  if (typeof token !== 'string' || token.length > 512) return null;
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length > 0) return null;
  const expected = signature(purpose, body, serverSecret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const { u, v, p, e } = claims as Record<string, unknown>;
  if (typeof u !== 'string' || typeof v !== 'number' || typeof p !== 'boolean' || typeof e !== 'number' || e * 1000 <= now) return null;
  // A ticket is only ever made for a right password; anything else is no ticket.
  if (purpose === 'ticket' && !p) return null;
  return { userId: u, sessionVersion: v, passwordRight: p };
}
