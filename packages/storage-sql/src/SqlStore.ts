/**
 * The SQL store as a whole: the `EventStore`, the `Outbox` and the `UnitOfWork` over one
 * database, and the database itself for projections. The entry points `@metodika/storage-sql/sqlite`
 * and `@metodika/storage-sql/postgres` build it from a file name or a connection
 * string; {@link layerFromDatabase} builds it from any {@link SqlDatabase}.
 *
 * @module
 */
import { EventStore, Outbox, UnitOfWork } from "@metodika/core"
import { Context, Effect, Layer } from "effect"
import * as Migrations from "./Migrations.ts"
import { SqlDatabase, type SqlDatabaseShape } from "./SqlDatabase.ts"
import * as SqlEventStore from "./SqlEventStore.ts"
import * as SqlOutbox from "./SqlOutbox.ts"
import * as SqlUnitOfWork from "./SqlUnitOfWork.ts"

/** The services a SQL store layer provides. */
export type Services = EventStore.EventStore | Outbox.Outbox | UnitOfWork.UnitOfWork | SqlDatabase

/** A SQL store: the three ports over one database. */
export interface SqlStore {
  readonly database: SqlDatabaseShape
  readonly eventStore: EventStore.EventStore["Service"]
  readonly outbox: Outbox.Outbox["Service"]
  readonly unitOfWork: UnitOfWork.UnitOfWork["Service"]
}

/** Builds the ports over a database (no I/O). */
export const fromDatabase = (database: SqlDatabaseShape): SqlStore => ({
  database,
  eventStore: SqlEventStore.make(database),
  outbox: SqlOutbox.make(database),
  unitOfWork: SqlUnitOfWork.make(database, (bound) => context(fromDatabase(bound))),
})

/** The context a store layer provides. */
export const context = (store: SqlStore): Context.Context<Services> =>
  Context.make(EventStore.EventStore, store.eventStore).pipe(
    Context.add(Outbox.Outbox, store.outbox),
    Context.add(UnitOfWork.UnitOfWork, store.unitOfWork),
    Context.add(SqlDatabase, store.database),
  )

/** Options shared by every way of building a store. */
export interface StoreOptions {
  /** Run the migrations when the layer is built (default `true`; safe from several processes). */
  readonly migrate?: boolean
}

/**
 * A layer of the store over an existing database, migrating it first unless told not
 * to. The database is not closed when the layer is released: its owner closes it.
 */
export const layerFromDatabase = (
  database: SqlDatabaseShape,
  options: StoreOptions = {},
): Layer.Layer<Services, EventStore.StoreError> =>
  Layer.effectContext(
    Effect.gen(function* () {
      if (options.migrate !== false) yield* Migrations.migrate(database.kysely, database.dialect)
      return context(fromDatabase(database))
    }),
  )
