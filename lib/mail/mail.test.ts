/**
 * The portal's mail, received by a real SMTP server started here on
 * localhost (smtp-server), and read back with mailparser: invitations and
 * relationship notices, in the recipient's language, plain text and HTML,
 * their action link first. Without a server, the outbox folder.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, partner } from '@/test-support/factories';

freshDatabase();
const { prisma } = await import('@/lib/db/client');
const { inviteCustomer } = await import('@/lib/services/invitations');
const { sendRelationshipNotice } = await import('@/lib/services/notices');
const { lookUpConsent } = await import('@/lib/data/relationships');
const { listOutbox, firstLink } = await import('./outbox');

const PORTAL = 'https://partners.example.com';
const received: ParsedMail[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  vi.unstubAllEnvs();
  vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${port}`);
  vi.stubEnv('MAIL_FROM', 'Contoso portal <portal@partners.example.com>');
});

const recipients = (mail: ParsedMail) => [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address) ?? []);

describe('an invitation', () => {
  it('is emailed to the administrator it names, with its link first, in English and in HTML', async () => {
    const ana = await agent(await partner({ name: 'Contoso Partner' }), { role: 'PARTNER_ADMIN' });
    const invited = await inviteCustomer(ana, { organisationName: 'Newco', adminEmail: 'cio@newco.example', locale: 'en' }, PORTAL);
    expect(invited.mail).toEqual({ sent: true, via: 'smtp' });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(recipients(mail)).toEqual(['cio@newco.example']);
    expect(mail.from?.value).toEqual([{ name: 'Contoso portal', address: 'portal@partners.example.com' }]);
    expect(mail.subject).toBe('Contoso Partner asks to become your Microsoft Cloud Solution Provider');
    const link = firstLink(mail.text ?? '');
    expect(link).toMatch(/^https:\/\/partners\.example\.com\/consent\/[A-Za-z0-9_-]{43}$/);
    expect(await lookUpConsent(link!.split('/').at(-1)!)).toMatchObject({ ok: true, offer: { source: 'invitation', invitation: { adminEmail: 'cio@newco.example' } } });
    expect(mail.text).toContain('cio@newco.example');
    expect(mail.html).toContain(`<a href="${link}">`);
  });

  it('is written in French for an agent working in French, and escapes what the partner typed in its HTML', async () => {
    const agentFr = await agent(await partner({ name: 'Contoso <b>Partenaire</b>' }), { role: 'PARTNER_ADMIN' });
    await inviteCustomer(agentFr, { organisationName: 'Société & Cie', adminEmail: 'dsi@societe.example', locale: 'fr' }, PORTAL);
    const mail = received[0]!;
    expect(mail.subject).toBe('Contoso <b>Partenaire</b> demande à devenir votre fournisseur de solutions cloud Microsoft');
    expect(mail.text).toContain('Cette invitation expire le');
    expect(mail.html).toContain('Contoso &#60;b&#62;Partenaire&#60;/b&#62;');
    expect(mail.html).not.toContain('<b>Partenaire');
  });

  it('is still made, its link copyable, when the mail server cannot be reached: the answer says it was not emailed', async () => {
    vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:1');
    const ana = await agent(await partner(), { role: 'PARTNER_ADMIN' });
    const invited = await inviteCustomer(ana, { organisationName: 'Offline Ltd', adminEmail: 'it@offline.example', locale: 'en' }, PORTAL);
    expect(invited.mail).toEqual({ sent: false, reason: 'failed' });
    expect(await prisma.invitation.count({ where: { id: invited.id, status: 'PENDING' } })).toBe(1);
  });
});

describe('relationship notices', () => {
  it('tell the partner’s admin agents, each in their language, and not its sales agents', async () => {
    const p = await partner({ name: 'Northwind Devices', kind: 'OEM' });
    const admin = await agent(p, { role: 'PARTNER_ADMIN' });
    const adminFr = await agent(p, { role: 'PARTNER_ADMIN' });
    await prisma.user.update({ where: { id: adminFr.userId }, data: { locale: 'fr' } });
    await agent(p, { role: 'PARTNER_SALES' });
    const c = await customer({ name: 'Woodgrove Bank' });
    const outcomes = await sendRelationshipNotice('accepted', { partnerId: p.id, partnerName: p.name, customerId: c.id, customerName: c.name, kind: 'OEM' }, PORTAL);
    expect(outcomes).toEqual([{ sent: true, via: 'smtp' }, { sent: true, via: 'smtp' }]);
    const byRecipient = new Map(received.map((m) => [recipients(m)[0], m]));
    expect([...byRecipient.keys()].sort()).toEqual([admin.email, adminFr.email].sort());
    expect(byRecipient.get(admin.email)!.subject).toBe('Woodgrove Bank accepted your relationship');
    expect(byRecipient.get(admin.email)!.text).toContain('accepted the OEM authorization with Northwind Devices');
    expect(firstLink(byRecipient.get(admin.email)!.text ?? '')).toBe(`${PORTAL}/customers/${c.id}`);
    expect(byRecipient.get(adminFr.email)!.subject).toBe('Woodgrove Bank a accepté votre relation');
  });

  it('tell the customer’s administrators when the partner removes the relationship', async () => {
    const c = await customer({ name: 'Tailspin Toys' });
    const felix = await customerAdmin(c);
    const p = await partner({ name: 'Contoso Partner' });
    await sendRelationshipNotice('removedByPartner', { partnerId: p.id, partnerName: p.name, customerId: c.id, customerName: c.name, kind: 'RESELLER' }, PORTAL);
    expect(received.map(recipients)).toEqual([[felix.email]]);
    expect(received[0]!.subject).toBe('Contoso Partner removed its relationship with Tailspin Toys');
    expect(firstLink(received[0]!.text ?? '')).toBe(`${PORTAL}/partner-relationships`);
  });
});

describe('without a mail server', () => {
  it('writes each message to the outbox folder, listed newest first with its link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-outbox-'));
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('MAIL_OUTBOX', dir);
    const ana = await agent(await partner(), { role: 'PARTNER_ADMIN' });
    const invited = await inviteCustomer(ana, { organisationName: 'Demo Org', adminEmail: 'admin@demo.example', locale: 'en' }, PORTAL);
    expect(invited.mail).toEqual({ sent: true, via: 'outbox' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const [entry] = listOutbox()!;
    expect(entry).toMatchObject({ to: 'admin@demo.example' });
    expect(firstLink(entry!.text)).toMatch(/^https:\/\/partners\.example\.com\/consent\//);
    expect(received).toHaveLength(0);
  });

  it('sends nothing in production without SMTP_URL or MAIL_OUTBOX, and says so', async () => {
    vi.stubEnv('SMTP_URL', '');
    vi.stubEnv('MAIL_OUTBOX', '');
    vi.stubEnv('NODE_ENV', 'production');
    const ana = await agent(await partner(), { role: 'PARTNER_ADMIN' });
    const invited = await inviteCustomer(ana, { organisationName: 'Prod Org', adminEmail: 'admin@prod.example', locale: 'en' }, PORTAL);
    expect(invited.mail).toEqual({ sent: false, reason: 'not-configured' });
    expect(listOutbox()).toBeNull();
  });
});
