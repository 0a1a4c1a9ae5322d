/**
 * The production server (`npm start`): Next.js, behind what a load balancer
 * and an operator need.
 *
 * - What may be posted to a page (lib/security/page-bodies.mjs): a body
 *   declared larger than the cap is answered 413 before a byte of it is read,
 *   one without a declared length (chunked) 411, and the connection closed.
 *   Next itself refuses them only once it has received them whole.
 * - Logs: one JSON object per line, each with the request id of the request
 *   it belongs to (the client's `X-Request-Id` when it is a plausible one,
 *   else a new one, sent back in the answer's `X-Request-Id`), and a line per
 *   request with its status and time.
 * - SIGTERM (or SIGINT): the server stops taking connections and says it is
 *   not ready (/api/health/ready answers 503), finishes the requests in
 *   flight, then exits; after SHUTDOWN_GRACE_MS (25 s) it exits anyway.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { format } from 'node:util';
import next from 'next';
import { pageBodyRefusal } from './lib/security/page-bodies.mjs';

const port = Number(process.env.PORT ?? 3000);
const grace = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);

/** Read by /api/health/ready: the same flag, whoever holds globalThis. */
const DRAINING = Symbol.for('autopilot-portal.draining');

const requests = new AsyncLocalStorage();

for (const [method, level] of [['log', 'info'], ['info', 'info'], ['warn', 'warn'], ['error', 'error'], ['debug', 'debug']]) {
  console[method] = (...args) => {
    const requestId = requests.getStore()?.requestId;
    const line = { time: new Date().toISOString(), level, msg: format(...args), ...(requestId && { requestId }) };
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${JSON.stringify(line)}\n`);
  };
}

/** The client's request id, when it looks like one (letters, digits, dashes; at most 100), else a new one. */
function requestIdOf(req) {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
}

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const requestId = requestIdOf(req);
  const started = performance.now();
  res.setHeader('x-request-id', requestId);
  res.on('finish', () => {
    const ms = Math.round(performance.now() - started);
    requests.run({ requestId }, () => console.info('%s %s %d %dms', req.method, req.url?.split('?')[0], res.statusCode, ms));
  });
  if (globalThis[DRAINING]) res.setHeader('connection', 'close');
  requests.run({ requestId }, () => {
    const refused = pageBodyRefusal(req.method ?? 'GET', req.url ?? '/', req.headers['content-length']);
    if (!refused) {
      void handle(req, res);
      return;
    }
    res.writeHead(refused.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
    res.end(refused.message, () => req.socket.destroy());
  });
});

server.listen(port, () => console.info('Ready on http://localhost:%d', port));

function shutDown(signal) {
  if (globalThis[DRAINING]) return;
  globalThis[DRAINING] = true;
  console.info('%s: finishing the requests in flight, taking no more', signal);
  server.close(() => {
    console.info('Stopped');
    process.exit(0);
  });
  // Connections kept alive with no request in flight would hold close() open.
  server.closeIdleConnections();
  setTimeout(() => {
    console.warn('Stopped after %d ms with requests still in flight', grace);
    process.exit(1);
  }, grace).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
