/**
 * What each role may do. Pure rules: the data layer and the actions apply
 * them to the actor read from the database.
 */
export type Role = 'PARTNER_ADMIN' | 'PARTNER_SALES' | 'CUSTOMER_ADMIN';

/** Admin agents and sales agents may add devices (Partner Center's rule). */
export function canAddDevices(role: Role): boolean {
  return role === 'PARTNER_ADMIN' || role === 'PARTNER_SALES';
}

/** Only admin agents delete (deregister) devices. */
export function canDeleteDevices(role: Role): boolean {
  return role === 'PARTNER_ADMIN';
}

export type RelationshipKind = 'RESELLER' | 'OEM';

/** A CSP partner holds reseller relationships; an OEM, its own OEM kind (device registration only). */
export function relationshipKindFor(partnerKind: 'CSP' | 'OEM'): RelationshipKind {
  return partnerKind === 'OEM' ? 'OEM' : 'RESELLER';
}

export function isPartnerRole(role: Role): boolean {
  return role === 'PARTNER_ADMIN' || role === 'PARTNER_SALES';
}
