/**
 * "Sign in with Microsoft" against a real OpenID provider started by the
 * tests (test-support/oidc-provider.ts, listed in playwright.config.ts):
 * an account is linked by the address the provider verified, or by the
 * invitation followed; nothing else gets in.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CONTOSO_ADMIN, followMail, signIn } from './support';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function inviteAgent(browser: Browser, email: string, name: string) {
  const admin = await newPage(browser);
  await signIn(admin, CONTOSO_ADMIN);
  await admin.getByRole('link', { name: 'People', exact: true }).click();
  await admin.getByRole('button', { name: 'Invite people' }).click();
  await admin.getByRole('textbox', { name: 'Email' }).fill(email);
  await admin.getByRole('textbox', { name: 'Name' }).fill(name);
  await admin.getByRole('radio', { name: 'Sales agent' }).check();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `The invitation was sent to ${email}.` })).toBeVisible();
  await admin.context().close();
}

/** At the provider: its own page, then back to the portal. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel('Email').fill(login);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an agent whose address the provider verified signs in with Microsoft', async ({ browser }) => {
  await inviteAgent(browser, 'sso-agent@sso.example', 'Sid Sso');
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await signInAtProvider(page, 'sso-agent@sso.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Sid Sso/ })).toBeVisible();
  await page.context().close();
});

test('someone invited joins with Microsoft from the invitation, whatever address the provider gives', async ({ browser }) => {
  const email = `entra-invitee-${Date.now()}@contoso-partner.example`;
  await inviteAgent(browser, email, 'Eve Entra');
  const page = await newPage(browser);
  await followMail(page, email, 'invited you to');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await signInAtProvider(page, 'entra-person');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Eve Entra/ })).toBeVisible();
  // The invitation is used up.
  await followMail(page, email, 'invited you to');
  await expect(page.getByText('This link was already used.')).toBeVisible();
  await page.context().close();
});

test('an identity whose address the provider did not verify, and that no invitation names, is refused', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with Microsoft' }).click();
  await signInAtProvider(page, 'unverified@sso.example');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('alert').filter({ hasText: 'No portal account matches the account you signed in with at Microsoft' })).toBeVisible();
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
});
