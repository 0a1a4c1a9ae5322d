/**
 * What an attacker tried against the server actions' body cap, replayed on
 * the wire against the production server (server.mjs): a body declared larger
 * than the cap is refused before it is sent, one whose length is not declared
 * (chunked) at once too, and the portal goes on serving.
 */
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';

const MiB = 1024 * 1024;

/** Sends the head of a request, then `body` until the server answers; returns the status line and how much of the body went out. */
function postRaw(baseURL: string, headers: string[], body: { chunked: boolean; bytes: number }): Promise<{ status: string; sent: number }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let sent = 0;
    let answer = '';
    let answered = false;
    socket.setTimeout(30_000, () => reject(new Error('no answer in 30 s')));
    socket.on('error', (error) => (answered ? undefined : reject(error)));
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (!answered && answer.includes('\r\n')) {
        answered = true;
        resolve({ status: answer.slice(0, answer.indexOf('\r\n')), sent });
        socket.destroy();
      }
    });
    socket.on('connect', () => {
      socket.write(`POST /sign-in HTTP/1.1\r\nHost: ${url.host}\r\n${headers.join('\r\n')}\r\n\r\n`);
      const chunk = Buffer.alloc(MiB, 'a');
      const pump = () => {
        while (!answered && sent < body.bytes) {
          const piece = body.chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
          sent += chunk.length;
          if (!socket.write(piece)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      // Give the server the head alone first: a refusal needs nothing more.
      setTimeout(pump, 500);
    });
  });
}

test('a server action declaring more than the cap is refused with 413 before its body is read', async ({ baseURL, request }) => {
  const { status, sent } = await postRaw(
    baseURL!,
    ['Next-Action: 0000000000000000000000000000000000000000', 'Content-Type: text/plain;charset=UTF-8', `Content-Length: ${256 * MiB}`],
    { chunked: false, bytes: 256 * MiB },
  );
  expect(status).toBe('HTTP/1.1 413 Payload Too Large');
  expect(sent).toBeLessThan(64 * MiB);
  expect((await request.get('/sign-in')).ok()).toBe(true);
});

test('a server action that does not declare its length (chunked) is refused with 411 at once', async ({ baseURL, request }) => {
  const { status, sent } = await postRaw(
    baseURL!,
    ['Next-Action: 0000000000000000000000000000000000000000', 'Content-Type: text/plain;charset=UTF-8', 'Transfer-Encoding: chunked'],
    { chunked: true, bytes: 256 * MiB },
  );
  expect(status).toBe('HTTP/1.1 411 Length Required');
  expect(sent).toBeLessThan(64 * MiB);
  expect((await request.get('/sign-in')).ok()).toBe(true);
});

test('a form posted to a page without JavaScript, within the cap, is not refused by the cap', async ({ request }) => {
  const response = await request.post('/sign-in', { multipart: { email: 'nobody@example.com' } });
  expect([411, 413]).not.toContain(response.status());
});
