/**
 * Verified organisations: a domain is proved by a DNS TXT record (read from
 * the tests' own DNS server, test-support/dns-server.ts), and partners see
 * which customers are verified, and which look like another organisation.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { writeTxtRecord } from '../test-support/dns-server';
import { DNS_RECORDS_FILE } from '../playwright.config';
import { CONTOSO_ADMIN, signIn, signUp } from './support';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** A new organisation signs up from Contoso's relationship link and accepts it. */
async function acceptContoso(browser: Browser, organisation: string, domain: string, email: string): Promise<Page> {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  await partner.getByRole('link', { name: 'Relationships' }).click();
  const link = await partner.getByRole('textbox', { name: 'Relationship link' }).inputValue();
  await partner.context().close();
  const customer = await newPage(browser);
  await customer.goto(link);
  await signUp(customer, organisation, domain, email);
  await customer.getByRole('checkbox', { name: /^Yes/ }).check();
  await customer.getByRole('button', { name: 'Accept' }).click();
  await expect(customer).toHaveURL(/\/partner-relationships\?accepted=/);
  return customer;
}

/** The customer ends the relationship again: other tests count Contoso's customers. */
async function removeContoso(customer: Page) {
  await customer.goto('/partner-relationships');
  await customer.getByRole('button', { name: 'Remove Contoso Partner' }).click();
  await customer.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(customer.getByText('Contoso Partner no longer has access to your organisation.')).toBeVisible();
  await customer.context().close();
}

async function customerRow(partner: Page, name: string) {
  await partner.goto(`/customers?q=${encodeURIComponent(name)}`);
  return partner.getByRole('row').filter({ has: partner.getByRole('link', { name, exact: true }) });
}

test('an impostor of a verified customer is shown to the partner as unverified and a look-alike, before any device is added', async ({ browser }) => {
  const stamp = Date.now();
  // The real Fabrikam verified fabrikam.example; this one only claims a subdomain of it, under the same name.
  const impostor = await acceptContoso(browser, 'FABRIKAM INC', `eu${stamp}.fabrikam.example`, `it@eu${stamp}.fabrikam.example`);

  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const row = await customerRow(partner, 'FABRIKAM INC');
  await expect(row).toContainText('Unverified');
  await expect(row).toContainText('Look-alike');
  await row.getByRole('link', { name: 'FABRIKAM INC', exact: true }).click();
  const warning = partner.getByText('Check that this is the organisation you mean');
  await expect(warning).toBeVisible();
  await expect(partner.getByText(`Its domain eu${stamp}.fabrikam.example sits under fabrikam.example, which another organisation verified.`)).toBeVisible();
  await expect(partner.getByText('Another organisation has the same name')).toBeVisible();
  await partner.getByRole('link', { name: 'Devices' }).click();
  await expect(partner.getByText('Check that this is the organisation you mean')).toBeVisible();

  // The real one is verified and carries no warning.
  const real = await customerRow(partner, 'Fabrikam, Inc.');
  await expect(real).toContainText('Verified');
  await expect(real).not.toContainText('Look-alike');
  await partner.context().close();
  await removeContoso(impostor);
});

test('a customer verifies its domain with a DNS TXT record; the partner then sees it verified', async ({ browser }) => {
  const stamp = Date.now();
  const domain = `verity-${stamp}.example`;
  const name = `Verity ${stamp}`;
  const customer = await acceptContoso(browser, name, domain, `admin@${domain}`);
  await customer.getByRole('link', { name: 'Organisation' }).click();
  await expect(customer.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  await expect(customer.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(`_autopilot-portal.${domain}`);
  const value = await customer.getByRole('textbox', { name: 'Value' }).inputValue();
  expect(value).toMatch(/^autopilot-portal-verification=[A-Za-z0-9_-]{22}$/);

  // Not published yet, or published on the domain itself rather than at the record's name: refused.
  writeTxtRecord(DNS_RECORDS_FILE, domain, [value]);
  await customer.getByRole('button', { name: 'Verify domain' }).click();
  await expect(customer.getByRole('alert').filter({ hasText: 'The record was not found' })).toBeVisible();

  writeTxtRecord(DNS_RECORDS_FILE, `_autopilot-portal.${domain}`, ['v=something-else', value]);
  await customer.getByRole('button', { name: 'Verify domain' }).click();
  await expect(customer.getByText(/^Verified by its DNS record on/)).toBeVisible();

  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const row = await customerRow(partner, name);
  await expect(row).toContainText('Verified');
  await expect(row).not.toContainText('Unverified');
  await partner.context().close();
  await removeContoso(customer);
});
