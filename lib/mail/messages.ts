/**
 * The portal's emails, in the recipient's language, each as plain text and
 * HTML. Their words live with the portal's (messages/en.json, fr.json); the
 * action link is the first http link of the plain text.
 */
import { createTranslator } from 'next-intl';
import type { Lang } from '@/lib/autopilot';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const CATALOGUES = { en, fr } as const;

function translator(lang: Lang) {
  return createTranslator({ locale: lang, messages: CATALOGUES[lang] });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML part: the same paragraphs, links made clickable; nothing the text holds is read as markup. */
export function htmlOf(text: string, lang: Lang): string {
  const paragraphs = text.split(/\n{2,}/).map((p) =>
    escape(p)
      .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
      .replace(/\n/g, '<br>'),
  );
  return `<!doctype html><html lang="${lang}"><body style="font-family:'Segoe UI',sans-serif;font-size:14px;color:#242424">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
}

function compose(lang: Lang, subject: string, body: string, portal: string): MailContent {
  const text = `${body}\n\n--\n${translator(lang)('mail.footer', { portal })}\n`;
  return { subject, text, html: htmlOf(text, lang) };
}

/** A partner's invitation to one organisation's administrator. */
export function invitationMail(input: {
  lang: Lang;
  kind: 'RESELLER' | 'OEM';
  partnerName: string;
  organisationName: string;
  adminEmail: string;
  url: string;
  expiresAt: Date;
  portal: string;
}): MailContent {
  const t = translator(input.lang);
  const subject = t(`relationships.email.subject${input.kind}`, { partner: input.partnerName });
  const date = new Intl.DateTimeFormat(input.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(input.expiresAt);
  const body = [
    t(`relationships.email.body${input.kind}`, { partner: input.partnerName, url: input.url }),
    t('mail.addressedTo', { email: input.adminEmail, organisation: input.organisationName }),
    t('mail.expires', { date }),
  ].join('\n\n');
  return compose(input.lang, subject, body, input.portal);
}

export type RelationshipEvent = 'accepted' | 'declined' | 'removedByCustomer' | 'removedByPartner';

/** A notice to the other side of a relationship: what happened, and where to look. */
export function relationshipNoticeMail(input: {
  lang: Lang;
  event: RelationshipEvent;
  kind: 'RESELLER' | 'OEM';
  partnerName: string;
  customerName: string;
  url: string;
  portal: string;
}): MailContent {
  const t = translator(input.lang);
  const values = { partner: input.partnerName, customer: input.customerName, kind: input.kind, url: input.url };
  return compose(input.lang, t(`mail.notice.${input.event}Subject`, values), t(`mail.notice.${input.event}Body`, values), input.portal);
}

/** The link that confirms a new account's address. */
export function verifyEmailMail(input: { lang: Lang; name: string; organisation: string; url: string; hours: number; portal: string }): MailContent {
  const t = translator(input.lang);
  return compose(input.lang, t('mail.verify.subject'), t('mail.verify.body', { name: input.name, organisation: input.organisation, url: input.url, hours: input.hours }), input.portal);
}

/** To an address that already has an account, when someone signs up with it again. */
export function accountExistsMail(input: { lang: Lang; url: string; portal: string }): MailContent {
  const t = translator(input.lang);
  return compose(input.lang, t('mail.accountExists.subject'), t('mail.accountExists.body', { url: input.url }), input.portal);
}

/** To someone signing up an organisation whose domain already has an account. */
export function domainTakenMail(input: { lang: Lang; domain: string; url: string; portal: string }): MailContent {
  const t = translator(input.lang);
  return compose(input.lang, t('mail.domainTaken.subject'), t('mail.domainTaken.body', { domain: input.domain, url: input.url }), input.portal);
}

/** To someone a colleague invited to the portal: set a password from the link to join. */
export function personInvitationMail(input: { lang: Lang; inviter: string; organisation: string; role: 'PARTNER_ADMIN' | 'PARTNER_SALES' | 'CUSTOMER_ADMIN'; url: string; days: number; portal: string }): MailContent {
  const t = translator(input.lang);
  const values = { inviter: input.inviter, organisation: input.organisation, role: t(`people.roles.${input.role}`), url: input.url, days: input.days };
  return compose(input.lang, t('mail.personInvitation.subject', values), t('mail.personInvitation.body', values), input.portal);
}

/** The link that sets a new password. */
export function passwordResetMail(input: { lang: Lang; name: string; url: string; minutes: number; portal: string }): MailContent {
  const t = translator(input.lang);
  return compose(input.lang, t('mail.passwordReset.subject'), t('mail.passwordReset.body', { name: input.name, url: input.url, minutes: input.minutes }), input.portal);
}
