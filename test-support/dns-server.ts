/**
 * A small authoritative DNS server over UDP for tests: it answers TXT
 * queries from records the test sets, NXDOMAIN for names it does not hold,
 * and nothing else. The portal's real resolver (lib/domains/dns.ts) asks it
 * when DNS_RESOLVER names its address.
 *
 *   const dns = await startDnsServer();
 *   process.env.DNS_RESOLVER = dns.address;          // 127.0.0.1:<port>
 *   dns.setTxt('_autopilot-portal.fabrikam.example', ['autopilot-portal-verification=…']);
 *   await dns.close();
 *
 * Also a program, for the browser tests:
 *
 *   DNS_TEST_PORT=5353 DNS_TEST_RECORDS=data/dns-records.json tsx test-support/dns-server.ts
 *
 * DNS_TEST_RECORDS is a JSON file mapping names to lists of values, read
 * again on every query: a test adds a record by writing it (writeTxtRecord).
 *
 * Packets (RFC 1035): one question; answers point back at the question's
 * name (compression pointer 0xC00C), so nothing else is compressed. An EDNS
 * OPT record in the query (RFC 6891) is answered with one. An answer too big
 * for the client's UDP size (512 bytes without EDNS) is sent truncated (TC)
 * and empty, and the client asks again over TCP, on the same port.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A TXT value: one string (cut into 255-byte chunks as needed), or its chunks as they should go on the wire. */
export type TxtValue = string | readonly string[];

/** Names (case-insensitive, trailing dot optional) and their TXT values. */
export type TxtRecords = Record<string, readonly TxtValue[]>;

/** How the server behaves: answer, answer every query SERVFAIL, or never answer. */
export type DnsServerMode = 'answer' | 'servfail' | 'silent';

export interface DnsServer {
  /** `127.0.0.1:<port>`, as DNS_RESOLVER takes it. */
  readonly address: string;
  readonly port: number;
  /** Replaces the name's TXT values; an empty list removes the name. */
  setTxt(name: string, values: readonly TxtValue[]): void;
  setMode(mode: DnsServerMode): void;
  /** The queries received, as `<name> <type number>`, oldest first. */
  readonly queries: readonly string[];
  close(): Promise<void>;
}

const TYPE_TXT = 16;
const TYPE_OPT = 41;
const CLASS_IN = 1;
const RCODE = { noError: 0, formErr: 1, servFail: 2, nxDomain: 3, notImp: 4 } as const;
/** The UDP payload this server says it can take, in its own OPT records. */
const OUR_UDP_SIZE = 1232;

const keyOf = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

class Malformed extends Error {}

/** The question: the name (lower case, no trailing dot), its type and class, where it ends, its raw bytes. */
function readQuestion(packet: Buffer): { name: string; type: number; klass: number; end: number } {
  const labels: string[] = [];
  let at = 12;
  for (;;) {
    const length = packet[at];
    if (length === undefined) throw new Malformed('name runs past the packet');
    at += 1;
    if (length === 0) break;
    // A query's name is never compressed.
    if (length > 63) throw new Malformed('compressed or oversized label in the question');
    if (at + length > packet.length) throw new Malformed('label runs past the packet');
    labels.push(packet.subarray(at, at + length).toString('latin1'));
    at += length;
  }
  if (at + 4 > packet.length) throw new Malformed('question runs past the packet');
  return { name: keyOf(labels.join('.')), type: packet.readUInt16BE(at), klass: packet.readUInt16BE(at + 2), end: at + 4 };
}

/** The client's UDP size from an OPT record just after the question, or null without one. */
function ednsSize(packet: Buffer, at: number): number | null {
  if (packet.readUInt16BE(10) === 0 || at + 11 > packet.length || packet[at] !== 0) return null;
  if (packet.readUInt16BE(at + 1) !== TYPE_OPT) return null;
  return Math.max(512, packet.readUInt16BE(at + 3));
}

function chunksOf(value: TxtValue): Buffer[] {
  if (typeof value !== 'string') return value.map((chunk) => Buffer.from(chunk, 'utf8'));
  const bytes = Buffer.from(value, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255));
  return chunks.length > 0 ? chunks : [Buffer.alloc(0)];
}

