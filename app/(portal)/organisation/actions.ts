'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { customerAdminAction } from '@/lib/actions/action';
import { AppError } from '@/lib/errors';
import { takeToken } from '@/lib/data/buckets';
import { verifyDomainByDns } from '@/lib/services/domain-verification';

/** Each check asks the DNS (a few seconds at worst): three at once per organisation, then one every ten seconds, counted across instances. */
const CHECKS = { capacity: 3, perSecond: 1 / 10 };

/** "Verify domain": the portal looks for the organisation's TXT record now. */
export const verifyDomainAction = customerAdminAction({
  input: z.object({}),
  run: async (_input, admin) => {
    if (!admin.emailVerified) throw new AppError('FORBIDDEN', 'Confirm your email address first.', { reason: 'email-unverified' });
    if (!(await takeToken(`domain-check:${admin.customerId}`, CHECKS)).ok) throw new AppError('CONFLICT', 'Wait a few seconds before checking again.', { reason: 'too-soon' });
    const result = await verifyDomainByDns(admin);
    revalidatePath('/organisation');
    return result;
  },
});
