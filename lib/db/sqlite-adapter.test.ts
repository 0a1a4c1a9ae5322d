/**
 * One request's transaction and another request's statements, on a real
 * SQLite file: nobody reads what is not committed, nobody's write is rolled
 * back with someone else's transaction, and readers do not wait.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './client';
import { migrateSqlite } from './migrate-sqlite';
import { Lock } from './sqlite-adapter';

const file = join(mkdtempSync(join(tmpdir(), 'portal-adapter-')), 'portal.db');
migrateSqlite(file);
const prisma = createPrismaClient(`file:${file}`);
afterAll(() => prisma.$disconnect());

/** Lets every other waiting task run: a transaction awaiting I/O between its statements. */
const elsewhere = () => new Promise((resolve) => setImmediate(resolve));

describe('the database connection of the process', () => {
  it('does not show another request what a transaction has not committed', async () => {
    let seenDuring = -1;
    await prisma.$transaction(async (tx) => {
      await tx.partner.create({ data: { name: 'Not yet committed', kind: 'CSP' } });
      seenDuring = await prisma.partner.count({ where: { name: 'Not yet committed' } });
    });
    expect(seenDuring).toBe(0);
    expect(await prisma.partner.count({ where: { name: 'Not yet committed' } })).toBe(1);
  });

  it('keeps another request’s write when a transaction in progress rolls back', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const transaction = prisma
      .$transaction(async (tx) => {
        await tx.partner.create({ data: { name: 'Rolled back', kind: 'CSP' } });
        await holding;
        throw new Error('the transaction fails');
      })
      .catch((error: unknown) => error);
    await elsewhere();
    // Started now (a Prisma query runs once awaited), while the transaction holds.
    const write = prisma.customer.create({ data: { name: 'Written meanwhile', domain: 'meanwhile.example' } }).then(() => 'written');
    await elsewhere();
    release();
    expect(String(await transaction)).toMatch(/the transaction fails/);
    expect(await write).toBe('written');
    expect(await prisma.partner.count({ where: { name: 'Rolled back' } })).toBe(0);
    expect(await prisma.customer.count({ where: { name: 'Written meanwhile' } })).toBe(1);
  });

  it('answers a read while a transaction is still in progress', async () => {
    await prisma.customer.create({ data: { name: 'Committed before', domain: 'before.example' } });
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const transaction = prisma.$transaction(async (tx) => {
      await tx.customer.create({ data: { name: 'Committed after', domain: 'after.example' } });
      await holding;
    });
    await elsewhere();
    const names = (await prisma.customer.findMany({ where: { name: { startsWith: 'Committed' } }, select: { name: true } })).map((c) => c.name);
    expect(names).toEqual(['Committed before']);
    release();
    await transaction;
    expect(await prisma.customer.count({ where: { name: { startsWith: 'Committed' } } })).toBe(2);
  });
});

describe('a long transaction', () => {
  it('lets a request that arrives meanwhile be answered before it commits', async () => {
    const events: string[] = [];
    const transaction = prisma.$transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await tx.partner.create({ data: { name: `Long transaction ${i}`, kind: 'CSP' } });
      events.push('transaction done');
    });
    // A request arriving on the socket: its work starts on a later turn of the event loop.
    const read = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      await prisma.customer.count();
      events.push('read answered');
    });
    await Promise.all([transaction, read]);
    expect(events).toEqual(['read answered', 'transaction done']);
  });
});

describe('the writer’s lock', () => {
  it('is held by one at a time, in the order asked', async () => {
    const lock = new Lock();
    const order: string[] = [];
    const work = (name: string, ms: number) =>
      lock.with(async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(`${name} out`);
      });
    await Promise.all([work('a', 20), work('b', 1), work('c', 5)]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('is given back when the work fails', async () => {
    const lock = new Lock();
    await expect(lock.with(() => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    await expect(lock.with(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