function txtAnswer(value: TxtValue): Buffer {
  const rdata = Buffer.concat(
    chunksOf(value).map((chunk) => {
      if (chunk.length > 255) throw new RangeError('a TXT chunk holds 255 bytes at most');
      return Buffer.concat([Buffer.from([chunk.length]), chunk]);
    }),
  );
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0); // the question's name
  fixed.writeUInt16BE(TYPE_TXT, 2);
  fixed.writeUInt16BE(CLASS_IN, 4);
  fixed.writeUInt32BE(0, 6); // TTL 0: nothing is cached between tests
  fixed.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([fixed, rdata]);
}

function optRecord(): Buffer {
  const opt = Buffer.alloc(11);
  opt.writeUInt16BE(TYPE_OPT, 1);
  opt.writeUInt16BE(OUR_UDP_SIZE, 3);
  return opt;
}

type LookUp = (name: string) => readonly TxtValue[] | 'exists' | null;

/** The answer to one query packet, or null to drop it (too short to answer). Over TCP, answers are not cut. */
export function answer(packet: Buffer, lookUp: LookUp, mode: DnsServerMode = 'answer', transport: 'udp' | 'tcp' = 'udp'): Buffer | null {
  if (packet.length < 12 || mode === 'silent') return null;
  const flags = packet.readUInt16BE(2);
  if (flags & 0x8000) return null; // a response, not a query
  const opcode = (flags >> 11) & 0xf;
  const header = (rcode: number, counts: { qd: number; an: number; ar: number }, truncated = false) => {
    const h = Buffer.alloc(12);
    packet.copy(h, 0, 0, 2);
    // QR, the query's opcode, AA, TC when cut, its RD; RA is not offered.
    h.writeUInt16BE(0x8000 | (opcode << 11) | 0x0400 | (truncated ? 0x0200 : 0) | (flags & 0x0100) | rcode, 2);
    h.writeUInt16BE(counts.qd, 4);
    h.writeUInt16BE(counts.an, 6);
    h.writeUInt16BE(counts.ar, 10);
    return h;
  };
  if (opcode !== 0) return header(RCODE.notImp, { qd: 0, an: 0, ar: 0 });
  let question: ReturnType<typeof readQuestion>;
  try {
    if (packet.readUInt16BE(4) !== 1) throw new Malformed('one question expected');
    question = readQuestion(packet);
  } catch (error) {
    if (error instanceof Malformed) return header(RCODE.formErr, { qd: 0, an: 0, ar: 0 });
    throw error;
  }
  const questionBytes = packet.subarray(12, question.end);
  const size = ednsSize(packet, question.end);
  const opt = size === null ? [] : [optRecord()];
  const reply = (rcode: number, answers: Buffer[]) => {
    const full = Buffer.concat([header(rcode, { qd: 1, an: answers.length, ar: opt.length }), questionBytes, ...answers, ...opt]);
    if (transport === 'tcp' ? full.length <= 0xffff : full.length <= (size ?? 512)) return full;
    return Buffer.concat([header(rcode, { qd: 1, an: 0, ar: opt.length }, true), questionBytes, ...opt]);
  };
  if (mode === 'servfail') return reply(RCODE.servFail, []);
  if (question.klass !== CLASS_IN) return reply(RCODE.notImp, []);
  const found = lookUp(question.name);
  if (found === null) return reply(RCODE.nxDomain, []);
  // The name exists (it holds records, or names below it do): no TXT, or not a TXT question, is "no data".
  if (found === 'exists' || question.type !== TYPE_TXT) return reply(RCODE.noError, []);
  return reply(RCODE.noError, found.map(txtAnswer));
}

/** Looks a name up in records: its values, 'exists' for a name only others lie under, or null. */
function lookUpIn(records: ReadonlyMap<string, readonly TxtValue[]>, name: string): readonly TxtValue[] | 'exists' | null {
  const values = records.get(name);
  if (values) return values;
  for (const key of records.keys()) if (key.endsWith(`.${name}`)) return 'exists';
  return null;
}

