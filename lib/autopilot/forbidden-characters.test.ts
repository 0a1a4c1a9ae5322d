/**
 * Characters that have no place in an identifier, a group tag or a batch
 * name, as an attacker used them: a serial that displays as something else,
 * two values that look alike but differ. Each is refused with its position,
 * and a message quoting the value shows what it holds.
 */
import { describe, expect, it } from 'vitest';
import { fakeHash, seeded } from '@/test-data/generate';
import { firstForbiddenCharacter, showInvisible } from './identifiers';
import { describeProblem } from './messages';
import { checkGroupTag } from './group-tag-check';
import { validateDevices } from './validate';

const FORBIDDEN = {
  'NUL': '\u0000',
  'a C1 control': '\u0085',
  'a soft hyphen': '\u00ad',
  'a zero-width space': '\u200b',
  'a zero-width joiner': '\u200d',
  'a right-to-left mark': '\u200f',
  'a line separator': '\u2028',
  'a paragraph separator': '\u2029',
  'a right-to-left override': '\u202e',
  'a left-to-right embedding': '\u202a',
  'a word joiner': '\u2060',
  'a first-strong isolate': '\u2068',
  'a pop-directional isolate': '\u2069',
  'a byte order mark inside the value': '\ufeff',
  'a lone high surrogate': '\ud800',
  'a lone low surrogate': '\udc00',
};

describe('a forbidden character', () => {
  for (const [what, character] of Object.entries(FORBIDDEN)) {
    it(`is found: ${what}, with its position`, () => {
      expect(firstForbiddenCharacter(`SN-${character}9`)).toEqual({ index: 3, codePoint: character.charCodeAt(0) });
    });
  }

  it('is not found in what identifiers really hold: letters, digits, spaces, punctuation, accents, a whole emoji', () => {
    for (const value of ['5CG1234XYZ', 'VMware-56 4d 8d 37', 'Contoso Ltd.', 'Société Générale', 'Microsoft365Managed_Standard', 'tag 😀']) {
      expect(firstForbiddenCharacter(value), value).toBeNull();
    }
  });

  it('is written out when a value is shown, so a serial cannot display as another', () => {
    expect(showInvisible('SN-9\u202egpj.exe')).toBe('SN-9⟨U+202E⟩gpj.exe');
    expect(showInvisible('plain')).toBe('plain');
  });
});

describe('a device given through the API', () => {
  const hash = fakeHash(seeded(7));
  it('is refused when a value holds one, naming the field and the character; the others are judged alone', () => {
    const verdict = validateDevices(
      [
        { serialNumber: 'SN-9\u202egpj.exe', productKey: null, hardwareHash: hash, manufacturer: null, model: null },
        { serialNumber: '5CG\u200b1234', productKey: null, hardwareHash: fakeHash(seeded(8)), manufacturer: null, model: null },
        { serialNumber: '5CG1235', productKey: null, hardwareHash: fakeHash(seeded(9)), manufacturer: null, model: null },
      ],
      { groupTag: 'Contoso' },
    );
    const refused = verdict.problems.filter((p) => p.code === 'VALUE_CONTROL_CHARACTER');
    expect(refused.map((p) => [p.line, p.params])).toEqual([
      [1, { field: 'serialNumber', codePoint: 0x202e }],
      [2, { field: 'serialNumber', codePoint: 0x200b }],
    ]);
    expect(describeProblem(refused[0]!, 'en').message).toContain('U+202E');
  });
});

describe('a group tag', () => {
  it('is refused when it holds one, and its message shows it written out', () => {
    const check = checkGroupTag('Contoso\u200bKiosk');
    expect(check.problems.map((p) => p.code)).toEqual(['GROUP_TAG_INVALID']);
    expect(describeProblem(check.problems[0]!, 'en').message).toContain('Contoso⟨U+200B⟩Kiosk');
    expect(describeProblem(check.problems[0]!, 'fr').message).toContain('U+200B');
  });
});
