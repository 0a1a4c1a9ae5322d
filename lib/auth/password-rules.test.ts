import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, passwordProblem } from './password-rules';

describe('a new password', () => {
  it('is accepted when long and not common', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('Tq8#vL2m!pX9wR')).toBeNull();
  });
  it('is refused when shorter than 12 characters or longer than the hash takes', () => {
    expect(passwordProblem('Tq8#vL2m!pX')).toBe('too-short');
    expect(passwordProblem('x'.repeat(PASSWORD_MAX + 1))).toBe('too-long');
    // Characters, not bytes: twelve accented letters are enough.
    expect(passwordProblem('éàèùâêîôûëïü')).toBeNull();
  });
  it('is refused when it is one of the passwords guessers try first, whatever its case or what is added at its end', () => {
    for (const password of ['123456789012', 'qwertyuiop1234', 'PASSWORD1234', 'baseball2024!!', 'Dragon!!!!!!!', 'aaaaaaaaaaaaaa']) {
      expect(passwordProblem(password), password).toBe('common');
    }
  });
  it('is refused when it is the account’s email', () => {
    expect(passwordProblem('felix.fabrikam@fabrikam.example', 'felix.fabrikam@fabrikam.example')).toBe('like-email');
    expect(passwordProblem('FelixFabrikam2026', 'felix.fabrikam@fabrikam.example')).toBe('like-email');
    expect(passwordProblem('FelixFabrikam2026', 'someone@else.example')).toBeNull();
  });
});
