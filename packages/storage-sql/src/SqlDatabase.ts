/**
 * The database the SQL store runs on: a Kysely instance over the store's tables, the
 * dialect, and (when the store opened a SQLite file itself) the handle of its one
 * connection for the synchronous hot path. `SqlEventStore`, `SqlOutbox` and
 * `Projection` are all built from this service; the entry points `sqlite` and
 * `postgres` provide it.
 *
 * @module
 */
import type { EventStore } from "@metodika/core"
import { Context, Effect } from "effect"
import { CompiledQuery, type Kysely } from "kysely"
import * as Errors from "./Errors.ts"
import type { PgPool } from "./PostgresDriver.ts"
import type { Dialect, MetodikaDatabase } from "./Schema.ts"
import type { FastAppend, FastReadStream, Lock, SqliteHandle } from "./SqliteDriver.ts"

/** The SQLite connection the store owns: the handle, its lock, and the hot-path append. */
export interface OwnedSqlite {
  readonly handle: SqliteHandle
  readonly lock: Lock
  /**
   * Prepared on first use, once the tables exist: its own `BEGIN IMMEDIATE` transaction,
   * or a savepoint when the store's database is bound to a unit of work.
   */
  readonly fastAppend: () => FastAppend
  /** Prepared on first use, once the tables exist: a stream's rows, synchronously. */
  readonly fastReadStream: () => FastReadStream
}

/** What the SQL store needs of a database. */
export interface SqlDatabaseShape {
  readonly dialect: Dialect
  /** The Kysely instance (owned by the store, or the integrator's own). */
  readonly kysely: Kysely<MetodikaDatabase>
  /** Present when the store opened the SQLite database itself (see `SqliteDriver`). */
  readonly ownedSqlite?: OwnedSqlite
  /** Present when the store created the pg pool itself (see `PostgresDriver`). */
  readonly ownedPostgres?: OwnedPostgres
  /**
   * Present inside a unit of work (see `SqlUnitOfWork`): `kysely` is then bound to the
   * one connection the unit holds, inside its database transaction, and what would be a
   * transaction of its own is a savepoint of the unit's.
   */
  readonly unit?: UnitConnection
}

/** The connection a unit of work holds, shared by everything that runs inside the unit. */
export interface UnitConnection {
  /**
   * Serialises the unit's own fibers on the connection: every statement or savepoint of
   * the unit runs holding it, and so do the commit and the rollback, which therefore wait
   * for the one in progress.
   */
  readonly lock: Lock
  /** Numbers the savepoints of the connection, so nested names never clash. */
  readonly names: { next: number }
  /** Set once the unit commits or rolls back: its services refuse to run after that. */
  closed: boolean
}

/** Fails what is asked of a unit's services after the unit has committed or rolled back. */
export const ensureOpen = (unit: UnitConnection): void => {
  if (unit.closed) {
    throw new Error(
      "the unit of work has ended: its services cannot be used after it commits or rolls back",
    )
  }
}

/**
 * Runs `run` on the unit's connection holding the unit's lock, refusing once the unit
 * has ended; `closing` (the unit's commit, or its rollback, also after a failed commit)
 * marks the unit ended instead.
 */
export const withUnit = async <A>(
  unit: UnitConnection,
  run: () => Promise<A>,
  closing = false,
): Promise<A> => {
  await unit.lock.acquire()
  try {
    if (closing) unit.closed = true
    else ensureOpen(unit)
    return await run()
  } finally {
    unit.lock.release()
  }
}

/** Runs `statement` on `db` (a bound connection), ignoring what it returns. */
export const exec = async (db: Kysely<MetodikaDatabase>, statement: string): Promise<void> => {
  await db.executeQuery(CompiledQuery.raw(statement))
}

/**
 * Runs `run` inside a savepoint of the unit's transaction on `db` (the unit's
 * connection), holding the unit's lock: the savepoint is released when `run` succeeds and
 * rolled back to when it throws (the error is rethrown), so a failed step leaves the unit
 * as it was before the step.
 */
