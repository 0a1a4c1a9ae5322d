/**
 * Runs before every page: a fresh nonce and the page's
 * Content-Security-Policy (lib/security/headers.ts), set on the request (so
 * that Next gives its scripts the nonce) and on the answer; HSTS when the
 * answer goes out over HTTPS; and no caching of pages that may show someone's
 * data.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';

/** Over HTTPS: the request's own scheme, or, behind a proxy the portal trusts (TRUST_PROXY), the scheme it forwarded. */
function overHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === 'https:') return true;
  const trusted = process.env.TRUST_PROXY === 'true' || process.env.TRUST_PROXY === '1';
  return trusted && request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = overHttps(request);
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  response.headers.set('cache-control', 'no-store');
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Pages only: the API, Next's static files and the public files need no nonce.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon\\.ico|autopilot-devices-sample\\.csv).*)' }],
};
