import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('the language of the portal', () => {
  it('follows the cookie first', () => {
    expect(pickLocale('fr', 'en-US,en;q=0.9')).toBe('fr');
  });
  it('else the browser’s first language the portal speaks', () => {
    expect(pickLocale(undefined, 'de-DE,fr-CA;q=0.8,en;q=0.5')).toBe('fr');
    expect(pickLocale(undefined, 'en;q=0.3,fr;q=0.9')).toBe('fr');
    expect(pickLocale('xx', 'fr-FR')).toBe('fr');
  });
  it('else English', () => {
    expect(pickLocale(undefined, null)).toBe('en');
    expect(pickLocale(undefined, 'de,es')).toBe('en');
  });
});
