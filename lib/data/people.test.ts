/** Who is signed in, as the database says: an ended session is nobody. */
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerAdmin, partner } from '@/test-support/factories';

freshDatabase();
const { readSignedIn } = await import('./people');
const { endSessions } = await import('./accounts');

describe('a session', () => {
  it('is the agent while its version is the account’s, and nobody once the sessions are ended (a cookie replayed after sign-out)', async () => {
    const ana = await agent(await partner(), { role: 'PARTNER_ADMIN' });
    expect(await readSignedIn(ana.userId, 0)).toMatchObject({ type: 'agent', userId: ana.userId, role: 'PARTNER_ADMIN' });
    await endSessions(ana.userId);
    expect(await readSignedIn(ana.userId, 0)).toBeNull();
    // A new sign-in carries the new version.
    expect(await readSignedIn(ana.userId, 1)).toMatchObject({ type: 'agent', userId: ana.userId });
  });

  it('ends only that account’s sessions', async () => {
    const felix = await customerAdmin(await customer());
    const ana = await agent(await partner());
    await endSessions(ana.userId);
    expect(await readSignedIn(felix.userId, 0)).toMatchObject({ type: 'customer-admin', userId: felix.userId });
  });

  it('of an account that does not exist is nobody', async () => {
    expect(await readSignedIn('no-such-user', 0)).toBeNull();
  });
});
