/**
 * How the process talks to its SQLite file: two connections, so that what a
 * transaction has not committed is seen by nobody else, and a transaction
 * never makes readers wait.
 *
 * Prisma's better-sqlite3 adapter holds one connection. Its transactions take
 * a lock, but its other statements do not: while one request's transaction
 * awaits between statements, another request's query runs on the same
 * connection, inside that transaction. It reads rows that may never be
 * committed, and its writes are rolled back with someone else's transaction.
 *
 * Here, every write, and every transaction from its BEGIN to its COMMIT or
 * ROLLBACK, goes through one writer connection, one at a time in arrival
 * order. A plain SELECT outside a transaction goes to a second connection:
 * in WAL mode it reads the last committed state, without waiting for a
 * transaction that is in progress. Between two statements of a transaction,
 * the requests that are waiting get their turn.
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** One holder at a time, in the order they asked. */
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves when the lock is held, with the function that gives it back. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return held;
  }

  async with<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const READ = /^\s*SELECT\b/i;

/**
 * Lets the event loop serve what is waiting (a page being read) before a
 * transaction's next statement. better-sqlite3 runs each statement on the one
 * Node.js thread and answers at once, so without this a transaction's
 * statements run back to back and a large one holds every other request until
 * it commits.
 */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A transaction that gives the writer back when it ends. */
class LockedTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options;
  readonly #inner: Transaction;
  readonly #release: () => void;

  constructor(inner: Transaction, release: () => void) {
    this.#inner = inner;
    this.#release = release;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    await letOthersRun();
    return this.#inner.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    await letOthersRun();
    return this.#inner.executeRaw(query);
  }

  async commit(): Promise<void> {
    try {
      await this.#inner.commit();
    } finally {
      this.#release();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.#inner.rollback();
    } finally {
      this.#release();
    }
  }

  createSavepoint(name: string): Promise<void> {
    return this.#inner.createSavepoint ? this.#inner.createSavepoint(name) : this.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] }).then(() => undefined);
  }

  rollbackToSavepoint(name: string): Promise<void> {
    return this.#inner.rollbackToSavepoint
      ? this.#inner.rollbackToSavepoint(name)
      : this.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] }).then(() => undefined);
  }

  releaseSavepoint(name: string): Promise<void> {
    return this.#inner.releaseSavepoint
      ? this.#inner.releaseSavepoint(name)
      : this.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] }).then(() => undefined);
  }
}

class TwoConnectionAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly #writer: SqlDriverAdapter;
  readonly #reader: SqlDriverAdapter | null;
  readonly #lock = new Lock();

  constructor(writer: SqlDriverAdapter, reader: SqlDriverAdapter | null) {
    this.#writer = writer;
    this.#reader = reader;
    this.provider = writer.provider;
    this.adapterName = writer.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (this.#reader && READ.test(query.sql)) return this.#reader.queryRaw(query);
    return this.#lock.with(() => this.#writer.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#lock.with(() => this.#writer.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#lock.with(() => this.#writer.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      return new LockedTransaction(await this.#writer.startTransaction(isolationLevel), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  getConnectionInfo() {
    return this.#writer.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  async dispose(): Promise<void> {
    await Promise.all([this.#writer.dispose(), this.#reader?.dispose()]);
  }
}

/** The adapter factory for a SQLite URL (`file:…`, or `:memory:`, which has one connection: a second would be another database). */
export class SqliteAdapter implements SqlDriverAdapterFactory {
  readonly provider = 'sqlite';
  readonly adapterName = '@prisma/adapter-better-sqlite3';
  readonly #url: string;

  constructor(url: string) {
    this.#url = url;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const writer = await new PrismaBetterSqlite3({ url: this.#url }).connect();
    // In WAL mode a commit need not wait for the disk: the log is synced at checkpoints. A crash of
    // the process loses nothing committed; a power cut may lose the last commits, never corrupts.
    await writer.executeScript('PRAGMA synchronous = NORMAL');
    const inMemory = this.#url === ':memory:' || this.#url === 'file::memory:';
    const reader = inMemory ? null : await new PrismaBetterSqlite3({ url: this.#url, readonly: true }).connect();
    return new TwoConnectionAdapter(writer, reader);
  }
}
