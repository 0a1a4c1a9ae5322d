'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicFormAction } from '@/lib/actions/action';
import { getSignedIn } from '@/lib/auth/actor';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { verifyEmailWithToken } from '@/lib/data/email-tokens';

/**
 * Confirms the address the link was sent to. The link only opens a page:
 * a mail scanner that fetches it spends nothing; the button does.
 */
export const verifyEmailAction = publicFormAction({
  fields: ['token', 'next'],
  input: z.object({ token: z.string().max(100), next: z.string().max(2048) }),
  run: async ({ token, next }) => {
    const { userId } = await verifyEmailWithToken(token);
    const after = safeCallbackUrl(next);
    const who = await getSignedIn();
    if (who?.userId === userId) redirect(after);
    redirect(`/sign-in?verified=1${after === '/' ? '' : `&callbackUrl=${encodeURIComponent(after)}`}`);
  },
});
