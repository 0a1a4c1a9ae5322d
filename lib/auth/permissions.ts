/**
 * What each role and each API key may do. Pure rules, written once: the
 * doors (server actions, API routes, pages) and the services apply them to
 * the principal read from the database.
 */
export type Role = 'PARTNER_ADMIN' | 'PARTNER_SALES' | 'CUSTOMER_ADMIN';
export type PartnerRole = Extract<Role, 'PARTNER_ADMIN' | 'PARTNER_SALES'>;
export type PartnerKind = 'CSP' | 'OEM';
export type RelationshipKind = 'RESELLER' | 'OEM';

/** What an API key may do; a new key has every scope unless narrowed. */
export const API_SCOPES = ['read', 'write', 'delete'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * Every permission the portal checks, by name. An agent's come from their
 * role; an API key's from its scopes.
 */
export const PERMISSIONS = [
  'customers:read',
  'devices:read',
  'devices:add',
  'devices:delete',
  'relationships:read',
  'relationships:invite',
  'relationships:manage',
  'relationships:remove',
  'api-keys:manage',
  'people:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<PartnerRole, readonly Permission[]> = {
  // Admin agents do everything.
  PARTNER_ADMIN: PERMISSIONS,
  // Sales agents read, add devices (Partner Center's rule) and share the partner's link.
  PARTNER_SALES: ['customers:read', 'devices:read', 'devices:add', 'relationships:read'],
};

const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  read: ['customers:read', 'devices:read'],
  write: ['devices:add'],
  delete: ['devices:delete'],
};

export function isPartnerRole(role: Role): role is PartnerRole {
  return role === 'PARTNER_ADMIN' || role === 'PARTNER_SALES';
}

export function isCustomerAdminRole(role: Role): role is 'CUSTOMER_ADMIN' {
  return role === 'CUSTOMER_ADMIN';
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return isPartnerRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

export function scopesAllow(scopes: readonly ApiScope[], permission: Permission): boolean {
  return scopes.some((scope) => SCOPE_PERMISSIONS[scope].includes(permission));
}

/** A CSP partner holds reseller relationships; an OEM, its own OEM kind (device registration only). */
export function relationshipKindFor(partnerKind: PartnerKind): RelationshipKind {
  return partnerKind === 'OEM' ? 'OEM' : 'RESELLER';
}

/** Scopes as stored (a comma-separated list), read back; anything unknown is dropped. */
export function parseScopes(stored: string): ApiScope[] {
  const wanted = new Set(stored.split(',').map((s) => s.trim()));
  return API_SCOPES.filter((scope) => wanted.has(scope));
}

export function formatScopes(scopes: readonly ApiScope[]): string {
  return API_SCOPES.filter((scope) => scopes.includes(scope)).join(',');
}
