import { describe, expect, it } from 'vitest';
import { checkGroupTag } from './group-tag-check';
import {
  DEVICE_MODES,
  DEVICE_PROFILES,
  MODE_NAMES,
  NOT_SUPPORTED,
  PROFILE_NAMES,
  groupTagFor,
  isManagedDesktopGroupTag,
  managedDesktopGroupTags,
  nearestManagedDesktopTag,
  profileForGroupTag,
} from './group-tags';

describe('Managed Desktop group tags', () => {
  it('gives Microsoft’s exact tag for every profile and mode', () => {
    expect(groupTagFor('sensitive-data', 'standard')).toBe('Microsoft365Managed_SensitiveData');
    expect(groupTagFor('sensitive-data', 'shared')).toBe('Microsoft365Managed_SensitiveData-Shared');
    expect(groupTagFor('power-user', 'standard')).toBe('Microsoft365Managed_PowerUser');
    expect(groupTagFor('standard', 'standard')).toBe('Microsoft365Managed_Standard');
    expect(groupTagFor('standard', 'shared')).toBe('Microsoft365Managed_Standard-Shared');
    expect(groupTagFor('kiosk', 'standard')).toBe('Microsoft365Managed_Kiosk');
    expect(groupTagFor('kiosk', 'shared')).toBe('Microsoft365Managed_Kiosk-Shared');
  });

  it('does not support Power user in shared device mode', () => {
    expect(groupTagFor('power-user', 'shared')).toBeNull();
    expect(managedDesktopGroupTags()).toHaveLength(7);
  });

  it('reads every tag back to its profile and mode, and nothing else', () => {
    for (const { profile, mode, tag } of managedDesktopGroupTags()) {
      expect(profileForGroupTag(tag)).toEqual({ profile, mode });
    }
    expect(profileForGroupTag('microsoft365managed_standard')).toBeNull();
    expect(profileForGroupTag('Sales laptops')).toBeNull();
    expect(isManagedDesktopGroupTag('Microsoft365Managed_Kiosk-Shared')).toBe(true);
  });

  it('names profiles and modes in English and French', () => {
    expect(DEVICE_PROFILES.map((p) => PROFILE_NAMES[p].en)).toEqual(['Sensitive data', 'Power user', 'Standard', 'Kiosk']);
    expect(DEVICE_PROFILES.map((p) => PROFILE_NAMES[p].fr)).toEqual([
      'Données sensibles',
      'Utilisateur avancé',
      'Standard',
      'Kiosque',
    ]);
    expect(DEVICE_MODES.map((m) => MODE_NAMES[m].en)).toEqual(['Standard mode', 'Shared device mode']);
    expect(DEVICE_MODES.map((m) => MODE_NAMES[m].fr)).toEqual(['Mode standard', 'Mode appareil partagé']);
    expect(NOT_SUPPORTED.fr).toBe('Non pris en charge');
  });

  it('knows which tag a mistyped one was meant to be', () => {
    expect(nearestManagedDesktopTag('microsoft365managed_standard')).toBe('Microsoft365Managed_Standard');
    expect(nearestManagedDesktopTag(' Microsoft365Managed_Kiosk-shared ')).toBe('Microsoft365Managed_Kiosk-Shared');
    expect(nearestManagedDesktopTag('Microsoft365Managed_Standard')).toBeNull();
    expect(nearestManagedDesktopTag('Finance laptops')).toBeNull();
  });
});

describe('the group tag a partner chose', () => {
  it('accepts an exact Managed Desktop tag and requires hashes under it', () => {
    const check = checkGroupTag('Microsoft365Managed_SensitiveData-Shared');
    expect(check.problems).toEqual([]);
    expect(check.managedDesktop).toEqual({ profile: 'sensitive-data', mode: 'shared' });
    expect(check.requiresHash).toBe(true);
  });

  it('refuses a tag with the wrong capitals and names the exact one', () => {
    const check = checkGroupTag('Microsoft365managed_powerUser');
    expect(check.problems.map((p) => p.code)).toEqual(['GROUP_TAG_NOT_EXACT']);
    expect(check.problems[0]!.params).toEqual({
      found: 'Microsoft365managed_powerUser',
      expected: 'Microsoft365Managed_PowerUser',
    });
    expect(check.requiresHash).toBe(true);
  });

  it('refuses Power user in shared mode as not supported', () => {
    expect(checkGroupTag('Microsoft365Managed_PowerUser-Shared').problems.map((p) => p.code)).toEqual([
      'GROUP_TAG_NOT_SUPPORTED',
    ]);
  });

  it('refuses an empty tag, and a tag with stray spaces or control characters', () => {
    expect(checkGroupTag('  ').problems.map((p) => p.code)).toEqual(['GROUP_TAG_EMPTY']);
    expect(checkGroupTag('Sales ').problems.map((p) => p.code)).toEqual(['GROUP_TAG_INVALID']);
    expect(checkGroupTag('Sales\tteam').problems.map((p) => p.code)).toEqual(['GROUP_TAG_INVALID']);
  });

  it('accepts any other tag as a partner’s own batch name, hashes optional', () => {
    const check = checkGroupTag('Contoso laptops 2026');
    expect(check.problems).toEqual([]);
    expect(check.requiresHash).toBe(false);
    expect(checkGroupTag(null).problems).toEqual([]);
  });
});
