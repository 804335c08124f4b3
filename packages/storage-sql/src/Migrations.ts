/**
 * The store's migrations, run with Kysely's `Migrator` by one call, {@link migrate}.
 * Running it again does nothing; two processes running it at once are safe:
 * - on PostgreSQL the migrator holds an advisory lock while it migrates, inside one
 *   transaction (PostgreSQL has transactional DDL);
 * - on SQLite the whole run, including the creation of the bookkeeping tables, happens
 *   inside one `BEGIN IMMEDIATE` transaction, which takes the file's write lock: the
 *   second process waits (`busy_timeout`) and then finds nothing left to do.
 *
 * The bookkeeping tables are `metodika_migration` and `metodika_migration_lock`, not
 * Kysely's defaults, so an integrator's own Kysely migrations in the same database are
 * never mixed with the store's.
 *
 * @module
 */
import type { EventStore } from "@metodika/core"
import { Effect } from "effect"
import { type Kysely, sql } from "kysely"
import { type Migration, type MigrationResult, Migrator } from "kysely/migration"
import * as Errors from "./Errors.ts"
import { type Dialect, tables } from "./Schema.ts"

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed tables exist.
type AnyDb = Kysely<any>

const columnTypes = (dialect: Dialect) =>
  dialect === "sqlite"
    ? ({ int64: "integer", json: "text", text: "text" } as const)
    : ({ int64: "bigint", json: "jsonb", text: "text" } as const)

const initial = (dialect: Dialect): Migration => ({
  up: async (db: AnyDb) => {
    const t = columnTypes(dialect)
    await db.schema
      .createTable(tables.events)
      .addColumn("position", t.int64, (c) => c.primaryKey())
      .addColumn("event_id", t.text, (c) => c.notNull().unique())
      .addColumn("stream_id", t.text, (c) => c.notNull())
      .addColumn("stream_type", t.text, (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull().check(sql`version > 0`))
      .addColumn("event_type", t.text, (c) => c.notNull())
      .addColumn("data", t.json, (c) => c.notNull())
      .addColumn("metadata", t.json, (c) => c.notNull())
      .addColumn("recorded_at", t.int64, (c) => c.notNull())
      .addUniqueConstraint("metodika_events_stream_version", ["stream_id", "version"])
      .execute()

    if (dialect === "postgres") {
      await db.schema
        .createTable(tables.eventPosition)
        .addColumn("id", "smallint", (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("last_position", "bigint", (c) => c.notNull())
        .execute()
      await db.insertInto(tables.eventPosition).values({ id: 1, last_position: 0 }).execute()
    }

    await db.schema
      .createTable(tables.outbox)
      .addColumn("seq", t.int64, (c) =>
        dialect === "sqlite" ? c.primaryKey() : c.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn("message_id", t.text, (c) => c.notNull().unique())
      .addColumn("channel", t.text, (c) => c.notNull())
      .addColumn("recipient", t.text, (c) => c.notNull())
      .addColumn("payload", t.json, (c) => c.notNull())
      .addColumn("not_before", t.int64)
      .addColumn("status", t.text, (c) =>
        c.notNull().check(sql`status in ('pending', 'claimed', 'delivered', 'dead')`),
      )
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", t.int64, (c) => c.notNull())
      .addColumn("last_error", t.text)
      .addColumn("claimed_by", t.text)
      .addColumn("lease_until", t.int64)
      .addColumn("created_at", t.int64, (c) => c.notNull())
      .execute()
    // Claims look only at pending and claimed messages; delivered and dead ones pile up
    // and must not slow them down, hence partial indexes.
    await db.schema
      .createIndex("metodika_outbox_pending")
      .on(tables.outbox)
      .columns(["next_attempt_at", "seq"])
      .where(sql.ref("status"), "=", "pending")
      .execute()
    await db.schema
      .createIndex("metodika_outbox_claimed")
      .on(tables.outbox)
      .columns(["lease_until"])
      .where(sql.ref("status"), "=", "claimed")
      .execute()
    await db.schema
      .createIndex("metodika_outbox_status")
      .on(tables.outbox)
      .columns(["status", "seq"])
      .execute()

    await db.schema
      .createTable(tables.projections)
      .addColumn("name", t.text, (c) => c.primaryKey())
      .addColumn("position", t.int64, (c) => c.notNull())
      .addColumn("state", t.json)
      .addColumn("updated_at", t.int64, (c) => c.notNull())
      .execute()
  },
})

/** The store's migrations for a dialect, by name (applied in name order). */
export const migrations = (dialect: Dialect): Record<string, Migration> => ({
  "0001_events_outbox_projections": initial(dialect),
})

/** The outcome of {@link migrate}: the names of the migrations it applied now. */
export interface Migrated {
  readonly applied: ReadonlyArray<string>
}

const outcome = (results: ReadonlyArray<MigrationResult> | undefined): Migrated => ({
  applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
})

const failed = (cause: unknown, results: ReadonlyArray<MigrationResult> | undefined) => {
  const failing = results?.find((r) => r.status === "Error")?.migrationName
  return new Error(
    `metodika migration${failing === undefined ? "" : ` ${failing}`} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    { cause },
  )
}

const migrator = (
  db: AnyDb,
  dialect: Dialect,
  schema: string | undefined,
  inTransaction: boolean,
) =>
  new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: tables.migrations,
    migrationLockTableName: tables.migrationLock,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    ...(inTransaction ? { disableTransactions: true } : {}),
  })

const migrateSqlite = (db: AnyDb): Promise<Migrated> =>
  db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection)
    try {
      const { error, results } = await migrator(
        connection,
        "sqlite",
        undefined,
        true,
      ).migrateToLatest()
      if (error !== undefined) throw failed(error, results)
      await sql`COMMIT`.execute(connection)
      return outcome(results)
    } catch (error) {
      await sql`ROLLBACK`.execute(connection).catch(() => undefined)
      throw error
    }
  })

const migratePostgres = async (db: AnyDb): Promise<Migrated> => {
  // Kysely's migrator finds its tables by introspecting every schema unless told which
  // one to use; pin it to the schema the connection works in (its search_path).
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const schema = rows[0]?.schema
  const { error, results } = await migrator(db, "postgres", schema, false).migrateToLatest()
  if (error !== undefined) throw failed(error, results)
  return outcome(results)
}

/**
 * Brings the store's tables up to date. Safe to run on every start, and from several
 * processes at once.
 *
 * @example
 * const { applied } = yield* Migrations.migrate(kysely, "postgres")
 */
export const migrate = (
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance, whatever its tables.
  db: Kysely<any>,
  dialect: Dialect,
): Effect.Effect<Migrated, EventStore.StoreUnavailable | EventStore.CorruptData> =>
  Effect.tryPromise({
    try: () => (dialect === "sqlite" ? migrateSqlite(db) : migratePostgres(db)),
    catch: (cause) => {
      const driverError = cause instanceof Error && cause.cause !== undefined ? cause.cause : cause
      return Errors.isCorruption(driverError)
        ? Errors.fromDriver("migrate")(driverError)
        : Errors.fromDriver("migrate")(cause)
    },
  })
