/**
 * Who is asking, for a partner: one shape whether a signed-in agent or an
 * API key. Every customer-bound read and write starts from a principal and
 * the customer scope resolved for it (lib/data/scope.ts).
 */
import { relationshipKindFor, roleAllows, scopesAllow, type ApiScope, type PartnerKind, type PartnerRole, type Permission, type RelationshipKind } from './permissions';

interface PrincipalBase {
  partnerId: string;
  partnerName: string;
  partnerKind: PartnerKind;
}

export interface AgentPrincipal extends PrincipalBase {
  type: 'agent';
  userId: string;
  email: string;
  name: string;
  role: PartnerRole;
  /** The partner requires a second factor and the agent has none yet: until they set one up, they may do nothing else. */
  secondFactorMissing?: boolean;
}

export interface ApiKeyPrincipal extends PrincipalBase {
  type: 'api-key';
  keyId: string;
  keyName: string;
  scopes: ApiScope[];
}

export type Principal = AgentPrincipal | ApiKeyPrincipal;

/** The relationship kind a principal acts through: reseller for a CSP, OEM for an OEM. */
export function relationshipKindOf(principal: Principal): RelationshipKind {
  return relationshipKindFor(principal.partnerKind);
}

export function can(principal: Principal, permission: Permission): boolean {
  if (principal.type === 'api-key') return scopesAllow(principal.scopes, permission);
  return !principal.secondFactorMissing && roleAllows(principal.role, permission);
}

/** How the audit log names the principal: the agent's email, or the key's name. */
export function auditActor(principal: Principal): { actorId: string | null; actorEmail: string } {
  return principal.type === 'agent' ? { actorId: principal.userId, actorEmail: principal.email } : { actorId: null, actorEmail: `API: ${principal.keyName}` };
}
