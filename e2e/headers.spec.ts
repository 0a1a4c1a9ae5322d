/**
 * Every route answers with the portal's security headers, and its pages run
 * under the Content-Security-Policy without one violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { CONTOSO_ADMIN, customerId, signIn } from './support';

function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

const PAGES = ['/sign-in', '/sign-up', '/forgot-password', `/reset-password/${'A'.repeat(43)}`, `/join/${'A'.repeat(43)}`, `/consent/${'A'.repeat(43)}`, `/verify-email/${'A'.repeat(43)}`];
const SIGNED_IN = ['/customers', '/relationships', '/api-keys', '/api-reference', '/people', '/account'];

test('every page carries the policy, no-store, and the other headers, and runs without a policy violation', async ({ page }) => {
  const seen = violations(page);
  const check = async (path: string) => {
    const response = await page.goto(path);
    const headers = response!.headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) expect(policy, path).toContain(directive);
    expect(headers['cache-control'], path).toContain('no-store');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    // Served over plain http here: no HSTS.
    expect(headers['strict-transport-security'], path).toBeUndefined();
    // The page works under it: Next's scripts ran and hydrated it.
    await page.waitForFunction(() => 'next' in window);
  };
  for (const path of PAGES) await check(path);
  await signIn(page, CONTOSO_ADMIN);
  for (const path of [...SIGNED_IN, `/customers/${customerId('fabrikam.example')}`, `/customers/${customerId('fabrikam.example')}/devices`]) await check(path);
  // A nonce is never reused.
  const first = (await page.goto('/customers'))!.headers()['content-security-policy'];
  const second = (await page.goto('/customers'))!.headers()['content-security-policy'];
  expect(first).not.toBe(second);
  expect(seen).toEqual([]);
});

test('the API answers are never cached', async ({ request }) => {
  const openapi = await request.get('/api/v1/openapi.json');
  expect(openapi.headers()['cache-control']).toContain('no-store');
  const unauthorised = await request.get('/api/v1/customers');
  expect(unauthorised.status()).toBe(401);
  expect(unauthorised.headers()['cache-control']).toContain('no-store');
  expect(unauthorised.headers()['permissions-policy']).toContain('camera=()');
});
