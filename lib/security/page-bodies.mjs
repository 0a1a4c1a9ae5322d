/**
 * What a browser may post to a page (a server action, or a form posted
 * without JavaScript): a declared length of at most PAGE_BODY_LIMIT bytes.
 * Plain JavaScript, so that the production server (server.mjs) runs it
 * without the bundler; the types are in page-bodies.d.mts.
 */

/** An upload of 500 devices in UTF-16 is about 4.1 MB; the validator's own cap is 8 MiB. */
export const PAGE_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * Why a request's body is refused before it is read, or null. The REST API
 * (`/api/`) reads its bodies itself, with its own cap, whatever their framing.
 */
export function pageBodyRefusal(method, url, contentLength) {
  if (method !== 'POST' || url.startsWith('/api/')) return null;
  if (contentLength === undefined) {
    return { status: 411, message: 'A request to a page must declare its length (Content-Length).' };
  }
  if (!/^[0-9]{1,15}$/.test(contentLength) || Number(contentLength) > PAGE_BODY_LIMIT) {
    return { status: 413, message: `The request is larger than the ${PAGE_BODY_LIMIT / 1024 / 1024} MiB a page accepts.` };
  }
  return null;
}
