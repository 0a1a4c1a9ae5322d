import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CustomerAdmin } from './people';
import { activeRelationshipWhere } from './scope';

export interface PartnerRelationshipRow {
  id: string;
  partnerName: string;
  partnerKind: 'CSP' | 'OEM';
  kind: 'RESELLER' | 'OEM';
  since: string | null;
  approvedBy: string | null;
}

/** A customer administrator's partners with access to the organisation. */
export async function listPartnerRelationships(admin: CustomerAdmin): Promise<PartnerRelationshipRow[]> {
  const rows = await prisma.relationship.findMany({
    where: activeRelationshipWhere(admin),
    orderBy: [{ approvedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, kind: true, approvedAt: true, partner: { select: { name: true, kind: true } }, approvedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    partnerName: r.partner.name,
    partnerKind: r.partner.kind,
    kind: r.kind,
    since: r.approvedAt?.toISOString() ?? null,
    approvedBy: r.approvedBy?.name ?? null,
  }));
}
