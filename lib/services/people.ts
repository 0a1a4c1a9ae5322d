/**
 * Managing an organisation's people, with the mail each change sends: an
 * invitation carries the link that sets the newcomer's password. The rules
 * (who may, at least one admin) live in lib/data/members.ts.
 */
import type { Lang } from '@/lib/autopilot';
import type { Role } from '@/lib/auth/permissions';
import { can } from '@/lib/auth/principal';
import type { SignedIn } from '@/lib/data/people';
import { AppError } from '@/lib/errors';
import { EMAIL_TOKEN_HOURS } from '@/lib/data/email-tokens';
import { createInvitedMember, renewMemberInvitation, type PeopleActor } from '@/lib/data/members';
import { personInvitationMail } from '@/lib/mail/messages';
import { requireMail, sendMail, type MailOutcome } from '@/lib/mail/send';

export interface Inviter extends PeopleActor {
  name: string;
  organisation: string;
}

const INVITATION_DAYS = EMAIL_TOKEN_HOURS.invitation / 24;

function invitationMessage(inviter: Inviter, role: Role, token: string, lang: Lang, portal: string) {
  return personInvitationMail({ lang, inviter: inviter.name, organisation: inviter.organisation, role, url: `${portal}/join/${token}`, days: INVITATION_DAYS, portal });
}

export async function invitePerson(inviter: Inviter, input: { email: string; name: string; role: Role; locale: Lang }, portal: string): Promise<{ userId: string; mail: MailOutcome }> {
  requireMail();
  const { userId, token } = await createInvitedMember(inviter, input);
  return { userId, mail: await sendMail(input.email, invitationMessage(inviter, input.role, token, input.locale, portal)) };
}

/** Sends a person who has not joined yet a new link (the old one still works until it expires). */
export async function resendPersonInvitation(inviter: Inviter, userId: string, portal: string): Promise<MailOutcome> {
  requireMail();
  const member = await renewMemberInvitation(inviter, userId);
  const lang: Lang = member.locale === 'fr' ? 'fr' : 'en';
  return sendMail(member.email, invitationMessage(inviter, member.role, member.token, lang, portal));
}

/**
 * Who may manage an organisation's people: a partner's agent allowed to
 * (admin agents), or a customer's administrator whose email is verified.
 */
export function peopleAdminOf(who: SignedIn): Inviter {
  if (who.type === 'agent') {
    if (!can(who, 'people:manage')) throw new AppError('FORBIDDEN', 'Only admin agents manage people.');
    return { userId: who.userId, email: who.email, name: who.name, organisation: who.partnerName, org: { partnerId: who.partnerId } };
  }
  if (!who.emailVerified) throw new AppError('FORBIDDEN', 'Confirm your email address first.', { reason: 'email-unverified' });
  return { userId: who.userId, email: who.email, name: who.name, organisation: who.customerName, org: { customerId: who.customerId } };
}
