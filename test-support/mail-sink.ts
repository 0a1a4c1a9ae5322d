/**
 * A real SMTP server for the end-to-end tests (smtp-server on localhost,
 * plain SMTP without TLS or authentication, as a local relay would be): the
 * portal sends every message to it, as in production, and the tests read
 * what arrived over a small HTTP interface.
 *
 *   GET /messages            every message received, newest first
 *   GET /messages?to=<addr>  those addressed to <addr>
 *
 * Each message: { to: string[], subject, text, html, at }. Run as a program
 * (Playwright starts it): E2E_SMTP_PORT and E2E_MAIL_HTTP_PORT.
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  at: string;
}

export async function startMailSink(ports: { smtp: number; http: number }): Promise<{ smtpPort: number; httpPort: number; messages: ReceivedMail[]; close(): Promise<void> }> {
  const messages: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.unshift({
            // The envelope's recipients: who the message was really sent to.
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            at: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(ports.smtp, '127.0.0.1', resolve));
  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
      return;
    }
    response.writeHead(url.pathname === '/' ? 200 : 404).end();
  });
  await new Promise<void>((resolve) => http.listen(ports.http, '127.0.0.1', resolve));
  const portOf = (address: ReturnType<Server['address']>) => (typeof address === 'object' && address ? address.port : 0);
  return {
    smtpPort: portOf(smtp.server.address()),
    httpPort: portOf(http.address()),
    messages,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await startMailSink({ smtp: Number(process.env.E2E_SMTP_PORT ?? 2525), http: Number(process.env.E2E_MAIL_HTTP_PORT ?? 2580) });
}
