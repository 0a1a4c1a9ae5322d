/**
 * The portal's public address, for links that leave it (emails, the
 * relationship link): PORTAL_URL, or the address the request came to
 * (through a proxy only when TRUST_PROXY says so).
 */
import 'server-only';
import { headers } from 'next/headers';
import { requestFacts } from '@/lib/auth/request-origin';
import { env } from '@/lib/env';

export async function portalOrigin(): Promise<string> {
  const { PORTAL_URL, TRUST_PROXY } = env();
  if (PORTAL_URL) return PORTAL_URL;
  const { proto, host } = requestFacts(await headers(), TRUST_PROXY);
  return `${proto}://${host ?? 'localhost:3000'}`;
}
