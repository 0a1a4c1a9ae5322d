import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CONTOSO_ADMIN, openDevices, signIn } from './support';

async function expectNoSeriousViolations(page: Page, name: string) {
  // Next streams a dynamic page's metadata after its body: scan once the title has arrived.
  await expect(page).toHaveTitle(/\S/);
  // Tabster's focus-trap sentinels are aria-hidden and focusable by design: a known false positive, excluded alone.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")} ${v.help}`)).toEqual([]);
}

test('every page passes an accessibility scan with no serious violation', async ({ page }) => {
  await page.goto('/sign-in');
  await expectNoSeriousViolations(page, 'sign-in');
  await signIn(page, CONTOSO_ADMIN);
  // Signing in goes through a redirect or two: scan the page it lands on, not one on the way.
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expectNoSeriousViolations(page, 'customers');
  await openDevices(page, 'Fabrikam, Inc.');
  await expectNoSeriousViolations(page, 'devices');
  await page.getByRole('link', { name: 'Fabrikam, Inc.' }).click();
  await expectNoSeriousViolations(page, 'customer');
  await page.getByRole('link', { name: 'Devices' }).click();
  await page.getByRole('button', { name: 'Add devices' }).click();
  await expect(page.getByRole('dialog', { name: 'Add devices' })).toBeVisible();
  await expectNoSeriousViolations(page, 'add devices');
  await page.goto('/customers/no-such-customer');
  await expectNoSeriousViolations(page, 'not found');
  await page.goto('/relationships');
  const link = await page.getByRole('textbox', { name: 'Relationship link' }).inputValue();
  await expectNoSeriousViolations(page, 'relationships');
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Invite people' }).click();
  await expectNoSeriousViolations(page, 'people');
  await page.getByRole('link', { name: /Ana Contoso/ }).click();
  await expect(page.getByRole('heading', { name: 'Set up multifactor authentication' })).toBeVisible();
  await expectNoSeriousViolations(page, 'account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await expectNoSeriousViolations(page, 'forgot password');

  await page.goto(link);
  await expectNoSeriousViolations(page, 'consent, signed out');
  await page.getByRole('link', { name: 'Create your organisation’s account' }).click();
  await expectNoSeriousViolations(page, 'sign-up');
  await signIn(page, 'admin@woodgrove.example');
  await expectNoSeriousViolations(page, 'partner relationships');
  await page.goto(link);
  await expect(page.getByRole('checkbox', { name: /^Yes/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'consent form');
  await page.goto(`/consent/${'A'.repeat(43)}`);
  await expectNoSeriousViolations(page, 'consent, invalid link');
  await page.goto(`/verify-email/${'A'.repeat(43)}`);
  await expect(page.getByRole('button', { name: 'Confirm my email address' })).toBeVisible();
  await expectNoSeriousViolations(page, 'verify email');
});
