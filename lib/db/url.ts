/**
 * Where the database is. The embedded default is a SQLite file under data/;
 * DATABASE_URL overrides it.
 */
export const DEFAULT_DATABASE_URL = 'file:./data/portal.db';

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The file path of a `file:` SQLite URL, relative to the working directory. */
export function sqliteFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`Not a SQLite file URL: ${url}`);
  return url.slice('file:'.length);
}
