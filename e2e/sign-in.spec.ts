import { expect, test } from '@playwright/test';
import { CONTOSO_ADMIN, DEMO_PASSWORD, followMail, signIn } from './support';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill(CONTOSO_ADMIN);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
  // What was typed is not lost.
  await expect(page.getByLabel('Email')).toHaveValue(CONTOSO_ADMIN);
});

test('repeated wrong passwords for one email are slowed down', async ({ page }) => {
  await page.goto('/sign-in');
  for (let i = 0; i < 10; i++) {
    await page.getByLabel('Email').fill('guess@nowhere.example');
    await page.getByLabel('Password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
  }
  await page.getByLabel('Password').fill('guess-10');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Too many attempts for this account.')).toBeVisible();
});

test('signing up keeps what was typed when a field is refused', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Organisation name').fill('Fabrikam Again');
  await page.getByLabel('Domain').fill('not a domain');
  await page.getByLabel('Your name').fill('Fay');
  await page.getByLabel('Email').fill('fay@fabrikam-again.example');
  await page.getByLabel('Password').fill('a-long-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Give a domain such as fabrikam.com.')).toBeVisible();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Fabrikam Again');
  await expect(page.getByLabel('Email')).toHaveValue('fay@fabrikam-again.example');
});

test('signing up says nothing of which emails and domains have an account: the email tells the next step', async ({ page }) => {
  const tries = [
    { domain: 'fabrikam.example', email: 'fay@fabrikam.example', subject: 'Your organisation is already on the Autopilot partner portal' },
    { domain: 'fabrikam-elsewhere.example', email: 'admin@fabrikam.example', subject: 'You already have an account on the Autopilot partner portal' },
    { domain: 'brand-new.example', email: 'fay@brand-new.example', subject: 'Confirm your email address' },
  ];
  for (const { domain, email, subject } of tries) {
    await page.goto('/sign-up');
    await page.getByLabel('Organisation name').fill('Fabrikam Again');
    await page.getByLabel('Domain').fill(domain);
    await page.getByLabel('Your name').fill('Fay');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-long-password-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The same answer each time.
    await expect(page.getByRole('status')).toHaveText(`Check your email: we sent a message to ${email}. Follow its link to finish, then sign in.`);
    await followMail(page, email, subject);
  }
});

test('a partner signs in, sees customers page by page, sorts and searches them, and signs out', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.getByText(/Page 1 of 3 · 46 items/)).toBeVisible();
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of 3/)).toBeVisible();
  await page.getByRole('link', { name: 'Customer name' }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('row').nth(1)).toContainText('Woodgrove Pharmacy');
  await page.getByRole('searchbox', { name: 'Search customers' }).fill('fabrikam');
  await page.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('row')).toHaveCount(4);
  // Woodgrove Bank and Tailspin Toys have no relationship with Contoso.
  await page.getByRole('searchbox', { name: 'Search customers' }).fill('Woodgrove Bank');
  await page.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
  await expect(page.getByText('No customer matches.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a session cookie replayed after sign-out is refused', async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, CONTOSO_ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  const cookies = await first.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who copied the cookie before sign-out replays it.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const stolen = await replay.newPage();
  await stolen.goto('/customers');
  await expect(stolen).toHaveURL(/\/sign-in/);
  await first.close();
  await replay.close();
});

for (const target of ['/%5Cevil.example/x', '/%09/evil.example', '/.//evil.example', 'https://evil.example/']) {
  test(`signing in never follows a callback address off the portal (${target})`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${target}`);
    await page.getByLabel('Email').fill(CONTOSO_ADMIN);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
}

test('a forged X-Forwarded-Host does not change the relationship link the portal writes', async ({ page, baseURL }) => {
  await signIn(page, CONTOSO_ADMIN);
  // The portal runs without TRUST_PROXY here: a client's forwarded headers must be ignored.
  await page.setExtraHTTPHeaders({ 'x-forwarded-host': 'evil.example' });
  await page.goto('/relationships');
  const link = await page.getByRole('textbox', { name: 'Relationship link' }).inputValue();
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
});
