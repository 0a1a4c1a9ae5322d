import { expect, test } from '@playwright/test';
import { CONTOSO_ADMIN, customerId, NORTHWIND_ADMIN, openDevices, signIn } from './support';


test('a partner cannot reach another partner’s customer, or a customer without consent, by URL', async ({ page }) => {
  await signIn(page, CONTOSO_ADMIN);
  for (const domain of ['woodgrove.example', 'tailspin.example']) {
    const id = customerId(domain);
    for (const path of [`/customers/${id}`, `/customers/${id}/devices`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    }
  }
  // A customer that does not exist looks exactly the same.
  expect((await page.goto('/customers/no-such-customer/devices'))?.status()).toBe(404);
});

test('an OEM manages the devices of the customer that accepted its link, and no other', async ({ page }) => {
  await signIn(page, NORTHWIND_ADMIN);
  await openDevices(page, 'Woodgrove Bank');
  await expect(page.getByRole('table', { name: 'Registered devices' }).getByRole('row', { name: /5CG0021000/ })).toBeVisible();
  expect((await page.goto(`/customers/${customerId('fabrikam.example')}/devices`))?.status()).toBe(404);
});

test('pages need a signed-in partner', async ({ page }) => {
  await page.goto(`/customers/${customerId('fabrikam.example')}/devices`);
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, 'admin@fabrikam.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Partner relationships' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Partner relationships' })).toContainText('Contoso Partner');
  await page.goto('/customers');
  await expect(page.getByRole('heading', { level: 1, name: 'Partner relationships' })).toBeVisible();
});
