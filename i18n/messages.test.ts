import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the portal’s messages', () => {
  it('exist in French for every English message, and the other way round', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});
