import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Autopilot-demo-1';
export const CONTOSO_ADMIN = 'admin@contoso-partner.example';
export const CONTOSO_SALES = 'sales@contoso-partner.example';
export const NORTHWIND_ADMIN = 'admin@northwind.example';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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

/** Opens the newest email to `to` in the portal's outbox (the tests' mail) and follows its link. */
export async function followMail(page: Page, to: string, subject: string | RegExp) {
  await page.goto('/outbox');
  const mail = page
    .getByRole('table', { name: 'Outbox' })
    .getByRole('row')
    .filter({ hasText: to })
    .filter({ hasText: subject })
    .first();
  await expect(mail).toBeVisible();
  await mail.getByRole('link', { name: /Open the link/ }).click();
}
