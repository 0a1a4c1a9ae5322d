/**
 * The production server (`npm start`): Next.js, behind a guard on what may be
 * posted to a page (lib/security/page-bodies.mjs). A body declared larger than
 * the cap is answered 413 before a byte of it is read, one without a declared
 * length (chunked) 411, and the connection is closed: Next itself refuses
 * them only once it has received them whole. Browsers always declare the
 * length of what they post.
 */
import { createServer } from 'node:http';
import next from 'next';
import { pageBodyRefusal } from './lib/security/page-bodies.mjs';

const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  const refused = pageBodyRefusal(req.method ?? 'GET', req.url ?? '/', req.headers['content-length']);
  if (!refused) {
    void handle(req, res);
    return;
  }
  res.writeHead(refused.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(refused.message, () => req.socket.destroy());
}).listen(port, () => {
  console.log(`Ready on http://localhost:${port}`);
});