export const savepoint = <A>(
  unit: UnitConnection,
  db: Kysely<MetodikaDatabase>,
  run: (db: Kysely<MetodikaDatabase>) => Promise<A>,
): Promise<A> =>
  withUnit(unit, async () => {
    const name = `metodika_${++unit.names.next}`
    await exec(db, `SAVEPOINT ${name}`)
    let result: A
    try {
      result = await run(db)
    } catch (error) {
      // The step's own error is what the caller needs; a failure to undo it shows up at
      // the unit's commit (a broken transaction does not commit).
      await exec(db, `ROLLBACK TO SAVEPOINT ${name}`).catch(() => {})
      await exec(db, `RELEASE SAVEPOINT ${name}`).catch(() => {})
      throw error
    }
    await exec(db, `RELEASE SAVEPOINT ${name}`)
    return result
  })

/**
 * Runs `run` atomically: in a transaction of its own, or, inside a unit of work, in a
 * savepoint of the unit's transaction.
 */
export const atomically = <A>(
  database: SqlDatabaseShape,
  run: (db: Kysely<MetodikaDatabase>) => Promise<A>,
): Promise<A> =>
  database.unit === undefined
    ? database.kysely.transaction().execute(run)
    : savepoint(database.unit, database.kysely, run)

/** The pg pool the store owns, for the hot path. */
export interface OwnedPostgres {
  readonly pool: PgPool
  /**
   * Inside a unit of work: `pool` hands out the one client the unit holds, and appends
   * are savepoints run under the unit's lock (see {@link withUnit}).
   */
  readonly unit?: UnitConnection
}

/** The database of the SQL store. */
export class SqlDatabase extends Context.Service<SqlDatabase, SqlDatabaseShape>()(
  "@metodika/storage-sql/SqlDatabase",
) {}

/** JSON columns come back as text on SQLite and already parsed (jsonb) on PostgreSQL. */
export const jsonIsText = (database: SqlDatabaseShape): boolean => database.dialect === "sqlite"

const transientRetries = 3

/**
 * Runs a promise-returning database call; transient failures (busy, deadlock,
 * serialisation) are retried up to three times, and what remains fails with the
 * driver's error as it is, for the caller to classify.
 */
export const attempt = <A>(run: () => Promise<A>): Effect.Effect<A, unknown> =>
  Effect.tryPromise({ try: run, catch: (cause) => cause }).pipe(
    Effect.retry({ while: Errors.isTransient, times: transientRetries }),
  )

/**
 * Runs one query (or several without a transaction) and maps a failure to
 * `StoreUnavailable` or `CorruptData`, keeping the driver's error as cause. Inside a unit
 * of work it holds the unit's lock (see {@link withUnit}).
 */
export const query = <A>(
  database: SqlDatabaseShape,
  operation: string,
  run: (db: Kysely<MetodikaDatabase>) => Promise<A>,
): Effect.Effect<A, EventStore.StoreUnavailable | EventStore.CorruptData> => {
  const unit = database.unit
  return Effect.mapError(
    attempt(
      unit === undefined
        ? () => run(database.kysely)
        : // Inside a unit: one statement at a time on its connection, and none after its end.
          () => withUnit(unit, () => run(database.kysely)),
    ),
    Errors.fromDriver(operation),
  )
}

/**
 * Runs `run` in one transaction (`BEGIN IMMEDIATE` on the store's own SQLite
 * connection; a savepoint inside a unit of work); a failure rolls everything back and is
 * mapped like {@link query}.
 */
export const transaction = <A>(
  database: SqlDatabaseShape,
  operation: string,
  run: (trx: Kysely<MetodikaDatabase>) => Promise<A>,
): Effect.Effect<A, EventStore.StoreUnavailable | EventStore.CorruptData> =>
  Effect.mapError(
    attempt(() => atomically(database, run)),
    Errors.fromDriver(operation),
  )
