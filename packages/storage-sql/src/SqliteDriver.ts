/**
 * The SQLite connection the store owns when it opens the database itself: one
 * better-sqlite3 handle shared by a Kysely dialect (for everything but the hot path) and
 * by a synchronous append that runs the whole transaction in one call without yielding
 * to the event loop. One {@link Lock} guards the handle, so the synchronous append can
 * never run inside a transaction Kysely has open on the same connection.
 *
 * The dialect also differs from Kysely's own `SqliteDialect` in two ways: it caches
 * prepared statements (Kysely prepares every query anew), and it begins transactions
 * with `BEGIN IMMEDIATE`, taking the write lock at once so two processes on one file
 * wait for each other (`busy_timeout`) instead of failing when a reader upgrades.
 *
 * No import of better-sqlite3 here: the handle is described structurally, like Kysely's
 * `SqliteDatabase`, so the root entry of the package loads without the driver.
 *
 * @module
 */
import type { EventStore, Outbox } from "@metodika/core"
import { DateTime } from "effect"
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely"
import { encodeJson, eventColumns } from "./Codec.ts"

/** A prepared statement of better-sqlite3, as far as the store uses it. */
export interface SqliteStatement {
  readonly reader: boolean
  all(...parameters: ReadonlyArray<unknown>): Array<unknown>
  get(...parameters: ReadonlyArray<unknown>): unknown
  run(...parameters: ReadonlyArray<unknown>): {
    readonly changes: number | bigint
    readonly lastInsertRowid: number | bigint
  }
  iterate(...parameters: ReadonlyArray<unknown>): IterableIterator<unknown>
  pluck(toggle?: boolean): SqliteStatement
}

/** A better-sqlite3 `Database`, as far as the store uses it. */
export interface SqliteHandle {
  prepare(sql: string): SqliteStatement
  exec(sql: string): unknown
  pragma(source: string, options?: { readonly simple?: boolean }): unknown
  close(): unknown
  readonly open: boolean
  readonly inTransaction: boolean
}

/**
 * A mutual-exclusion lock for the one connection. Taking it is synchronous when it is
 * free, so the hot path pays nothing when there is no contention; a release hands the
 * lock straight to the next waiter, so nobody can barge in between.
 */
export class Lock {
  #held = false
  readonly #waiters: Array<() => void> = []

  /** Takes the lock if it is free. */
  tryAcquire(): boolean {
    if (this.#held) return false
    this.#held = true
    return true
  }

  /**
   * Takes the lock, waiting for it if needed. When `signal` aborts before the lock is
   * handed over, the wait ends (the promise rejects with the signal's reason) and the
   * lock is never taken for it.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve()
    if (signal?.aborted === true) return Promise.reject(signal.reason)
    return new Promise((resolve, reject) => {
      const waiter = () => {
        signal?.removeEventListener("abort", abort)
        resolve()
      }
      const abort = () => {
        const i = this.#waiters.indexOf(waiter)
        if (i !== -1) this.#waiters.splice(i, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener("abort", abort, { once: true })
      this.#waiters.push(waiter)
    })
  }

  /** Gives the lock to the next waiter, or frees it. */
  release(): void {
    const next = this.#waiters.shift()
    if (next === undefined) this.#held = false
    else next()
  }
}

class StatementCache {
  readonly #handle: SqliteHandle
  readonly #capacity: number
  readonly #statements = new Map<string, SqliteStatement>()

  constructor(handle: SqliteHandle, capacity: number) {
    this.#handle = handle
    this.#capacity = capacity
  }

  get(sql: string): SqliteStatement {
    const cached = this.#statements.get(sql)
    if (cached !== undefined) return cached
    const statement = this.#handle.prepare(sql)
    if (this.#statements.size >= this.#capacity) {
      const oldest = this.#statements.keys().next()
      if (oldest.done !== true) this.#statements.delete(oldest.value)
    }
    this.#statements.set(sql, statement)
    return statement
  }
}

class CachedConnection implements DatabaseConnection {
  readonly #cache: StatementCache

  constructor(cache: StatementCache) {
    this.#cache = cache
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#cache.get(compiledQuery.sql)
    const parameters = compiledQuery.parameters
    if (statement.reader) return { rows: statement.all(...parameters) as Array<R> }
    const { changes, lastInsertRowid } = statement.run(...parameters)
    return {
      insertId: BigInt(lastInsertRowid),
      numAffectedRows: BigInt(changes),
      rows: [],
    }
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.#cache.get(compiledQuery.sql)
    for (const row of statement.iterate(...compiledQuery.parameters)) {
      yield { rows: [row as R] }
    }
  }
}

class LockedDriver implements Driver {
  readonly #connection: CachedConnection
  readonly #lock: Lock

  constructor(connection: CachedConnection, lock: Lock) {
    this.#connection = connection
    this.#lock = lock
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire()
    return this.#connection
  }

  async releaseConnection(): Promise<void> {
    this.#lock.release()
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("BEGIN IMMEDIATE"))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("COMMIT"))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("ROLLBACK"))
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT "${name}"`))
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO "${name}"`))
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`RELEASE "${name}"`))
  }

  // The handle is closed by whoever opened it (the layer's finalizer), after Kysely is done.
  async destroy(): Promise<void> {}
}

