'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getLocale } from 'next-intl/server';
import { isLang } from '@/lib/autopilot';
import { customerAdminAction, customerAdminFormAction } from '@/lib/actions/action';
import { resendVerification } from '@/lib/services/sign-up';
import { isSameOrigin } from '@/lib/auth/request-origin';
import { env } from '@/lib/env';
import { portalOrigin } from '@/lib/portal-origin';
import { sendRelationshipNotice } from '@/lib/services/notices';
import { acceptConsent, declineConsent } from '@/lib/data/relationships';
import { AppError } from '@/lib/errors';

/** Consent is given from the portal's own pages only: the request must come from its own origin. */
async function fromOwnOrigin(): Promise<boolean> {
  const { TRUST_PROXY, PORTAL_URL } = env();
  return isSameOrigin(await headers(), TRUST_PROXY, PORTAL_URL);
}

export const decideConsentAction = customerAdminFormAction({
  fields: ['token', 'decision', 'agree'],
  input: z.object({ token: z.string().max(200), decision: z.enum(['accept', 'decline']), agree: z.string() }),
  run: async ({ token, decision, agree }, admin) => {
    if (!(await fromOwnOrigin())) throw new AppError('FORBIDDEN', 'Consent is given from the portal’s own pages only.', { reason: 'foreign-origin' });
    if (decision === 'decline') {
      const declined = await declineConsent(admin, token);
      await sendRelationshipNotice('declined', { ...declined, customerId: admin.customerId, customerName: admin.customerName }, await portalOrigin());
      redirect(`/partner-relationships?declined=${encodeURIComponent(declined.partnerName)}`);
    }
    if (agree !== 'yes') throw new AppError('INVALID_INPUT', 'Tick the box to agree.', { fields: ['agree'], reason: 'not-agreed' });
    const accepted = await acceptConsent(admin, token);
    if (!accepted.alreadyActive) {
      await sendRelationshipNotice('accepted', { ...accepted, customerId: admin.customerId, customerName: admin.customerName }, await portalOrigin());
    }
    redirect(`/partner-relationships?accepted=${encodeURIComponent(accepted.partnerName)}`);
  },
});

/** A new verification link, for an administrator who has not confirmed their address yet; it brings them back here. */
export const resendVerificationAction = customerAdminAction({
  input: z.object({ token: z.string().max(200) }),
  run: async ({ token }, admin) => {
    const locale = await getLocale();
    const mail = await resendVerification(
      { userId: admin.userId, email: admin.email, name: admin.name, organisation: admin.customerName },
      isLang(locale) ? locale : 'en',
      `/consent/${token}`,
      await portalOrigin(),
    );
    return { email: admin.email, sent: mail.sent };
  },
});
