import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, parseEnv, serverEnv } from './env';

const SECRET = 'k3Vd7q1Zr9yXo2bLw5sPn8tAe4uHc6fJmG0iQ';

describe("the portal's settings", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('has working defaults when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'file:./data/portal.db',
      AUTH_SECRET: undefined,
      PORTAL_URL: undefined,
      TRUST_PROXY: false,
      MAIL_FROM: 'Autopilot partner portal <no-reply@localhost>',
      API_MAX_BODY_BYTES: 64 * 1024 * 1024,
      API_RATE_LIMIT: { capacity: 120, perSecond: 2 },
    });
  });

  it('reads every setting, an empty value counting as unset', () => {
    const settings = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'file:/var/lib/portal/portal.db',
      AUTH_SECRET: SECRET,
      PORTAL_URL: 'https://portal.example.com/',
      TRUST_PROXY: 'true',
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      MAIL_FROM: 'Partners <partners@example.com>',
      API_MAX_BODY_BYTES: '3000000',
      API_RATE_LIMIT: '10000, 0.5',
    });
    expect(settings).toEqual({
      NODE_ENV: 'production',
      DATABASE_URL: 'file:/var/lib/portal/portal.db',
      AUTH_SECRET: SECRET,
      PORTAL_URL: 'https://portal.example.com',
      TRUST_PROXY: true,
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      MAIL_FROM: 'Partners <partners@example.com>',
      API_MAX_BODY_BYTES: 3_000_000,
      API_RATE_LIMIT: { capacity: 10_000, perSecond: 0.5 },
    });
    expect(parseEnv({ DATABASE_URL: '', PORTAL_URL: '' })).toMatchObject({ DATABASE_URL: 'file:./data/portal.db', PORTAL_URL: undefined });
  });

  it('refuses to serve in production without AUTH_SECRET, saying how to make one', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' }, { serving: true })).toThrow(/AUTH_SECRET is required in production.*openssl rand -base64 32/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: '' }, { serving: true })).toThrow(/AUTH_SECRET is required/);
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET: SECRET }, { serving: true }).AUTH_SECRET).toBe(SECRET);
  });

  it('serves in production with the secret kept in a file instead (the demo’s way)', () => {
    expect(parseEnv({ NODE_ENV: 'production', AUTH_SECRET_FILE: 'data/auth-secret' }, { serving: true }).AUTH_SECRET_FILE).toBe('data/auth-secret');
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET_FILE: '' }, { serving: true })).toThrow(/AUTH_SECRET is required.*AUTH_SECRET_FILE/);
  });

  it('lets the database tools and `next build` run in production without the secret', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).DATABASE_URL).toBe('file:./data/portal.db');
    expect(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }, { serving: true }).AUTH_SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: 'development' }, { serving: true }).AUTH_SECRET).toBeUndefined();
  });

  it('refuses a mail server address that is not smtp:// or smtps://', () => {
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ address/);
    expect(parseEnv({ SMTP_URL: 'smtps://mail.example.com:465' }).SMTP_URL).toBe('smtps://mail.example.com:465');
  });

  it('refuses a short secret anywhere', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'changeme' })).toThrow(/AUTH_SECRET must be at least 32 characters; make one with `openssl rand -base64 32`/);
  });

  it('refuses bad numbers and addresses, naming every bad variable in one message', () => {
    let message = '';
    try {
      parseEnv(
        { NODE_ENV: 'production', API_MAX_BODY_BYTES: '64MB', API_RATE_LIMIT: '120', PORTAL_URL: 'portal.example.com', DATABASE_URL: 'mysql://db/portal' },
        { serving: true },
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The portal's environment is not valid:/);
    for (const name of ['API_MAX_BODY_BYTES', 'API_RATE_LIMIT', 'PORTAL_URL', 'DATABASE_URL', 'AUTH_SECRET']) expect(message).toContain(`  ${name} `);
  });

  it.each([
    ['API_MAX_BODY_BYTES', '0'],
    ['API_MAX_BODY_BYTES', '-5'],
    ['API_MAX_BODY_BYTES', '1.5'],
    ['API_MAX_BODY_BYTES', '99999999999999999999'],
    ['API_RATE_LIMIT', '0,2'],
    ['API_RATE_LIMIT', '120,0'],
    ['API_RATE_LIMIT', '120,2,3'],
    ['API_RATE_LIMIT', 'lots,2'],
    ['PORTAL_URL', 'ftp://portal.example.com'],
    ['NODE_ENV', 'staging'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^  ${name} `, 'm'));
  });

  it('sees a change to the environment on the next call', () => {
    vi.stubEnv('DATABASE_URL', 'file:/tmp/one.db');
    expect(env().DATABASE_URL).toBe('file:/tmp/one.db');
    vi.stubEnv('DATABASE_URL', 'file:/tmp/two.db');
    expect(env().DATABASE_URL).toBe('file:/tmp/two.db');
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('AUTH_SECRET', '');
    expect(env().NODE_ENV).toBe('production');
    expect(() => serverEnv()).toThrow(/AUTH_SECRET is required/);
  });
});

describe('the database URL', () => {
  it('is a SQLite file or a PostgreSQL server, TLS options kept', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://portal:secret@db.example.com:5432/portal?sslmode=require' }).DATABASE_URL).toBe(
      'postgresql://portal:secret@db.example.com:5432/portal?sslmode=require',
    );
    expect(parseEnv({ DATABASE_URL: 'postgres://db/portal' }).DATABASE_URL).toBe('postgres://db/portal');
    expect(parseEnv({ DATABASE_URL: 'file:/var/lib/portal/portal.db' }).DATABASE_URL).toBe('file:/var/lib/portal/portal.db');
  });

  it('refuses anything else, saying what it must be', () => {
    for (const url of ['mysql://db/portal', 'portal.db', 'file:', 'postgresql://[bad']) {
      expect(() => parseEnv({ DATABASE_URL: url }), url).toThrow(/DATABASE_URL/);
    }
  });
});
