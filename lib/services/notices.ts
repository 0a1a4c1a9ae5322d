/**
 * Emails that tell one side of a relationship what the other did, each in
 * its reader's language. Sent after the change is stored; a mail that
 * cannot be sent changes nothing of it.
 */
import { relationshipNoticeMail, type RelationshipEvent } from '@/lib/mail/messages';
import { sendMail, type MailOutcome } from '@/lib/mail/send';
import { relationshipContacts } from '@/lib/data/people';

export interface NoticeFacts {
  partnerId: string;
  partnerName: string;
  customerId: string;
  customerName: string;
  kind: 'RESELLER' | 'OEM';
}

/** Tells the partner's admin agents (accepted, declined, removed by the customer), or the customer's administrators (removed by the partner). */
export async function sendRelationshipNotice(event: RelationshipEvent, facts: NoticeFacts, portal: string): Promise<MailOutcome[]> {
  const toPartner = event !== 'removedByPartner';
  const contacts = await relationshipContacts(toPartner ? { partnerId: facts.partnerId } : { customerId: facts.customerId });
  const url = toPartner ? (event === 'accepted' ? `${portal}/customers/${facts.customerId}` : `${portal}/relationships`) : `${portal}/partner-relationships`;
  return Promise.all(
    contacts.map((c) =>
      sendMail(c.email, relationshipNoticeMail({ lang: c.locale, event, kind: facts.kind, partnerName: facts.partnerName, customerName: facts.customerName, url, portal })),
    ),
  );
}
