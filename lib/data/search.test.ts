/**
 * Searching customers and devices ignores case, on SQLite and on PostgreSQL
 * alike (whose own comparison does not).
 */
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '@/test-support/database';
import { agent, customer, customerScope, deviceList, partner, relationship } from '@/test-support/factories';

freshDatabase();
const { listCustomers } = await import('./customers');
const { listDevices } = await import('./devices');
const { registerDevices } = await import('@/lib/services/registration');

const query = <S extends string>(q: string, sort: S) => ({ page: 1, pageSize: 25, sort, dir: 'asc' as const, q });

describe('search', () => {
  it('finds customers and devices whatever the case of what is typed', async () => {
    const p = await partner();
    const ana = await agent(p);
    const c = await customer();
    await relationship(p, c);
    const scope = await customerScope(ana, c);
    const [device] = deviceList(1).devices;
    await registerDevices(scope, { groupTag: 'Microsoft365Managed_Standard', profile: null, mode: null, source: 'FILES', sourceDetail: 't.csv', devices: [device!] });

    const name = c.name;
    for (const q of [name.toLowerCase(), name.toUpperCase()]) {
      expect((await listCustomers(ana, query(q, 'name'))).rows.map((r) => r.id), q).toEqual([c.id]);
    }
    for (const q of [device!.serialNumber!.toLowerCase(), 'microsoft365managed']) {
      expect((await listDevices(scope, query(q, 'serial'))).rows.map((r) => r.serialNumber), q).toEqual([device!.serialNumber]);
    }
  });
});