/** The connection is guarded by {@link Lock}, so Kysely's own mutex is not needed. */
class LockedAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/**
 * A Kysely dialect over one better-sqlite3 handle, guarded by `lock`, with a statement
 * cache of `cacheSize` entries and `BEGIN IMMEDIATE` transactions.
 */
export const makeDialect = (handle: SqliteHandle, lock: Lock, cacheSize = 256): Dialect => {
  const connection = new CachedConnection(new StatementCache(handle, cacheSize))
  return {
    createDriver: (): Driver => new LockedDriver(connection, lock),
    createQueryCompiler: (): QueryCompiler => new SqliteQueryCompiler(),
    createAdapter: (): DialectAdapter => new LockedAdapter(),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface declares Kysely<any>.
    createIntrospector: (db: Kysely<any>): DatabaseIntrospector => new SqliteIntrospector(db),
  }
}

/**
 * A synchronous append: the version check, the outbox rows and the events in one
 * `BEGIN IMMEDIATE` transaction (or, made with `nested`, one savepoint of the unit of
 * work's transaction already open on the connection). Returns the result, or
 * `undefined` when the stream is not at the expected version (the caller then finds out
 * why: a re-sent batch, a duplicate id or a conflict). A unique violation is thrown
 * after the rollback.
 * The caller must hold the connection's {@link Lock}.
 */
export type FastAppend = (
  request: EventStore.AppendRequest,
  now: number,
) => EventStore.AppendResult | undefined

/**
 * Prepares the statements of {@link FastAppend} (the tables must exist); `nested` makes
 * the append a savepoint inside a transaction the caller has open.
 */
export const makeFastAppend = (handle: SqliteHandle, nested = false): FastAppend => {
  const version = handle
    .prepare("SELECT coalesce(max(version), 0) FROM metodika_events WHERE stream_id = ?")
    .pluck(true)
  const insertEvent = handle.prepare(
    "INSERT INTO metodika_events (event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  )
  const insertMessage = handle.prepare(
    "INSERT INTO metodika_outbox (message_id, channel, recipient, payload, not_before, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (message_id) DO NOTHING",
  )
  const begin = handle.prepare(nested ? "SAVEPOINT metodika_append" : "BEGIN IMMEDIATE")
  const commit = handle.prepare(nested ? "RELEASE metodika_append" : "COMMIT")
  const undo = nested
    ? [handle.prepare("ROLLBACK TO metodika_append"), handle.prepare("RELEASE metodika_append")]
    : [handle.prepare("ROLLBACK")]

  const body = (request: EventStore.AppendRequest, now: number) => {
    if (version.get(request.streamId) !== request.expectedVersion) return undefined
    for (const m of request.outbox ?? []) insertMessage.run(...messageParameters(m, now))
    const positions: Array<number> = new Array(request.events.length)
    for (let i = 0; i < request.events.length; i++) {
      const e = request.events[i]!
      const { lastInsertRowid } = insertEvent.run(
        e.id,
        request.streamId,
        request.streamType,
        request.expectedVersion + i + 1,
        e.type,
        encodeJson(e.data),
        encodeJson(e.metadata),
        now,
      )
      positions[i] = Number(lastInsertRowid)
    }
    const result: EventStore.AppendResult = {
      streamId: request.streamId,
      version: request.expectedVersion + request.events.length,
      positions,
    }
    return result
  }

  return (request, now) => {
    // A savepoint outside a transaction would start one of its own and commit on release.
    if (nested && !handle.inTransaction) {
      throw new Error("a nested append needs the unit of work's transaction open")
    }
    // One event and no message is one INSERT after the check: a statement that fails is
    // undone by SQLite itself, so inside the unit's transaction it needs no savepoint.
    if (nested && request.events.length === 1 && (request.outbox?.length ?? 0) === 0) {
      return body(request, now)
    }
    begin.run()
    try {
      const result = body(request, now)
      commit.run()
      return result
    } catch (error) {
      if (handle.inTransaction) for (const statement of undo) statement.run()
      throw error
    }
  }
}

/**
 * A synchronous read of one stream's rows, in version order, through a prepared
 * statement. The caller must hold the connection's {@link Lock}.
 */
export type FastReadStream = (streamId: string) => ReadonlyArray<unknown>

/** Prepares the statement of {@link FastReadStream} (the tables must exist). */
export const makeFastReadStream = (handle: SqliteHandle): FastReadStream => {
  const select = handle.prepare(
    `SELECT ${eventColumns.join(", ")} FROM metodika_events WHERE stream_id = ? ORDER BY version`,
  )
  return (streamId) => select.all(streamId)
}

/** The column values of one new outbox message, in the order of the insert statements. */
export const messageParameters = (
  m: Outbox.NewOutboxMessage,
  now: number,
): [string, string, string, string, number | null, number, number] => {
  const notBefore = m.notBefore === undefined ? null : DateTime.toEpochMillis(m.notBefore)
  return [m.id, m.channel, m.recipient, encodeJson(m.payload), notBefore, notBefore ?? now, now]
}
