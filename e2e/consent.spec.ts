import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { fakeDeviceList } from '../test-data/generate';
import { CONTOSO_ADMIN, CONTOSO_SALES, DEMO_PASSWORD, NORTHWIND_ADMIN, followMail, linkOf, openDevices, receivedMail, signIn, signUp } from './support';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] });
  return context.newPage();
}

/** The partner's relationship link, as its page shows it. */
async function relationshipLink(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Relationships' }).click();
  return page.getByRole('textbox', { name: 'Relationship link' }).inputValue();
}

async function addOneDevice(page: Page, seed: number) {
  await page.getByRole('button', { name: 'Add devices' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Browse' }).click();
  await (await chooser).setFiles([{ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(fakeDeviceList({ devices: 1, seed }), 'latin1') }]);
  await page.getByRole('button', { name: 'Upload' }).click();
}

test('a customer admin opens the link, accepts, and the partner can add devices at once', async ({ browser }) => {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const link = await relationshipLink(partner);
  expect(link).toMatch(/\/consent\/[A-Za-z0-9_-]{43}$/);
  await partner.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(partner.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  await expect(partner.getByRole('textbox', { name: 'Email draft' })).toHaveValue(new RegExp(link.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));

  // Tailspin Toys has no relationship yet.
  const customer = await newPage(browser);
  await customer.goto(link);
  await expect(customer.getByRole('heading', { name: 'Accept agreement and authorize partner' })).toBeVisible();
  await expect(customer.getByText('Contoso Partner, a Microsoft Cloud Solution Provider, asks to become your reseller.')).toBeVisible();
  await customer.getByRole('link', { name: 'Sign in' }).click();
  await customer.getByLabel('Email').fill('admin@tailspin.example');
  await customer.getByLabel('Password').fill(DEMO_PASSWORD);
  await customer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(customer.getByRole('heading', { name: 'Accept agreement and authorize partner' })).toBeVisible();
  await customer.getByRole('button', { name: 'Accept' }).click();
  await expect(customer.getByRole('checkbox', { name: /^Yes/ })).toBeFocused();
  await customer.getByRole('checkbox', { name: /^Yes/ }).check();
  await customer.getByRole('button', { name: 'Accept' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Contoso Partner is now authorized.' })).toBeVisible();
  await expect(customer.getByRole('table', { name: 'Partner relationships' })).toContainText('Contoso Partner');
  await expect(customer.getByRole('table', { name: 'Relationship history' })).toContainText('Relationship accepted');

  // Opening the link again changes nothing.
  await customer.goto(link);
  await expect(customer.getByRole('status')).toContainText('Contoso Partner is already authorized');

  await openDevices(partner, 'Tailspin Toys');
  await addOneDevice(partner, 9101);
  await expect(partner.getByRole('status').filter({ hasText: '1 device added' })).toBeVisible();

  // The customer removes the partner: access is lost at once, by the page and by the action.
  await customer.goto('/partner-relationships');
  await customer.getByRole('button', { name: 'Remove Contoso Partner' }).click();
  await customer.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Contoso Partner no longer has access' })).toBeVisible();
  await expect(customer.getByRole('table', { name: 'Relationship history' })).toContainText('Relationship removed');

  // The partner's open dialog calls the action again: refused.
  await partner.getByRole('button', { name: 'Close' }).click();
  await addOneDevice(partner, 9102);
  await expect(partner.getByRole('alert').filter({ hasText: 'You may no longer act for this customer.' })).toBeVisible();
  await partner.reload();
  await expect(partner.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('a new customer organisation signs up from the link, and may decline', async ({ browser }) => {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const link = await relationshipLink(partner);
  const customer = await newPage(browser);
  await customer.goto(link);
  await signUp(customer, 'Proseware Retail', 'proseware-retail.example', 'admin@proseware-retail.example');
  await expect(customer.getByRole('heading', { name: 'Accept agreement and authorize partner' })).toBeVisible();
  await customer.getByRole('button', { name: 'Decline' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'You declined the request of Contoso Partner.' })).toBeVisible();
  await expect(customer.getByText('No partner has access to your organisation.')).toBeVisible();

  await partner.getByRole('link', { name: 'Customers' }).click();
  await partner.getByRole('searchbox', { name: 'Search customers' }).fill('Proseware Retail');
  await partner.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
  await expect(partner.getByText('No customer matches.')).toBeVisible();
});

test('only a customer organisation’s administrator may accept', async ({ browser }) => {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const link = await relationshipLink(partner);
  const other = await newPage(browser);
  await signIn(other, CONTOSO_SALES);
  await other.goto(link);
  await expect(other.getByRole('alert').filter({ hasText: 'is not an administrator of a customer organisation' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Accept' })).toHaveCount(0);
});

test('an OEM’s link gives the OEM, not the CSP, access through its own kind of relationship', async ({ browser }) => {
  const oem = await newPage(browser);
  await signIn(oem, NORTHWIND_ADMIN);
  await oem.getByRole('link', { name: 'Relationships' }).click();
  await expect(oem.getByRole('heading', { level: 1, name: 'Request OEM authorization' })).toBeVisible();
  const link = await oem.getByRole('textbox', { name: 'Relationship link' }).inputValue();

  const customer = await newPage(browser);
  await customer.goto(link);
  await signUp(customer, 'Lamna Clinics', 'lamna-clinics.example', 'admin@lamna-clinics.example');
  await expect(customer.getByRole('heading', { name: 'Accept partner invitation' })).toBeVisible();
  await expect(customer.getByText('no admin role in your organisation is granted').first()).toBeVisible();
  await customer.getByRole('checkbox', { name: /^Yes/ }).check();
  await customer.getByRole('button', { name: 'Accept' }).click();
  const table = customer.getByRole('table', { name: 'Partner relationships' });
  await expect(table.getByRole('row', { name: /Northwind Devices/ })).toContainText('OEM');

  await openDevices(oem, 'Lamna Clinics');
  await addOneDevice(oem, 9201);
  await expect(oem.getByRole('status').filter({ hasText: '1 device added' })).toBeVisible();

  // The CSP gained nothing.
  const csp = await newPage(browser);
  await signIn(csp, CONTOSO_ADMIN);
  await csp.getByRole('searchbox', { name: 'Search customers' }).fill('Lamna Clinics');
  await csp.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
  await expect(csp.getByText('No customer matches.')).toBeVisible();
});

test('a regenerated link, a cancelled or used invitation, an expired one and a made-up token are refused clearly', async ({ browser }) => {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const old = await relationshipLink(partner);
  await partner.getByRole('button', { name: 'Regenerate link' }).click();
  await partner.getByRole('dialog').getByRole('button', { name: 'Regenerate link' }).click();
  await expect(partner.getByRole('textbox', { name: 'Relationship link' })).not.toHaveValue(old);

  const visitor = await newPage(browser);
  const refused = async (url: string, reason: string) => {
    await visitor.goto(url);
    await expect(visitor.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    await expect(visitor.getByText(reason)).toBeVisible();
  };
  await refused(old, 'the partner has replaced it with a new one');
  await refused(`/consent/${'A'.repeat(43)}`, 'It is not a valid link');
  await refused('/consent/not-even-a-token', 'It is not a valid link');

  // An invitation for one organisation: pending, then cancelled.
  await partner.getByLabel('Organisation name').fill('Alpine Ski House');
  await partner.getByLabel('Administrator’s email').fill('admin@alpineskihouse.example');
  await partner.getByRole('button', { name: 'Create invitation' }).click();
  const invitations = partner.getByRole('table', { name: 'Invitations' });
  await expect(invitations.getByRole('row', { name: /Alpine Ski House/ })).toContainText('Pending');
  const invitationLink = await partner.evaluate(async () => navigator.clipboard.readText().catch(() => ''));
  await partner.getByRole('button', { name: 'Copy the invitation link for Alpine Ski House' }).click();
  const copied = await partner.evaluate(() => navigator.clipboard.readText());
  expect(copied).not.toBe(invitationLink);
  await visitor.goto(copied);
  await expect(visitor.getByRole('heading', { name: 'Accept agreement and authorize partner' })).toBeVisible();
  await partner.getByRole('button', { name: 'Cancel the invitation for Alpine Ski House' }).click();
  await expect(invitations.getByRole('row', { name: /Alpine Ski House/ })).toContainText('Cancelled');
  await refused(copied, 'The partner cancelled this invitation.');

  // An invitation past its expiry.
  await partner.getByLabel('Organisation name').fill('Coho Winery Two');
  await partner.getByLabel('Administrator’s email').fill('admin@coho2.example');
  await partner.getByRole('button', { name: 'Create invitation' }).click();
  await partner.getByRole('button', { name: 'Copy the invitation link for Coho Winery Two' }).click();
  const expiring = await partner.evaluate(() => navigator.clipboard.readText());
  const db = new Database('data/e2e.db');
  db.prepare(`UPDATE "Invitation" SET "expiresAt" = ? WHERE "organisationName" = 'Coho Winery Two'`).run('2020-01-01T00:00:00.000+00:00');
  db.close();
  await refused(expiring, 'This invitation has expired.');
  await partner.reload();
  await expect(invitations.getByRole('row', { name: /Coho Winery Two/ })).toContainText('Expired');
});

test('the partner removes a reseller relationship from the customer page; adding devices is then refused', async ({ browser }) => {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  const link = await relationshipLink(partner);
  const customer = await newPage(browser);
  await customer.goto(link);
  await signUp(customer, 'Relecloud Studios', 'relecloud-studios.example', 'admin@relecloud-studios.example');
  await customer.getByRole('checkbox', { name: /^Yes/ }).check();
  await customer.getByRole('button', { name: 'Accept' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Contoso Partner is now authorized.' })).toBeVisible();

  await openDevices(partner, 'Relecloud Studios');
  const devicesPage = partner.url();
  await partner.getByRole('link', { name: 'Relecloud Studios' }).click();
  await partner.getByRole('button', { name: 'Remove reseller relationship' }).click();
  const confirmation = partner.getByRole('group', { name: 'Remove the relationship with Relecloud Studios?' });
  await expect(confirmation.getByRole('button', { name: 'Remove' })).toBeFocused();
  await confirmation.getByRole('button', { name: 'Remove' }).click();
  await expect(partner.getByRole('status').filter({ hasText: 'The relationship was removed' })).toBeVisible();
  expect((await partner.goto(devicesPage))?.status()).toBe(404);
  await expect(partner.getByRole('heading', { name: 'Not found' })).toBeVisible();

  await customer.reload();
  await expect(customer.getByRole('table', { name: 'Relationship history' })).toContainText('Relationship removed');
});

test('the consent page cannot be framed by another site', async ({ page }) => {
  const response = await page.goto(`/consent/${'A'.repeat(43)}`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
});

test('an invitation is emailed; its link, followed from the mail, opens the invitation; the partner hears of the acceptance', async ({ browser }) => {
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  await partner.getByRole('link', { name: 'Relationships' }).click();
  const address = `admin-${Date.now()}@mailed.example`;
  await partner.getByLabel('Organisation name').fill('Mailed Org');
  await partner.getByLabel('Administrator’s email').fill(address);
  await partner.getByRole('button', { name: 'Create invitation' }).click();
  await expect(partner.getByRole('status').filter({ hasText: `The invitation was emailed to ${address}.` })).toBeVisible();

  // The tests' SMTP server received the invitation: the newcomer follows its link.
  const customer = await newPage(browser);
  await followMail(customer, address, 'Contoso Partner asks to become your Microsoft Cloud Solution Provider');
  await expect(customer.getByRole('heading', { name: 'Accept agreement and authorize partner' })).toBeVisible();

  await signUp(customer, 'Mailed Org', `mailed-${Date.now()}.example`, address);
  await expect(customer.getByRole('heading', { name: 'Accept agreement and authorize partner' })).toBeVisible();
  await customer.getByRole('checkbox', { name: /^Yes/ }).check();
  await customer.getByRole('button', { name: 'Accept' }).click();
  await expect(customer).toHaveURL(/\/partner-relationships\?accepted=/);

  // The partner's admins hear of it by email.
  expect(linkOf(await receivedMail(CONTOSO_ADMIN, 'Mailed Org accepted your relationship'))).toMatch(/^http:\/\/localhost:\d+\//);

  // The customer removes the partner again (other tests count Contoso's customers): the partner hears of it too.
  await customer.goto('/partner-relationships');
  await customer.getByRole('button', { name: 'Remove Contoso Partner' }).click();
  await customer.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(customer.getByText('Contoso Partner no longer has access to your organisation.')).toBeVisible();
  await receivedMail(CONTOSO_ADMIN, 'Mailed Org removed its relationship with Contoso Partner');
  await partner.context().close();
  await customer.context().close();
});

test('an invitation is accepted only by a verified holder of the address it names', async ({ browser }) => {
  const stamp = Date.now();
  const partner = await newPage(browser);
  await signIn(partner, CONTOSO_ADMIN);
  await partner.getByRole('link', { name: 'Relationships' }).click();
  const invited = `cio-${stamp}@target.example`;
  await partner.getByLabel('Organisation name').fill('Target Org');
  await partner.getByLabel('Administrator’s email').fill(invited);
  await partner.getByRole('button', { name: 'Create invitation' }).click();
  const link = linkOf(await receivedMail(invited, 'Contoso Partner asks to become your Microsoft Cloud Solution Provider'));

  // Someone else signs up (their own address, verified) and opens the invitation: it is not theirs.
  const impostor = await newPage(browser);
  await impostor.goto(link);
  await signUp(impostor, 'Target Org', `target-${stamp}.example`, `someone-${stamp}@impostor.example`);
  await expect(impostor.getByRole('alert').filter({ hasText: 'This invitation was sent to the administrator of Target Org, not to you.' })).toBeVisible();
  await expect(impostor.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // Someone signs up with the invited address but cannot read its mail: they may not accept.
  const squatter = await newPage(browser);
  await squatter.goto(link);
  await squatter.getByRole('link', { name: 'Create your organisation’s account' }).click();
  await squatter.getByLabel('Organisation name').fill('Target Org');
  await squatter.getByLabel('Domain').fill(`target-${stamp}.example`);
  await squatter.getByLabel('Your name').fill('Squatter');
  await squatter.getByLabel('Email').fill(invited);
  await squatter.getByLabel('Password').fill('a-long-password-1');
  await squatter.getByRole('button', { name: 'Create account' }).click();
  await expect(squatter.getByRole('status')).toContainText('Check your email');
  await squatter.goto(`/sign-in?callbackUrl=${encodeURIComponent(new URL(link).pathname)}`);
  await squatter.getByLabel('Email').fill(invited);
  await squatter.getByLabel('Password').fill('a-long-password-1');
  await squatter.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(squatter).toHaveURL(/\/consent\//);
  await expect(squatter.getByText(`Confirm your email address first: follow the link we sent to ${invited}.`)).toBeVisible();
  await expect(squatter.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  for (const page of [partner, impostor, squatter]) await page.context().close();
});
