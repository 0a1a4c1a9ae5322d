/**
 * Where to go after signing in or up: a path of the portal itself, never
 * another site. The value is parsed as a browser would parse it, against a
 * stand-in for the portal's own origin (backslashes, tabs and newlines,
 * percent-encodings and dot segments all resolved), and kept only if it
 * stays on that origin; what is given back is the parsed path, which a
 * browser cannot read as another host.
 */
const OWN = 'https://portal.invalid';

export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return '/';
  // Control characters (tabs and newlines among them) are dropped by browsers: refuse them outright.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, OWN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path beginning with two slashes is read as another host ("//evil.example").
  return path.startsWith('//') ? '/' : path;
}