function readRecordsFile(file: string): Map<string, readonly TxtValue[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: a JSON object of names and lists of values expected`);
  const records = new Map<string, readonly TxtValue[]>();
  for (const [name, values] of Object.entries(parsed)) {
    const valid = Array.isArray(values) && values.every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((c) => typeof c === 'string')));
    if (!valid) throw new Error(`${file}: ${name} must list strings`);
    if (values.length > 0) records.set(keyOf(name), values);
  }
  return records;
}

/** The answer to a packet as the server gives it: the query logged, a records file that cannot be read heard as SERVFAIL. */
function respond(packet: Buffer, lookUp: LookUp, mode: DnsServerMode, transport: 'udp' | 'tcp', queries: string[]): Buffer | null {
  try {
    if (packet.length >= 12 && packet.readUInt16BE(4) === 1) {
      const q = readQuestion(packet);
      queries.push(`${q.name} ${q.type}`);
    }
  } catch {
    // Malformed: answer() says so.
  }
  try {
    return answer(packet, lookUp, mode, transport);
  } catch (error) {
    // The client hears SERVFAIL, the person running the tests why.
    process.stderr.write(`dns-server: ${error instanceof Error ? error.message : String(error)}\n`);
    return answer(packet, lookUp, 'servfail', transport);
  }
}

/** TCP: each message, either way, preceded by its length in two bytes. The connections open are kept in `open`. */
function tcpServer(handle: (packet: Buffer) => Buffer | null, open: Set<TcpSocket>): Server {
  return createServer((connection) => {
    open.add(connection);
    connection.on('close', () => open.delete(connection));
    connection.on('error', () => connection.destroy());
    let pending = Buffer.alloc(0);
    connection.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const packet = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + packet.length);
        const reply = handle(packet);
        if (reply) {
          const length = Buffer.alloc(2);
          length.writeUInt16BE(reply.length);
          connection.write(Buffer.concat([length, reply]));
        }
      }
    });
  });
}

function bindUdp(socket: Socket, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
}

function listenTcp(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A UDP socket on `port` (or one the system picks) and the TCP server on the same port; a picked port taken for TCP is picked again. */
async function bindBoth(server: Server, port: number | undefined): Promise<Socket> {
  for (let attempt = 1; ; attempt++) {
    const socket = createSocket('udp4');
    await bindUdp(socket, port ?? 0);
    try {
      await listenTcp(server, socket.address().port);
      return socket;
    } catch (error) {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
      if (port !== undefined || attempt >= 5) throw error;
    }
  }
}

/**
 * Starts the server on 127.0.0.1, UDP and TCP, on `port` or one the system
 * picks. With `recordsFile`, the file's records are read on every query,
 * after those set with setTxt.
 */
export async function startDnsServer(options: { port?: number; recordsFile?: string } = {}): Promise<DnsServer> {
  const records = new Map<string, readonly TxtValue[]>();
  const queries: string[] = [];
  let mode: DnsServerMode = 'answer';

  const lookUp: LookUp = (name) => {
    const own = lookUpIn(records, name);
    if (own !== null || !options.recordsFile) return own;
    return lookUpIn(readRecordsFile(options.recordsFile), name);
  };

  const connections = new Set<TcpSocket>();
  const server = tcpServer((packet) => respond(packet, lookUp, mode, 'tcp', queries), connections);
  const socket = await bindBoth(server, options.port);
  socket.on('message', (packet: Buffer, from: RemoteInfo) => {
    const reply = respond(packet, lookUp, mode, 'udp', queries);
    if (reply) socket.send(reply, from.port, from.address);
  });
  const port = socket.address().port;
  let closed: Promise<void> | null = null;

  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    setTxt(name, values) {
      if (values.length === 0) records.delete(keyOf(name));
      else records.set(keyOf(name), [...values]);
    },
    setMode(next) {
      mode = next;
    },
    close() {
      closed ??= Promise.all([
        new Promise<void>((resolve) => socket.close(() => resolve())),
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const connection of connections) connection.destroy();
        }),
      ]).then(() => undefined);
      return closed;
    },
  };
}

/** Adds (or, with no values, removes) a name's TXT values in a records file the program reads; written whole, then renamed into place. */
export function writeTxtRecord(file: string, name: string, values: readonly TxtValue[]): void {
  const records = Object.fromEntries(readRecordsFile(file));
  if (values.length === 0) delete records[keyOf(name)];
  else records[keyOf(name)] = [...values];
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(records, null, 2)}\n`);
  renameSync(temporary, file);
}

async function main(): Promise<void> {
  const port = Number(process.env.DNS_TEST_PORT ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('DNS_TEST_PORT must be a port number');
  const server = await startDnsServer({ port, recordsFile: process.env.DNS_TEST_RECORDS || undefined });
  process.stdout.write(`DNS server listening on ${server.address}${process.env.DNS_TEST_RECORDS ? `, records from ${process.env.DNS_TEST_RECORDS}` : ''}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`dns-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
