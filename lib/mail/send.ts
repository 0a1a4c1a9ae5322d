/**
 * Sending the portal's mail: over SMTP when SMTP_URL names a server (TLS as
 * its address says: smtps:// from the start, smtp:// with STARTTLS when the
 * server offers it); else, for the demo and development, written to an
 * outbox folder (MAIL_OUTBOX, or data/outbox outside production) as an .eml
 * file with a small .json beside it for the Outbox page. In production with
 * neither, nothing is sent, and the caller says so.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { MailContent } from './messages';

export type MailOutcome = { sent: true; via: 'smtp' | 'outbox' } | { sent: false; reason: 'not-configured' | 'failed' };

/** What the Outbox page shows of a message. */
export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  at: string;
  text: string;
}

/** The outbox folder in use, or null when mail goes to a server or nowhere. */
export function outboxDir(): string | null {
  const { SMTP_URL, MAIL_OUTBOX, NODE_ENV } = env();
  if (SMTP_URL) return null;
  if (MAIL_OUTBOX) return resolve(/*turbopackIgnore: true*/ process.cwd(), MAIL_OUTBOX);
  return NODE_ENV === 'production' ? null : resolve(/*turbopackIgnore: true*/ process.cwd(), 'data', 'outbox');
}

/**
 * Whether the portal can send mail at all. Features that only work by mail
 * (inviting people, resetting a password) are refused without it, with the
 * reason, rather than half done.
 */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL) || outboxDir() !== null;
}

/** For those features: AppError('NOT_SUPPORTED', reason 'mail-not-configured') when no mail can be sent. */
export function requireMail(): void {
  if (!mailConfigured()) throw new AppError('NOT_SUPPORTED', 'The portal has no mail server (SMTP_URL is not set), so this cannot be done.', { reason: 'mail-not-configured' });
}

const transports = new Map<string, Transporter>();

function smtp(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) transports.set(url, (transport = nodemailer.createTransport(url)));
  return transport;
}

/** Sends one message; never throws for the mail's sake (the caller's work is done and stays done). */
export async function sendMail(to: string, content: MailContent): Promise<MailOutcome> {
  const { SMTP_URL, MAIL_FROM } = env();
  const message = { from: MAIL_FROM, to, subject: content.subject, text: content.text, html: content.html };
  try {
    if (SMTP_URL) {
      await smtp(SMTP_URL).sendMail(message);
      return { sent: true, via: 'smtp' };
    }
    const dir = outboxDir();
    if (!dir) return { sent: false, reason: 'not-configured' };
    const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }).sendMail(message);
    const at = new Date();
    const id = `${at.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id}.eml`), built.message as Buffer);
    const entry: OutboxEntry = { id, to, subject: content.subject, at: at.toISOString(), text: content.text };
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(entry));
    return { sent: true, via: 'outbox' };
  } catch (error) {
    console.error('The mail could not be sent.', error);
    return { sent: false, reason: 'failed' };
  }
}
