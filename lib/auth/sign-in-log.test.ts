// The classes next-auth re-exports, from where they live: next-auth itself does not load outside Next.
import { AuthError, CredentialsSignin } from '@auth/core/errors';
import { describe, expect, it } from 'vitest';
import { isExpectedSignInFailure } from './sign-in-log';

describe('the sign-in log', () => {
  it('leaves out wrong passwords and throttled attempts, whatever the classes are called', () => {
    // As in the production build: the subclass's name minified away.
    const t = class extends CredentialsSignin {
      override code = 'too-many-attempts';
    };
    expect(new t().name).not.toBe('TooManyAttempts');
    expect(isExpectedSignInFailure(new CredentialsSignin())).toBe(true);
    expect(isExpectedSignInFailure(new t())).toBe(true);
  });

  it('keeps every other error', () => {
    const named = new Error('boom');
    named.name = 'CredentialsSignin';
    expect(isExpectedSignInFailure(named)).toBe(false);
    expect(isExpectedSignInFailure(new AuthError('configuration'))).toBe(false);
    expect(isExpectedSignInFailure(new TypeError('x is undefined'))).toBe(false);
  });
});
