import { describe, expect, it } from 'vitest';
import { isStorageUnavailable } from './errors';

/** An error as Prisma raises it from a driver adapter's refusal. */
const fromAdapter = (cause: Record<string, unknown>) => Object.assign(new Error('query failed'), { code: 'P2010', meta: { driverAdapterError: { cause } } });

describe('a database that cannot store now', () => {
  it('is told apart from a request’s own fault, on SQLite and on PostgreSQL', () => {
    for (const unavailable of [
      fromAdapter({ originalCode: 'SQLITE_FULL' }),
      fromAdapter({ originalCode: 'SQLITE_READONLY' }),
      fromAdapter({ originalCode: 'SQLITE_BUSY' }),
      fromAdapter({ kind: 'postgres', originalCode: '25006' }),
      fromAdapter({ kind: 'postgres', originalCode: '53100' }),
      fromAdapter({ kind: 'postgres', originalCode: '57P03' }),
      fromAdapter({ kind: 'postgres', originalCode: '08006' }),
      fromAdapter({ kind: 'DatabaseNotReachable' }),
      fromAdapter({ kind: 'TooManyConnections' }),
      Object.assign(new Error('wrapped'), { cause: fromAdapter({ kind: 'ConnectionClosed' }) }),
    ] as Error[]) {
      expect(isStorageUnavailable(unavailable), JSON.stringify(unavailable, ['meta', 'cause', 'driverAdapterError', 'kind', 'originalCode'])).toBe(true);
    }
    for (const own of [
      fromAdapter({ kind: 'UniqueConstraintViolation', originalCode: '23505' }),
      fromAdapter({ kind: 'postgres', originalCode: '42P01' }),
      fromAdapter({ originalCode: 'SQLITE_CONSTRAINT' }),
      new Error('a bug'),
    ]) {
      expect(isStorageUnavailable(own)).toBe(false);
    }
  });
});
