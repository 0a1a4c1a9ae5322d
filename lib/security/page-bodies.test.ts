import { describe, expect, it } from 'vitest';
import { PAGE_BODY_LIMIT, pageBodyRefusal } from './page-bodies.mjs';

describe('what may be posted to a page', () => {
  it('lets through a POST that declares at most the cap, and everything else', () => {
    expect(pageBodyRefusal('POST', '/customers/c1/devices', String(PAGE_BODY_LIMIT))).toBeNull();
    expect(pageBodyRefusal('POST', '/sign-in', '0')).toBeNull();
    expect(pageBodyRefusal('GET', '/customers', undefined)).toBeNull();
  });

  it('refuses a declared length over the cap, or one that is not a number, with 413', () => {
    expect(pageBodyRefusal('POST', '/sign-in', String(PAGE_BODY_LIMIT + 1))).toMatchObject({ status: 413 });
    expect(pageBodyRefusal('POST', '/sign-in', '268435456')).toMatchObject({ status: 413 });
    expect(pageBodyRefusal('POST', '/sign-in', '268435456')?.message).toContain('10 MiB');
    for (const odd of ['-1', '1e9', '12 34', '0x10', '9'.repeat(16)]) expect(pageBodyRefusal('POST', '/sign-in', odd), odd).toMatchObject({ status: 413 });
  });

  it('refuses a body whose length is not declared (chunked) with 411', () => {
    expect(pageBodyRefusal('POST', '/customers/c1/devices', undefined)).toMatchObject({ status: 411 });
  });

  it('leaves the REST API to read its own bodies with its own cap', () => {
    expect(pageBodyRefusal('POST', '/api/v1/customers/c1/deviceBatches', undefined)).toBeNull();
    expect(pageBodyRefusal('POST', '/api/v1/customers/c1/deviceBatches', '268435456')).toBeNull();
  });
});
