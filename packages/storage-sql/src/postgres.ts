/**
 * `@metodika/storage-sql/postgres`: the store on PostgreSQL through pg, with a pool, for
 * production and for several application instances on one database. Appends from all
 * instances commit positions in order (see `Schema`); outbox claims use
 * `FOR UPDATE SKIP LOCKED` with a lease, so several dispatchers work at once without
 * sending one message twice inside its lease.
 *
 * pg is an optional peer dependency: install it when you use this entry.
 *
 * @example
 * import * as Postgres from "@metodika/storage-sql/postgres"
 * const StoreLive = Postgres.layer({ url: "postgres://metodika@db/metodika", poolSize: 20 })
 *
 * @example
 * // an application that already has a Kysely instance over pg (Kysely's PostgresDialect)
 * const StoreLive = Postgres.layerFromKysely(db)
 *
 * @module
 */
import type { EventStore } from "@metodika/core"
import { Config, Effect, Layer, Redacted, type Scope } from "effect"
import { Kysely, PostgresDialect, sql } from "kysely"
import pg from "pg"
import * as Errors from "./Errors.ts"
import * as Migrations from "./Migrations.ts"
import type { PgPool } from "./PostgresDriver.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import type { SqlDatabaseShape } from "./SqlDatabase.ts"
import * as SqlStore from "./SqlStore.ts"

/** Options of the PostgreSQL store. */
export interface PostgresOptions extends SqlStore.StoreOptions {
  /** The connection string (`postgres://user:password@host:5432/database`). */
  readonly url: string | Redacted.Redacted<string>
  /** Connections in the pool (default 10). */
  readonly poolSize?: number
  /**
   * The schema the store's tables live in (its `search_path`); the connection's default
   * when absent. It must exist.
   */
  readonly schema?: string
  /** Shown in `pg_stat_activity` (default `"metodika"`). */
  readonly applicationName?: string
  /** How long to wait for a connection (default 10 000 ms). */
  readonly connectionTimeoutMillis?: number
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Creates the pg pool of the store. */
export const makePool = (options: PostgresOptions): pg.Pool => {
  if (options.schema !== undefined && !identifier.test(options.schema)) {
    throw new Error(`schema must be a plain identifier, got ${JSON.stringify(options.schema)}`)
  }
  const pool = new pg.Pool({
    connectionString: Redacted.isRedacted(options.url) ? Redacted.value(options.url) : options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? "metodika",
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  })
  // An idle connection that breaks emits on the pool; without a listener Node would
  // crash the process. The next query gets a fresh connection or a typed error.
  pool.on("error", () => {})
  return pool
}

/**
 * Opens the store: a pool, a Kysely instance over it, a check that the server answers,
 * the migrations (unless `migrate: false`). The pool is ended when the scope ends.
 */
export const make = (
  options: PostgresOptions,
): Effect.Effect<SqlStore.SqlStore, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    const pool = yield* Effect.try({
      try: () => makePool(options),
      catch: Errors.fromDriver("connect"),
    })
    const kysely = yield* Effect.acquireRelease(
      Effect.sync(() => new Kysely<MetodikaDatabase>({ dialect: new PostgresDialect({ pool }) })),
      (k) => Effect.promise(() => k.destroy()),
    )
    yield* Effect.tryPromise({
      try: () => sql`select 1`.execute(kysely),
      catch: Errors.fromDriver("connect"),
    })
    const database: SqlDatabaseShape = {
      dialect: "postgres",
      kysely,
      ownedPostgres: { pool: pool as unknown as PgPool },
    }
    if (options.migrate !== false) yield* Migrations.migrate(kysely, "postgres")
    return SqlStore.fromDatabase(database)
  })

/**
 * A layer providing `EventStore`, `Outbox` and `SqlDatabase` on PostgreSQL from a
 * connection string; the pool ends when the layer is released.
 */
export const layer = (
  options: PostgresOptions,
): Layer.Layer<SqlStore.Services, EventStore.StoreError> =>
  Layer.effectContext(Effect.map(make(options), SqlStore.context))

/**
 * A layer over an integrator's own Kysely instance on pg (Kysely's `PostgresDialect`).
 * The store's tables are migrated into the connection's current schema unless
 * `migrate: false`; the instance is not destroyed when the layer is released. The
 * instance's plugins (a `CamelCasePlugin`, `withSchema`) are not applied to the store's
 * own queries: set the schema with the connection's `search_path`.
 */
export const layerFromKysely = (
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance, whatever the integrator's own tables.
  db: Kysely<any>,
  options: SqlStore.StoreOptions = {},
): Layer.Layer<SqlStore.Services, EventStore.StoreError> =>
  SqlStore.layerFromDatabase(
    { dialect: "postgres", kysely: db.withoutPlugins() as Kysely<MetodikaDatabase> },
    options,
  )

/**
 * A layer whose options come from Effect `Config`.
 *
 * @example
 * Postgres.layerConfig({ url: Config.Redacted("DATABASE_URL"), poolSize: Config.Int("POOL_SIZE") })
 */
export const layerConfig = (
  config: Config.Wrap<PostgresOptions>,
): Layer.Layer<SqlStore.Services, EventStore.StoreError | Config.ConfigError> =>
  Layer.unwrap(Effect.map(Config.unwrap(config), layer))

/** Re-exported so the types of this entry's signatures are nameable by its users. */
export type { Services, SqlStore, StoreOptions } from "./SqlStore.ts"
