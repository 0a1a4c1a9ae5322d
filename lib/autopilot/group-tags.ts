/**
 * Microsoft Managed Desktop group tags: the one source of truth for which
 * device profile and mode give which exact tag, and back.
 */
import type { Lang } from './lang';

export const DEVICE_PROFILES = ['sensitive-data', 'power-user', 'standard', 'kiosk'] as const;
export type DeviceProfile = (typeof DEVICE_PROFILES)[number];

export const DEVICE_MODES = ['standard', 'shared'] as const;
export type DeviceMode = (typeof DEVICE_MODES)[number];

export interface ManagedDesktopProfile {
  profile: DeviceProfile;
  mode: DeviceMode;
}

/** Profile × mode → the exact tag; `null` where Microsoft does not support the pair. */
const GROUP_TAGS: Record<DeviceProfile, Record<DeviceMode, string | null>> = {
  'sensitive-data': {
    standard: 'Microsoft365Managed_SensitiveData',
    shared: 'Microsoft365Managed_SensitiveData-Shared',
  },
  'power-user': {
    standard: 'Microsoft365Managed_PowerUser',
    shared: null,
  },
  standard: {
    standard: 'Microsoft365Managed_Standard',
    shared: 'Microsoft365Managed_Standard-Shared',
  },
  kiosk: {
    standard: 'Microsoft365Managed_Kiosk',
    shared: 'Microsoft365Managed_Kiosk-Shared',
  },
};

export const PROFILE_NAMES: Record<DeviceProfile, Record<Lang, string>> = {
  'sensitive-data': { en: 'Sensitive data', fr: 'Données sensibles' },
  // Microsoft's French page says « Utilisateur d'alimentation », a literal
  // machine translation; « Utilisateur avancé » is what French speakers say.
  'power-user': { en: 'Power user', fr: 'Utilisateur avancé' },
  standard: { en: 'Standard', fr: 'Standard' },
  kiosk: { en: 'Kiosk', fr: 'Kiosque' },
};

export const MODE_NAMES: Record<DeviceMode, Record<Lang, string>> = {
  standard: { en: 'Standard mode', fr: 'Mode standard' },
  shared: { en: 'Shared device mode', fr: 'Mode appareil partagé' },
};

export const NOT_SUPPORTED: Record<Lang, string> = { en: 'Not supported', fr: 'Non pris en charge' };

/** The exact group tag for a profile and mode, or `null` when the pair is not supported. */
export function groupTagFor(profile: DeviceProfile, mode: DeviceMode): string | null {
  return GROUP_TAGS[profile][mode];
}

export function isSupported(profile: DeviceProfile, mode: DeviceMode): boolean {
  return groupTagFor(profile, mode) !== null;
}

/** Every supported profile and mode with its tag, in the order of Microsoft's table. */
export function managedDesktopGroupTags(): Array<ManagedDesktopProfile & { tag: string }> {
  const rows: Array<ManagedDesktopProfile & { tag: string }> = [];
  for (const profile of DEVICE_PROFILES) {
    for (const mode of DEVICE_MODES) {
      const tag = GROUP_TAGS[profile][mode];
      if (tag !== null) rows.push({ profile, mode, tag });
    }
  }
  return rows;
}

const BY_TAG = new Map(managedDesktopGroupTags().map((row) => [row.tag, row]));

/** Which profile and mode an exact tag stands for; `null` for any other tag. */
export function profileForGroupTag(tag: string): ManagedDesktopProfile | null {
  const row = BY_TAG.get(tag);
  return row ? { profile: row.profile, mode: row.mode } : null;
}

export function isManagedDesktopGroupTag(tag: string): boolean {
  return BY_TAG.has(tag);
}

/** The Power user + shared tag people would guess, which Microsoft does not support. */
export const UNSUPPORTED_POWER_USER_SHARED = 'Microsoft365Managed_PowerUser-Shared';

/**
 * The Managed Desktop tag that `tag` was almost certainly meant to be (same
 * letters with other capitals, or stray spaces), or `null`.
 */
export function nearestManagedDesktopTag(tag: string): string | null {
  const wanted = squashTag(tag);
  for (const known of BY_TAG.keys()) {
    if (known !== tag && squashTag(known) === wanted) return known;
  }
  return null;
}

/** A tag without case, spaces, `_` or `-`: what people mean when they mistype one. */
export function squashTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

export function isDeviceProfile(value: string): value is DeviceProfile {
  return (DEVICE_PROFILES as readonly string[]).includes(value);
}

export function isDeviceMode(value: string): value is DeviceMode {
  return (DEVICE_MODES as readonly string[]).includes(value);
}
