import { describe, expect, it } from 'vitest';
import { readStep, signStep, STEP_SECONDS } from './sign-in-steps';

const SECRET = 'a-server-secret-of-at-least-32-characters';
const claims = { userId: 'user-1', sessionVersion: 3, passwordRight: true };

describe('the statements between the steps of signing in', () => {
  it('are read back by the server that signed them, for their purpose, until they expire', () => {
    const now = Date.now();
    const challenge = signStep('challenge', claims, SECRET, now);
    expect(readStep('challenge', challenge, SECRET, now + 1000)).toEqual(claims);
    expect(readStep('challenge', challenge, SECRET, now + STEP_SECONDS.challenge * 1000 + 1000)).toBeNull();
  });
  it('cannot be used for the other purpose: a challenge (held by the browser) is no ticket', () => {
    const challenge = signStep('challenge', claims, SECRET);
    expect(readStep('ticket', challenge, SECRET)).toBeNull();
  });
  it('say when a password was wrong, and such a statement is never a ticket', () => {
    const wrong = { ...claims, passwordRight: false };
    expect(readStep('challenge', signStep('challenge', wrong, SECRET), SECRET)).toEqual(wrong);
    expect(readStep('ticket', signStep('ticket', wrong, SECRET), SECRET)).toBeNull();
  });
  it('are refused when forged, altered or signed with another secret', () => {
    const ticket = signStep('ticket', claims, SECRET);
    const [body, sig] = ticket.split('.') as [string, string];
    const altered = Buffer.from(JSON.stringify({ u: 'admin', v: 3, e: 9_999_999_999 })).toString('base64url');
    expect(readStep('ticket', `${altered}.${sig}`, SECRET)).toBeNull();
    expect(readStep('ticket', `${body}.${sig.slice(0, -2)}AA`, SECRET)).toBeNull();
    expect(readStep('ticket', ticket, 'another-server-secret-of-32-characters!')).toBeNull();
    for (const junk of [undefined, '', '.', 'a.b.c', body, 42, 'x'.repeat(600)]) expect(readStep('ticket', junk, SECRET)).toBeNull();
  });
});
