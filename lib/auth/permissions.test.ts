/** What each role and each API key scope may do, written out in full: a change to the rules shows here. */
import { describe, expect, it } from 'vitest';
import { formatScopes, parseScopes, PERMISSIONS, relationshipKindFor, roleAllows, scopesAllow, type ApiScope, type Permission, type Role } from './permissions';
import { can, relationshipKindOf, type AgentPrincipal, type ApiKeyPrincipal } from './principal';

const ROLES: Record<Role, Permission[]> = {
  PARTNER_ADMIN: [...PERMISSIONS],
  PARTNER_SALES: ['customers:read', 'devices:read', 'devices:add', 'relationships:read'],
  CUSTOMER_ADMIN: [],
};

const SCOPES: Record<ApiScope, Permission[]> = {
  read: ['customers:read', 'devices:read'],
  write: ['devices:add'],
  delete: ['devices:delete'],
};

const partner = { partnerId: 'p1', partnerName: 'P', partnerKind: 'CSP' as const };
const agentWith = (role: AgentPrincipal['role']): AgentPrincipal => ({ type: 'agent', userId: 'u1', email: 'a@p.example', name: 'A', role, ...partner });
const keyWith = (scopes: ApiScope[]): ApiKeyPrincipal => ({ type: 'api-key', keyId: 'k1', keyName: 'ci', scopes, ...partner });

describe('roles', () => {
  it.each(Object.entries(ROLES) as Array<[Role, Permission[]]>)('%s may do exactly what is listed', (role, allowed) => {
    expect(PERMISSIONS.filter((p) => roleAllows(role, p))).toEqual(allowed);
  });

  it('a sales agent adds devices but cannot delete them, manage keys, invite, or remove a relationship', () => {
    const sales = agentWith('PARTNER_SALES');
    expect(can(sales, 'devices:add')).toBe(true);
    for (const p of ['devices:delete', 'api-keys:manage', 'relationships:invite', 'relationships:manage', 'relationships:remove'] as const) {
      expect(can(sales, p)).toBe(false);
    }
    expect(PERMISSIONS.every((p) => can(agentWith('PARTNER_ADMIN'), p))).toBe(true);
  });
});

describe('API key scopes', () => {
  it.each(Object.entries(SCOPES) as Array<[ApiScope, Permission[]]>)('"%s" allows exactly what is listed', (scope, allowed) => {
    expect(PERMISSIONS.filter((p) => scopesAllow([scope], p))).toEqual(allowed);
  });

  it('a read-only key reads but cannot add or delete devices; no key manages keys or relationships', () => {
    const readOnly = keyWith(['read']);
    expect(can(readOnly, 'devices:read')).toBe(true);
    expect(can(readOnly, 'devices:add')).toBe(false);
    expect(can(readOnly, 'devices:delete')).toBe(false);
    const everything = keyWith(['read', 'write', 'delete']);
    expect(PERMISSIONS.filter((p) => can(everything, p))).toEqual(['customers:read', 'devices:read', 'devices:add', 'devices:delete']);
    expect(PERMISSIONS.filter((p) => can(keyWith([]), p))).toEqual([]);
  });

  it('are read back from storage dropping anything unknown, and written in one order', () => {
    expect(parseScopes('read,write,delete')).toEqual(['read', 'write', 'delete']);
    expect(parseScopes(' delete , read ')).toEqual(['read', 'delete']);
    expect(parseScopes('read,admin,WRITE,,*')).toEqual(['read']);
    expect(parseScopes('')).toEqual([]);
    expect(formatScopes(['delete', 'read'])).toBe('read,delete');
    expect(parseScopes(formatScopes(['write']))).toEqual(['write']);
  });
});

describe('the relationship kind a partner holds', () => {
  it('is reseller for a CSP and OEM for an OEM, whoever acts for it', () => {
    expect(relationshipKindFor('CSP')).toBe('RESELLER');
    expect(relationshipKindFor('OEM')).toBe('OEM');
    expect(relationshipKindOf({ ...keyWith(['read']), partnerKind: 'OEM' })).toBe('OEM');
    expect(relationshipKindOf(agentWith('PARTNER_SALES'))).toBe('RESELLER');
  });
});
