/**
 * Where the database is. The embedded default is a SQLite file under data/;
 * DATABASE_URL overrides it, with another file or a PostgreSQL server
 * (validated with the other settings in lib/env.ts).
 */
// Relative, not '@/': prisma.config.ts loads this file outside the bundler.
import { env } from '../env';

export { DEFAULT_DATABASE_URL } from '../env';

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

/** The file path of a `file:` SQLite URL, relative to the working directory. */
export function sqliteFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`Not a SQLite file URL: ${url}`);
  return url.slice('file:'.length);
}

export type Engine = 'sqlite' | 'postgresql';

/** Which engine a database URL names: `postgres://` or `postgresql://` is PostgreSQL, `file:` SQLite. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}
