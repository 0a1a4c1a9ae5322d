/**
 * Reads the TXT records an organisation publishes to prove it holds its
 * domain. Asks the servers DNS_RESOLVER names (a test's own server, or a
 * resolver the install trusts), or else the system's; never caches.
 * Server-side (node:dns). No `server-only` marker: the operator's command
 * runs it too.
 */
import { Resolver } from 'node:dns/promises';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** How long one try waits for an answer, and how many tries: about 3 s in all (the second try waits twice as long). */
export const DNS_TIMEOUT_MS = 1000;
export const DNS_TRIES = 2;

/** The name exists without TXT records, or does not exist: no record, not a failure. */
const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND']);

/**
 * The TXT values at `name`, each joined from its strings (a value longer
 * than 255 bytes comes in several); [] when there are none or the name does
 * not exist. AppError('CONFLICT', reason 'dns-unavailable') when no server
 * answers, or answers with a failure: nothing can be concluded then.
 */
export async function readTxtRecords(name: string, options: { timeoutMs?: number; tries?: number } = {}): Promise<string[]> {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? DNS_TIMEOUT_MS, tries: options.tries ?? DNS_TRIES });
  const servers = env().DNS_RESOLVER;
  if (servers) resolver.setServers([...servers]);
  try {
    const records = await resolver.resolveTxt(name);
    // Node gives each byte as one character: the value's bytes are read again as UTF-8, once joined.
    return records.map((chunks) => Buffer.from(chunks.join(''), 'latin1').toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && NO_RECORD.has(code)) return [];
    throw new AppError('CONFLICT', `The DNS could not be asked for ${name} (${code ?? 'error'}); try again in a few minutes.`, { reason: 'dns-unavailable' });
  } finally {
    resolver.cancel();
  }
}
