/** The Outbox page's reading of the outbox folder: newest first. */
import 'server-only';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outboxDir, type OutboxEntry } from './send';

export function listOutbox(limit = 100): OutboxEntry[] | null {
  const dir = outboxDir();
  if (!dir) return null;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as OutboxEntry);
}

/** The action link of a message: the first http link of its plain text. */
export function firstLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}
