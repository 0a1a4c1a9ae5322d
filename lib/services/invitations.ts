/**
 * A partner invites one organisation's administrator: the invitation is
 * stored (its link stays copyable on the page), then emailed in the
 * inviting agent's language.
 */
import type { Lang } from '@/lib/autopilot';
import type { AgentPrincipal } from '@/lib/auth/principal';
import { createInvitation } from '@/lib/data/relationships';
import { invitationMail } from '@/lib/mail/messages';
import { sendMail, type MailOutcome } from '@/lib/mail/send';

export async function inviteCustomer(
  principal: AgentPrincipal,
  input: { organisationName: string; adminEmail: string; locale: Lang },
  portal: string,
): Promise<{ id: string; mail: MailOutcome }> {
  const invitation = await createInvitation(principal, input);
  const mail = await sendMail(
    input.adminEmail,
    invitationMail({
      lang: input.locale,
      kind: invitation.kind,
      partnerName: principal.partnerName,
      organisationName: input.organisationName,
      adminEmail: input.adminEmail,
      url: `${portal}/consent/${invitation.token}`,
      expiresAt: invitation.expiresAt,
      portal,
    }),
  );
  return { id: invitation.id, mail };
}
