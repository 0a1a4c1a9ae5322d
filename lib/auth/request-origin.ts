/**
 * Where a request came from and to which address, as far as it can be
 * trusted. X-Forwarded-Host, -Proto and -For are believed only when
 * TRUST_PROXY says a proxy in front of the portal sets them (and so no
 * client can); otherwise the Host header and the connection's own address.
 */
export interface RequestFacts {
  host: string | null;
  proto: 'http' | 'https';
  /** The client's address: the one the trusted proxy saw, or the connection's. */
  clientAddress: string | null;
}

const first = (value: string | null) => value?.split(',')[0]?.trim() || null;
const last = (value: string | null) => value?.split(',').at(-1)?.trim() || null;

export function requestFacts(headers: Headers, trustProxy: boolean): RequestFacts {
  if (trustProxy) {
    return {
      host: first(headers.get('x-forwarded-host')) ?? headers.get('host'),
      proto: first(headers.get('x-forwarded-proto')) === 'https' ? 'https' : 'http',
      // The proxy appends the address it saw: the last entry is the one it vouches for.
      clientAddress: last(headers.get('x-forwarded-for')),
    };
  }
  return {
    host: headers.get('host'),
    proto: 'http',
    // Without a proxy, the server records the connection's address here unless the client already
    // sent the header; the right-most entry is the least under the client's control.
    clientAddress: last(headers.get('x-forwarded-for')),
  };
}

/** Whether a request's Origin header names the portal's own address (for a state-changing request). */
export function isSameOrigin(headers: Headers, trustProxy: boolean, portalUrl?: string): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  if (portalUrl) return from.origin === new URL(portalUrl).origin;
  const { host } = requestFacts(headers, trustProxy);
  return host !== null && from.host === host;
}
