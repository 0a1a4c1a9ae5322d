'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { customerAdminAction } from '@/lib/actions/action';
import { AppError } from '@/lib/errors';
import { createRateLimit } from '@/lib/rate-limit';
import { verifyDomainByDns } from '@/lib/services/domain-verification';

/** Each check asks the DNS (a few seconds at worst): three at once per organisation, then one every ten seconds. */
const checks = createRateLimit(3, 1 / 10);

/** "Verify domain": the portal looks for the organisation's TXT record now. */
export const verifyDomainAction = customerAdminAction({
  input: z.object({}),
  run: async (_input, admin) => {
    if (!admin.emailVerified) throw new AppError('FORBIDDEN', 'Confirm your email address first.', { reason: 'email-unverified' });
    if (!checks.take(admin.customerId).ok) throw new AppError('CONFLICT', 'Wait a few seconds before checking again.', { reason: 'too-soon' });
    const result = await verifyDomainByDns(admin);
    revalidatePath('/organisation');
    return result;
  },
});
