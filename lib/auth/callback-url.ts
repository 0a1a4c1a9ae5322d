/** Where to go after signing in or up: a path of the portal itself, never another site. */
export function safeCallbackUrl(value: unknown): string {
  const url = typeof value === 'string' ? value : '';
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}
