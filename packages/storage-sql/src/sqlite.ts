/**
 * `@metodika/storage-sql/sqlite`: the embedded store on SQLite through better-sqlite3, a
 * file or `:memory:`. The store opens one connection (SQLite has one writer), in WAL
 * mode with `synchronous = NORMAL` (a committed append survives a crash of the process;
 * only a power loss may take the last commits), a busy timeout so another process on
 * the same file waits instead of failing, and a cache of prepared statements. Appends
 * run synchronously on that connection, each in one `BEGIN IMMEDIATE` transaction.
 *
 * better-sqlite3 is an optional peer dependency: install it when you use this entry.
 *
 * @example
 * import * as Sqlite from "@metodika/storage-sql/sqlite"
 * const StoreLive = Sqlite.layer({ filename: "./metodika.db" })
 * await Effect.runPromise(program.pipe(Effect.provide(StoreLive)))
 *
 * @example
 * // an application that already has a Kysely instance over better-sqlite3
 * const StoreLive = Sqlite.layerFromKysely(db)
 *
 * @module
 */
import type { EventStore } from "@metodika/core"
import Database from "better-sqlite3"
import { Config, Effect, Layer, type Scope } from "effect"
import { Kysely } from "kysely"
import * as Errors from "./Errors.ts"
import * as Migrations from "./Migrations.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import type { SqlDatabaseShape } from "./SqlDatabase.ts"
import {
  type FastAppend,
  type FastReadStream,
  Lock,
  makeDialect,
  makeFastAppend,
  makeFastReadStream,
  type SqliteHandle,
} from "./SqliteDriver.ts"
import * as SqlStore from "./SqlStore.ts"

/** Options of the SQLite store. */
export interface SqliteOptions extends SqlStore.StoreOptions {
  /** The database file, created when missing, or `":memory:"`. */
  readonly filename: string
  /** How long to wait for another process holding the write lock (default 5000 ms). */
  readonly busyTimeoutMillis?: number
  /** Prepared statements kept per connection (default 256). */
  readonly statementCacheSize?: number
}

const isMemory = (filename: string) => filename === ":memory:" || filename === ""

/** Opens a better-sqlite3 connection with the store's pragmas. */
export const open = (options: SqliteOptions): SqliteHandle => {
  const handle = new Database(options.filename, {
    timeout: options.busyTimeoutMillis ?? 5000,
  }) as unknown as SqliteHandle
  try {
    if (!isMemory(options.filename)) handle.pragma("journal_mode = WAL")
    handle.pragma("synchronous = NORMAL")
    handle.pragma("foreign_keys = ON")
    handle.pragma("temp_store = MEMORY")
    handle.pragma("cache_size = -16000")
    return handle
  } catch (error) {
    handle.close()
    throw error
  }
}

/**
 * Opens the store: the connection, a Kysely instance over it, the migrations (unless
 * `migrate: false`). Everything is closed when the scope ends.
 */
export const make = (
  options: SqliteOptions,
): Effect.Effect<SqlStore.SqlStore, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    const handle = yield* Effect.acquireRelease(
      Effect.try({ try: () => open(options), catch: Errors.fromDriver("open") }),
      (h) => Effect.sync(() => h.open && h.close()),
    )
    const lock = new Lock()
    const kysely = yield* Effect.acquireRelease(
      Effect.sync(
        () =>
          new Kysely<MetodikaDatabase>({
            dialect: makeDialect(handle, lock, options.statementCacheSize),
          }),
      ),
      (k) => Effect.promise(() => k.destroy()),
    )
    let fast: FastAppend | undefined
    let read: FastReadStream | undefined
    const database: SqlDatabaseShape = {
      dialect: "sqlite",
      kysely,
      ownedSqlite: {
        handle,
        lock,
        fastAppend: () => {
          fast ??= makeFastAppend(handle)
          return fast
        },
        fastReadStream: () => {
          read ??= makeFastReadStream(handle)
          return read
        },
      },
    }
    if (options.migrate !== false) yield* Migrations.migrate(kysely, "sqlite")
    return SqlStore.fromDatabase(database)
  })

/**
 * A layer providing `EventStore`, `Outbox` and `SqlDatabase` on a SQLite file or
 * `:memory:`; the connection closes when the layer is released.
 */
export const layer = (
  options: SqliteOptions,
): Layer.Layer<SqlStore.Services, EventStore.StoreError> =>
  Layer.effectContext(Effect.map(make(options), SqlStore.context))

/**
 * A layer over an integrator's own Kysely instance on better-sqlite3 (Kysely's
 * `SqliteDialect`). The store's tables are migrated into that database unless
 * `migrate: false`; the instance is not destroyed when the layer is released.
 *
 * The store then works through Kysely for everything, appends included: correct, but
 * slower than {@link layer}, which owns its connection and appends through prepared
 * statements directly. The instance's plugins (a `CamelCasePlugin`, say) are not applied
 * to the store's own queries.
 */
export const layerFromKysely = (
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance, whatever the integrator's own tables.
  db: Kysely<any>,
  options: SqlStore.StoreOptions = {},
): Layer.Layer<SqlStore.Services, EventStore.StoreError> =>
  SqlStore.layerFromDatabase(
    { dialect: "sqlite", kysely: db.withoutPlugins() as Kysely<MetodikaDatabase> },
    options,
  )

/**
 * A layer whose options come from Effect `Config`.
 *
 * @example
 * Sqlite.layerConfig({ filename: Config.String("METODIKA_SQLITE_FILE") })
 */
export const layerConfig = (
  config: Config.Wrap<SqliteOptions>,
): Layer.Layer<SqlStore.Services, EventStore.StoreError | Config.ConfigError> =>
  Layer.unwrap(Effect.map(Config.unwrap(config), layer))

/** @see SqliteHandle */
export type { SqliteHandle } from "./SqliteDriver.ts"
/** Re-exported so the types of this entry's signatures are nameable by its users. */
export type { Services, SqlStore, StoreOptions } from "./SqlStore.ts"
