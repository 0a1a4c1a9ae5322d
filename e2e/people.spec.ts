/**
 * People, passwords and the second factor, end to end, with every email
 * received by the tests' real SMTP server (test-support/mail-sink.ts).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { createPartner, followMail, linkOf, receivedMail, signIn } from './support';

const PASSWORD = 'Plenty-long-passphrase-42';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function invite(page: Page, email: string, name: string, role: 'Admin agent' | 'Sales agent') {
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await page.getByRole('button', { name: 'Invite people' }).click();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `The invitation was sent to ${email}.` })).toBeVisible();
}

/** Email and password on the sign-in page (the page already open). */
async function enterPassword(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A code in the second step (or the Account page's set-up). */
async function enterCode(page: Page, code: string) {
  await page.getByRole('textbox', { name: 'Code' }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function join(page: Page, email: string, password = PASSWORD) {
  await followMail(page, email, 'invited you to');
  await expect(page.getByRole('heading', { name: 'Join your organisation' })).toBeVisible();
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Your password is set. Sign in to start.')).toBeVisible();
}

test('a partner admin invites a sales agent, who sets a password from the email and signs in; deactivated, they are out at once', async ({ browser }) => {
  const stamp = Date.now();
  const adminEmail = `admin-${stamp}@people.example`;
  createPartner(`Staff Partner ${stamp}`, adminEmail, PASSWORD);
  const admin = await newPage(browser);
  await signIn(admin, adminEmail, PASSWORD);
  const salesEmail = `sales-${stamp}@people.example`;
  await invite(admin, salesEmail, 'Sally Sales', 'Sales agent');
  const row = admin.getByRole('row').filter({ hasText: salesEmail });
  await expect(row).toContainText('Invited');

  const sales = await newPage(browser);
  // A common password is refused, with the reason.
  await followMail(sales, salesEmail, 'invited you to');
  await sales.getByLabel('New password').fill('password1234');
  await sales.getByRole('button', { name: 'Join' }).click();
  await expect(sales.getByText('This password is among the most common ones')).toBeVisible();
  await join(sales, salesEmail);
  // The link works once.
  await followMail(sales, salesEmail, 'invited you to');
  await expect(sales.getByText('This link was already used. Sign in, or ask for a new one.')).toBeVisible();
  await signIn(sales, salesEmail, PASSWORD);
  await expect(sales.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  // A sales agent sees the people but manages none of them.
  await sales.getByRole('link', { name: 'People' }).click();
  await expect(sales.getByRole('button', { name: 'Invite people' })).toHaveCount(0);

  await admin.reload();
  await expect(row).toContainText('Active');
  // Made an admin agent, then a sales agent again.
  await row.getByRole('combobox', { name: 'Role for Sally Sales' }).selectOption('PARTNER_ADMIN');
  await expect(admin.getByRole('status').filter({ hasText: 'Sally Sales’s role was changed.' })).toBeVisible();
  await sales.reload();
  await expect(sales.getByRole('button', { name: 'Invite people' })).toBeVisible();
  await row.getByRole('combobox', { name: 'Role for Sally Sales' }).selectOption('PARTNER_SALES');
  // The confirmation reads as the first one did: the sales agent's next page, once the change is stored, is a sales agent's.
  await expect(async () => {
    await sales.reload();
    await expect(sales.getByRole('button', { name: 'Invite people' })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Sally Sales is deactivated' })).toBeVisible();
  await expect(row).toContainText('Deactivated');

  // The deactivated agent's open session is refused at its next request; signing in again is refused too.
  await sales.reload();
  await expect(sales).toHaveURL(/\/sign-in/);
  await enterPassword(sales, salesEmail);
  await expect(sales.getByText('The email or password is incorrect.')).toBeVisible();

  // The last admin cannot deactivate or demote themselves away.
  await expect(admin.getByRole('row').filter({ hasText: adminEmail }).getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
  await admin.context().close();
  await sales.context().close();
});

test('a forgotten password is reset by email; the old one and the used link stop working', async ({ browser }) => {
  const stamp = Date.now();
  const email = `forgetful-${stamp}@people.example`;
  createPartner(`Forgetful Partner ${stamp}`, email, PASSWORD);
  const page = await newPage(browser);
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  // The sign-in page has an Email field too: wait for the new page before typing.
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${email} has an account`);
  // An unknown email gets the same answer, and no mail.
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(`nobody-${stamp}@people.example`);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText(`If nobody-${stamp}@people.example has an account`);

  const mail = await receivedMail(email, 'Reset your password');
  const link = linkOf(mail);
  await page.goto(link);
  await page.getByLabel('New password').fill('A-brand-new-passphrase-7');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByText('Your password was changed. Sign in with the new one.')).toBeVisible();
  await page.goto(link);
  await expect(page.getByText('This link was already used. Sign in, or ask for a new one.')).toBeVisible();

  await page.goto('/sign-in');
  await enterPassword(page, email);
  await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
  await signIn(page, email, 'A-brand-new-passphrase-7');
  await page.context().close();
});

test('an agent sets up an authenticator app, then signs in with a code; a used code and a used recovery code are refused', async ({ browser }) => {
  const stamp = Date.now();
  const email = `careful-${stamp}@people.example`;
  createPartner(`Careful Partner ${stamp}`, email, PASSWORD);
  const page = await newPage(browser);
  await signIn(page, email, PASSWORD);
  await page.getByRole('link', { name: `Careful Partner ${stamp} Admin`, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Set up multifactor authentication' })).toBeVisible();
  const secret = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
  await enterCode(page, '000000');
  await expect(page.getByText('That code is not right.')).toBeVisible();
  await enterCode(page, await generate({ secret }));
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? '';
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Password, then a code from the app.
  await enterPassword(page, email);
  await expect(page.getByRole('button', { name: 'Verify' })).toBeVisible();
  await enterCode(page, '123456');
  await expect(page.getByText('That code is not right, or was already used.')).toBeVisible();
  // The enrolment used this 30 seconds' code; the next one is accepted too (a clock a little ahead).
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await enterCode(page, code);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The same code again, by someone who saw it: refused.
  await enterPassword(page, email);
  await enterCode(page, code);
  await expect(page.getByText('That code is not right, or was already used.')).toBeVisible();
  // A recovery code works once.
  await enterCode(page, recovery);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await enterPassword(page, email);
  await enterCode(page, recovery);
  await expect(page.getByText('That code is not right, or was already used.')).toBeVisible();
  await page.context().close();
});

test('a partner that requires multifactor authentication sends an agent without it to set it up before anything else', async ({ browser }) => {
  const stamp = Date.now();
  const adminEmail = `strict-${stamp}@people.example`;
  createPartner(`Strict Partner ${stamp}`, adminEmail, PASSWORD);
  const admin = await newPage(browser);
  await signIn(admin, adminEmail, PASSWORD);
  const agentEmail = `agent-${stamp}@people.example`;
  await invite(admin, agentEmail, 'Andy Agent', 'Admin agent');
  // Requiring it is refused to an admin who has not set it up: they would lock themselves out.
  await admin.getByRole('checkbox', { name: 'Require multifactor authentication' }).check();
  await expect(admin.getByRole('alert').filter({ hasText: 'Set up your own multifactor authentication first' })).toBeVisible();
  await expect(admin.getByRole('checkbox', { name: 'Require multifactor authentication' })).not.toBeChecked();
  await admin.getByRole('alert').filter({ hasText: 'Set up your own' }).getByRole('link', { name: 'Account' }).click();
  const own = await admin.getByRole('textbox', { name: 'Secret key' }).inputValue();
  await enterCode(admin, await generate({ secret: own }));
  await expect(admin.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
  await admin.getByRole('link', { name: 'People' }).click();
  await admin.getByRole('checkbox', { name: 'Require multifactor authentication' }).check();
  await admin.reload();
  await expect(admin.getByRole('checkbox', { name: 'Require multifactor authentication' })).toBeChecked();

  const agent = await newPage(browser);
  await join(agent, agentEmail);
  await enterPassword(agent, agentEmail);
  await expect(agent).toHaveURL(/\/account/);
  await expect(agent.getByText(/requires multifactor authentication/)).toBeVisible();
  // Nothing else opens until it is set up.
  await agent.goto('/customers');
  await expect(agent).toHaveURL(/\/account/);
  const secret = await agent.getByRole('textbox', { name: 'Secret key' }).inputValue();
  await enterCode(agent, await generate({ secret }));
  await expect(agent.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
  await agent.goto('/customers');
  await expect(agent.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await admin.context().close();
  await agent.context().close();
});

test('a customer’s administrator invites another administrator, who joins from the email', async ({ browser }) => {
  const stamp = Date.now();
  const admin = await newPage(browser);
  await signIn(admin, 'admin@fabrikam.example');
  await admin.getByRole('link', { name: 'People', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await admin.getByRole('button', { name: 'Invite people' }).click();
  // A customer's people are all administrators: no role to choose.
  await expect(admin.getByRole('radio')).toHaveCount(0);
  const email = `second-${stamp}@fabrikam.example`;
  await admin.getByRole('textbox', { name: 'Email' }).fill(email);
  await admin.getByRole('textbox', { name: 'Name' }).fill('Second Admin');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `The invitation was sent to ${email}.` })).toBeVisible();

  const second = await newPage(browser);
  await join(second, email);
  await signIn(second, email, PASSWORD);
  await expect(second.getByRole('heading', { level: 1, name: 'Partner relationships' })).toBeVisible();
  await expect(second.getByText('Contoso Partner').first()).toBeVisible();

  // Deactivated again, so the demo's organisation keeps one administrator.
  await admin.reload();
  await admin.getByRole('row').filter({ hasText: email }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByRole('row').filter({ hasText: email })).toContainText('Deactivated');
  await admin.context().close();
  await second.context().close();
});
