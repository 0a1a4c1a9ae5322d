/**
 * The portal's TXT reader against a real DNS server on this machine
 * (test-support/dns-server.ts), through Node's own resolver: records found
 * and joined, names that do not exist, and servers that fail, are gone or
 * say nothing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, startDnsServer, writeTxtRecord, type DnsServer } from '@/test-support/dns-server';
import { readTxtRecords } from './dns';

let dns: DnsServer;

beforeAll(async () => {
  dns = await startDnsServer();
});
beforeEach(() => {
  process.env.DNS_RESOLVER = dns.address;
  dns.setMode('answer');
});
afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  await dns.close();
});

/** A port nothing listens on: one the system gave a socket that is closed again. */
async function closedPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

describe('readTxtRecords', () => {
  it('reads every value at the name, whatever the case or trailing dot asked', async () => {
    dns.setTxt('_autopilot-portal.fabrikam.example', ['autopilot-portal-verification=abc', 'v=spf1 -all']);
    expect((await readTxtRecords('_autopilot-portal.fabrikam.example')).sort()).toEqual(['autopilot-portal-verification=abc', 'v=spf1 -all']);
    expect(await readTxtRecords('_AUTOPILOT-portal.Fabrikam.example.')).toHaveLength(2);
  });

  it('joins a value sent as several strings, and one longer than 255 bytes', async () => {
    const long = `autopilot-portal-verification=${'x'.repeat(600)}`;
    dns.setTxt('chunks.example', [['autopilot-portal-', 'verification=', 'abc'], long]);
    expect((await readTxtRecords('chunks.example')).sort()).toEqual(['autopilot-portal-verification=abc', long].sort());
  });

  it('reads UTF-8 values as they were written', async () => {
    dns.setTxt('utf8.example', ['société générale']);
    expect(await readTxtRecords('utf8.example')).toEqual(['société générale']);
  });

  it('gives no record for a name that does not exist, or that exists without TXT records', async () => {
    dns.setTxt('_autopilot-portal.deep.contoso.example', ['x']);
    expect(await readTxtRecords('_autopilot-portal.nowhere.example')).toEqual([]);
    // contoso.example exists (a name lies under it) but holds nothing.
    expect(await readTxtRecords('contoso.example')).toEqual([]);
    dns.setTxt('_autopilot-portal.deep.contoso.example', []);
    expect(await readTxtRecords('_autopilot-portal.deep.contoso.example')).toEqual([]);
  });

  it('refuses to conclude when the server fails', async () => {
    dns.setTxt('fails.example', ['x']);
    dns.setMode('servfail');
    await expect(readTxtRecords('fails.example')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'dns-unavailable' } });
  });

  it('refuses to conclude, at once, when no server listens', async () => {
    process.env.DNS_RESOLVER = `127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    await expect(readTxtRecords('fabrikam.example')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'dns-unavailable' } });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up after its timeout when the server says nothing', async () => {
    dns.setMode('silent');
    const started = Date.now();
    await expect(readTxtRecords('fabrikam.example', { timeoutMs: 200, tries: 1 })).rejects.toMatchObject({ details: { reason: 'dns-unavailable' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up in about three seconds by default', async () => {
    dns.setMode('silent');
    const started = Date.now();
    await expect(readTxtRecords('fabrikam.example')).rejects.toMatchObject({ details: { reason: 'dns-unavailable' } });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(900);
    expect(elapsed).toBeLessThan(6000);
  }, 10_000);
});

describe('the test DNS server’s packets', () => {
  const query = (name: string, options: { type?: number; opcode?: number; questions?: number } = {}) => {
    const header = Buffer.alloc(12);
    header.writeUInt16BE(0x1234, 0);
    header.writeUInt16BE(((options.opcode ?? 0) << 11) | 0x0100, 2);
    header.writeUInt16BE(options.questions ?? 1, 4);
    const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')]));
    const tail = Buffer.alloc(4);
    tail.writeUInt16BE(options.type ?? 16, 0);
    tail.writeUInt16BE(1, 2);
    return Buffer.concat([header, ...labels, Buffer.from([0]), tail]);
  };
  const rcode = (reply: Buffer | null) => (reply ? reply.readUInt16BE(2) & 0xf : null);
  const lookUp = (name: string) => (name === 'a.example' ? ['x'] : null);

  it('answers with the query’s id, authoritatively, NXDOMAIN for a name it does not hold', () => {
    const reply = answer(query('A.Example'), lookUp);
    expect(reply?.readUInt16BE(0)).toBe(0x1234);
    expect(reply ? reply.readUInt16BE(2) & 0x8400 : 0).toBe(0x8400);
    expect(reply?.readUInt16BE(6)).toBe(1);
    expect(rcode(answer(query('b.example'), lookUp))).toBe(3);
    expect(answer(query('a.example', { type: 1 }), lookUp)?.readUInt16BE(6)).toBe(0);
  });

  it('refuses what it does not do: other opcodes, several questions, compressed or cut questions; drops scraps', () => {
    expect(rcode(answer(query('a.example', { opcode: 2 }), lookUp))).toBe(4);
    expect(rcode(answer(query('a.example', { questions: 2 }), lookUp))).toBe(1);
    expect(rcode(answer(Buffer.concat([query('a.example').subarray(0, 12), Buffer.from([0xc0, 0x0c, 0, 16, 0, 1])]), lookUp))).toBe(1);
    expect(rcode(answer(query('a.example').subarray(0, 16), lookUp))).toBe(1);
    expect(answer(Buffer.from([1, 2, 3]), lookUp)).toBeNull();
  });
});

describe('the DNS server as a program', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('answers from its records file, read again on every query', async () => {
    const records = join(mkdtempSync(join(tmpdir(), 'portal-dns-')), 'records.json');
    const port = await closedPort();
    child = spawn(process.execPath, ['--import', 'tsx', 'test-support/dns-server.ts'], { env: { ...process.env, DNS_TEST_PORT: String(port), DNS_TEST_RECORDS: records } });
    await new Promise<void>((resolve, reject) => {
      child!.stdout.on('data', (data: Buffer) => {
        if (data.toString().includes('listening')) resolve();
      });
      child!.once('exit', (code) => reject(new Error(`the DNS server stopped (${code})`)));
    });
    process.env.DNS_RESOLVER = `127.0.0.1:${port}`;

    expect(await readTxtRecords('_autopilot-portal.fabrikam.example')).toEqual([]);
    writeTxtRecord(records, '_autopilot-portal.Fabrikam.example', ['autopilot-portal-verification=abc']);
    expect(await readTxtRecords('_autopilot-portal.fabrikam.example')).toEqual(['autopilot-portal-verification=abc']);
    writeTxtRecord(records, '_autopilot-portal.fabrikam.example', []);
    expect(await readTxtRecords('_autopilot-portal.fabrikam.example')).toEqual([]);
  }, 30_000);
});
