import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import type { ReceivedMail } from '../test-support/mail-sink';

export const DEMO_PASSWORD = 'Autopilot-demo-1';
export const CONTOSO_ADMIN = 'admin@contoso-partner.example';
export const CONTOSO_SALES = 'sales@contoso-partner.example';
export const NORTHWIND_ADMIN = 'admin@northwind.example';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Customers → the customer → Devices, as a partner clicks through. */
export async function openDevices(page: Page, customer: string) {
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(customer);
  await page.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
  await page.getByRole('link', { name: customer, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: customer })).toBeVisible();
  await page.getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
}

/** A customer's id straight from the test database, as someone guessing URLs would have it. */
export function customerId(domain: string): string {
  const db = new Database('data/e2e.db', { readonly: true });
  try {
    return (db.prepare('SELECT id FROM Customer WHERE domain = ?').get(domain) as { id: string }).id;
  } finally {
    db.close();
  }
}

/** Where the tests' SMTP server (test-support/mail-sink.ts) tells what it received. */
export const MAIL_SINK = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 2580}`;

export type { ReceivedMail };

/** The newest message to `to` whose subject matches, as the SMTP server received it (waiting for it to arrive). */
export async function receivedMail(to: string, subject: string | RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${MAIL_SINK}/messages?to=${encodeURIComponent(to)}`)).json()) as ReceivedMail[];
        found = messages.find((m) => (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)));
        return found !== undefined;
      },
      { message: `an email to ${to} about ${String(subject)}` },
    )
    .toBe(true);
  return found!;
}

/** The action link of an email: the first http link of its plain text. */
export function linkOf(mail: ReceivedMail): string {
  const link = /https?:\/\/[^\s<>"]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No link in the email "${mail.subject}"`);
  return link;
}

/** Opens the newest email to `to` about `subject` and follows its link, as its reader would. */
export async function followMail(page: Page, to: string, subject: string | RegExp) {
  await page.goto(linkOf(await receivedMail(to, subject)));
}

/**
 * A partner of its own for a test that changes partner-wide settings, made
 * with the portal's own command (npm run admin:create) on the tests' database.
 */
export function createPartner(name: string, email: string, password: string): void {
  execFileSync('npx', ['tsx', 'scripts/create-partner-admin.ts', '--partner', name, '--kind', 'CSP', '--email', email, '--name', `${name} Admin`], {
    env: { ...process.env, DATABASE_URL: 'file:./data/e2e.db', PARTNER_ADMIN_PASSWORD: password },
    stdio: 'pipe',
  });
}

/** Signs up from the consent page, confirms the address from the email, signs in: back on the consent page. */
export async function signUp(page: Page, organisation: string, domain: string, email: string) {
  await page.getByRole('link', { name: 'Create your organisation’s account' }).click();
  await page.getByLabel('Organisation name').fill(organisation);
  await page.getByLabel('Domain').fill(domain);
  await page.getByLabel('Your name').fill('Casey Admin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Check your email: we sent a message to ${email}.` })).toBeVisible();
  await followMail(page, email, 'Confirm your email address');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your email address is confirmed.' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/consent\//);
}
