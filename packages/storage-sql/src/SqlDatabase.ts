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
import type { Kysely, Transaction } from "kysely"
import * as Errors from "./Errors.ts"
import type { PgPool } from "./PostgresDriver.ts"
import type { Dialect, MetodikaDatabase } from "./Schema.ts"
import type { FastAppend, Lock, SqliteHandle } from "./SqliteDriver.ts"

/** The SQLite connection the store owns: the handle, its lock, and the hot-path append. */
export interface OwnedSqlite {
  readonly handle: SqliteHandle
  readonly lock: Lock
  /** Prepared on first use, once the tables exist. */
  readonly fastAppend: () => FastAppend
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
}

/** The pg pool the store owns, for the hot path. */
export interface OwnedPostgres {
  readonly pool: PgPool
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
 * `StoreUnavailable` or `CorruptData`, keeping the driver's error as cause.
 */
export const query = <A>(
  database: SqlDatabaseShape,
  operation: string,
  run: (db: Kysely<MetodikaDatabase>) => Promise<A>,
): Effect.Effect<A, EventStore.StoreUnavailable | EventStore.CorruptData> =>
  Effect.mapError(
    attempt(() => run(database.kysely)),
    Errors.fromDriver(operation),
  )

/**
 * Runs `run` in one transaction (`BEGIN IMMEDIATE` on the store's own SQLite
 * connection); a failure rolls everything back and is mapped like {@link query}.
 */
export const transaction = <A>(
  database: SqlDatabaseShape,
  operation: string,
  run: (trx: Transaction<MetodikaDatabase>) => Promise<A>,
): Effect.Effect<A, EventStore.StoreUnavailable | EventStore.CorruptData> =>
  Effect.mapError(
    attempt(() => database.kysely.transaction().execute(run)),
    Errors.fromDriver(operation),
  )
