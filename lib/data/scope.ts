/**
 * "This partner may act for this customer": the one place the relationship
 * predicate is written, and the scope every customer-bound read and write
 * takes. A scope can only be had from `requireCustomerScope`, which checks
 * the database; a function that takes a scope cannot be called without it.
 * (No `server-only` marker: the demo seed and the command-line tools run the
 * same registration path; lint keeps client code from importing lib/data.)
 */
import { cache } from 'react';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { relationshipKindOf, type Principal } from '@/lib/auth/principal';
import type { RelationshipKind } from '@/lib/auth/permissions';

type Db = Prisma.TransactionClient;

/** A customer's side of a relationship: its administrators see and remove their partners. */
export interface CustomerSide {
  customerId: string;
}

/**
 * The active relationships through which a party acts: for a partner's
 * principal (agent or API key), its own active relationships of the kind it
 * holds (reseller for a CSP, OEM for an OEM); for a customer, every active
 * relationship it has given.
 */
export function activeRelationshipWhere(party: Principal | CustomerSide) {
  const status = 'ACTIVE' as const;
  if ('partnerId' in party) return { partnerId: party.partnerId, kind: relationshipKindOf(party), status } satisfies Prisma.RelationshipWhereInput;
  return { customerId: party.customerId, status } satisfies Prisma.RelationshipWhereInput;
}

declare const scopeBrand: unique symbol;

/** A customer the principal may act for now, resolved once at the door. */
export interface CustomerScope {
  readonly [scopeBrand]: true;
  readonly principal: Principal;
  readonly customerId: string;
  readonly relationshipId: string;
  readonly customer: { id: string; name: string; domain: string };
  readonly kind: RelationshipKind;
  readonly since: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

async function resolve(principal: Principal, customerId: string, db: Db): Promise<CustomerScope> {
  const relationship = ID.test(customerId)
    ? await db.relationship.findFirst({
        where: { ...activeRelationshipWhere(principal), customerId },
        select: { id: true, kind: true, approvedAt: true, customer: { select: { id: true, name: true, domain: true } } },
      })
    : null;
  // A customer without an active relationship is indistinguishable from one that does not exist.
  if (!relationship) throw new AppError('NO_RELATIONSHIP', 'The caller has no active relationship with this customer.');
  return {
    principal,
    customerId: relationship.customer.id,
    relationshipId: relationship.id,
    customer: relationship.customer,
    kind: relationship.kind,
    since: relationship.approvedAt?.toISOString() ?? null,
  } as CustomerScope;
}

const resolveCached = cache((principal: Principal, customerId: string) => resolve(principal, customerId, prisma));

/** The scope for a customer, or AppError('NO_RELATIONSHIP'). Read once per request. */
export function requireCustomerScope(principal: Principal, customerId: string, db?: Db): Promise<CustomerScope> {
  return db ? resolve(principal, customerId, db) : resolveCached(principal, customerId);
}

/**
 * Inside a write's transaction: takes the relationship's lock (SQLite: the
 * database's; PostgreSQL: the row's) for the rest of the transaction, and
 * refuses if the relationship ended since the scope was resolved. A removal
 * either waits for the write to finish in full, or comes first and the
 * write is refused. Never half.
 */
declare const lockedBrand: unique symbol;

/** A scope whose relationship is locked by the transaction at hand: writes that need the lock take this. */
export interface LockedScope extends CustomerScope {
  readonly [lockedBrand]: true;
}

export async function lockCustomerScope(tx: Db, scope: CustomerScope): Promise<LockedScope> {
  const { count } = await tx.relationship.updateMany({
    where: { id: scope.relationshipId, customerId: scope.customerId, ...activeRelationshipWhere(scope.principal) },
    data: { updatedAt: new Date() },
  });
  if (count === 0) throw new AppError('NO_RELATIONSHIP', 'The relationship with this customer has ended.');
  return scope as LockedScope;
}

/** Tenancy of the rows a partner wrote for a customer: spread into every customer-bound query. */
export function ownedBy(scope: CustomerScope) {
  return { partnerId: scope.principal.partnerId, customerId: scope.customerId };
}
