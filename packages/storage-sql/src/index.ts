/**
 * `@metodika/storage-sql`: the event store, outbox and read models of metodika on SQL,
 * through Kysely. This root entry loads no database driver; the drivers come with the
 * subpath entries `@metodika/storage-sql/sqlite` (better-sqlite3) and
 * `@metodika/storage-sql/postgres` (pg), so an application installs only the one it uses.
 *
 * @packageDocumentation
 */

export * as Codec from "./Codec.ts"
export * as Errors from "./Errors.ts"
export * as Migrations from "./Migrations.ts"
export * as PostgresDriver from "./PostgresDriver.ts"
export * as Projection from "./Projection.ts"
/** The types most signatures mention, also at the top level for declaration bundlers. */
export type { Dialect, MetodikaDatabase } from "./Schema.ts"
export * as Schema from "./Schema.ts"
/** @see SqlDatabaseShape */
export type { SqlDatabaseShape } from "./SqlDatabase.ts"
export * as SqlDatabase from "./SqlDatabase.ts"
export * as SqlEventStore from "./SqlEventStore.ts"
export * as SqliteDriver from "./SqliteDriver.ts"
export * as SqlOutbox from "./SqlOutbox.ts"
export * as SqlStore from "./SqlStore.ts"
