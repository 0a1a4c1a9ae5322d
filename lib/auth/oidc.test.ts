import { customFetch } from '@auth/core';
import { describe, expect, it } from 'vitest';
import { allowedProviderUrl, oidcIdentity, oidcProvider, OIDC_PROVIDER_ID } from './oidc';

const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const base = { iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ' };

describe('reading the ID token', () => {
  it('reads the person: issuer, subject, email lower-cased, verified, name, tenant', () => {
    expect(oidcIdentity({ ...base, email: ' Ana.Silva@Contoso.Example ', email_verified: true, name: 'Ana Silva', tid: TENANT })).toEqual({
      issuer: base.iss,
      subject: base.sub,
      email: 'ana.silva@contoso.example',
      emailVerified: true,
      name: 'Ana Silva',
      tenantId: TENANT.toLowerCase(),
    });
  });

  it('counts an email as verified only when the claim says true, literally', () => {
    const verified = (value: unknown) => oidcIdentity({ ...base, email: 'ana@contoso.example', email_verified: value })?.emailVerified;
    expect(verified(true)).toBe(true);
    expect(verified('true')).toBe(true);
    for (const value of [undefined, null, false, 'false', 'TRUE', 'yes', 1, '1', {}, [true]]) expect(verified(value)).toBe(false);
  });

  it('has no verified email without an email', () => {
    expect(oidcIdentity({ ...base, email_verified: true })).toMatchObject({ email: null, emailVerified: false });
    expect(oidcIdentity({ ...base, email: '   ', email_verified: true })).toMatchObject({ email: null, emailVerified: false });
    expect(oidcIdentity({ ...base, email: 42, email_verified: true })).toMatchObject({ email: null, emailVerified: false });
  });

  it('takes a tenant only when it is a GUID', () => {
    const tenant = (tid: unknown) => oidcIdentity({ ...base, tid })?.tenantId;
    expect(tenant(TENANT)).toBe(TENANT.toLowerCase());
    for (const tid of [undefined, '', 'contoso', '9188040d-6c67-4c5b-b112', `${TENANT}x`, 7]) expect(tenant(tid)).toBeNull();
  });

  it('leaves out a name that is not text', () => {
    expect(oidcIdentity({ ...base, name: ['Ana'] })?.name).toBeNull();
    expect(oidcIdentity(base)?.name).toBeNull();
  });

  it('refuses claims without an issuer or a subject', () => {
    expect(oidcIdentity({ sub: base.sub, email: 'ana@contoso.example', email_verified: true })).toBeNull();
    expect(oidcIdentity({ iss: base.iss, email: 'ana@contoso.example', email_verified: true })).toBeNull();
    expect(oidcIdentity({ iss: base.iss, sub: '' })).toBeNull();
    expect(oidcIdentity({ iss: base.iss, sub: 12 })).toBeNull();
  });
});

describe('the provider', () => {
  const settings = { issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0', clientId: 'portal', clientSecret: 'secret' };

  it('is the oidc provider: openid email profile, client_secret_basic, every check', () => {
    const provider = oidcProvider(settings);
    expect(provider).toMatchObject({
      id: OIDC_PROVIDER_ID,
      type: 'oidc',
      issuer: settings.issuer,
      clientId: 'portal',
      clientSecret: 'secret',
      client: { token_endpoint_auth_method: 'client_secret_basic' },
      authorization: { params: { scope: 'openid email profile' } },
    });
    expect(provider.checks).toEqual(expect.arrayContaining(['pkce', 'state', 'nonce']));
  });

  it('takes plain http only for a provider on this machine', () => {
    for (const issuer of ['http://127.0.0.1:3300', 'http://localhost:3300/tenant', 'http://[::1]:3300']) expect(() => oidcProvider({ ...settings, issuer })).not.toThrow();
    for (const issuer of ['http://login.example.com', 'http://127.0.0.1.example.com', 'http://10.0.0.1']) expect(() => oidcProvider({ ...settings, issuer })).toThrow(/https/);
    expect(allowedProviderUrl(new URL('ftp://127.0.0.1/'))).toBe(false);
  });

  it('never reaches a plain http address elsewhere, even one the discovery document names', async () => {
    const fetcher = oidcProvider(settings)[customFetch];
    expect(fetcher).toBeTypeOf('function');
    await expect(fetcher?.('http://login.example.com/token', { method: 'POST' })).rejects.toThrow(/https/);
    await expect(fetcher?.(new URL('http://evil.example/.well-known/openid-configuration'))).rejects.toThrow(/https/);
  });
});
