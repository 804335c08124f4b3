/**
 * The `UnitOfWork` port over SQL: one connection held for the unit, one database
 * transaction on it (`BEGIN IMMEDIATE` on SQLite, `BEGIN` on PostgreSQL), and the
 * store's services rebuilt over that connection for the unit's effect. Inside, every
 * append, enqueue or claim that would open a transaction of its own opens a savepoint
 * instead, so one that fails (a version conflict, a duplicate id) is undone alone and the
 * unit goes on; a nested unit is a savepoint too.
 *
 * On the store's own SQLite connection the unit holds the connection's lock: other
 * fibers of the process wait for the commit, and so does another process (the write
 * lock of `BEGIN IMMEDIATE`). The synchronous hot path of the append stays, as a
 * savepoint. On PostgreSQL the unit holds one connection of the pool for its duration;
 * on the store's own pool the named-statement append stays too, as a savepoint.
 *
 * @module
 */
import { type EventStore, UnitOfWork } from "@metodika/core"
import { type Context, Effect, type Scope } from "effect"
import { Kysely, PostgresDialect, type PostgresPool } from "kysely"
import * as Errors from "./Errors.ts"
import type { PgClient, PgPool } from "./PostgresDriver.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import { exec, type SqlDatabaseShape, type UnitConnection } from "./SqlDatabase.ts"
import { type FastAppend, Lock, makeFastAppend, type SqliteHandle } from "./SqliteDriver.ts"

/** Builds the store's services over a database (the store's `context`). */
export type ContextOf = (database: SqlDatabaseShape) => Context.Context<never>

const run = (
  db: Kysely<MetodikaDatabase>,
  statement: string,
): Effect.Effect<void, EventStore.StoreUnavailable | EventStore.CorruptData> =>
  Effect.tryPromise({ try: () => exec(db, statement), catch: Errors.fromDriver("unit of work") })

/**
 * Holds one connection of `kysely` until the scope closes: Kysely lends a connection
 * only for the length of a callback, so the callback waits for the scope.
 */
const holdConnection = (
  kysely: Kysely<MetodikaDatabase>,
): Effect.Effect<Kysely<MetodikaDatabase>, EventStore.StoreError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: () =>
        new Promise<{ db: Kysely<MetodikaDatabase>; release: () => Promise<void> }>(
          (resolve, reject) => {
            let finish: () => void = () => {}
            const finished = new Promise<void>((r) => {
              finish = r
            })
            const ended: Promise<void> = kysely.connection().execute(async (db) => {
              resolve({
                db,
                release: async () => {
                  finish()
                  await ended.catch(() => {})
                },
              })
              await finished
            })
            ended.catch(reject)
          },
        ),
      catch: Errors.fromDriver("unit of work"),
    }),
    (held) => Effect.promise(held.release),
  ).pipe(Effect.map((held) => held.db))

const nestedAppends = new WeakMap<SqliteHandle, FastAppend>()

/** The database as seen from inside a unit: bound to `db`, with a lock of its own. */
const bound = (
  database: SqlDatabaseShape,
  db: Kysely<MetodikaDatabase>,
  names: UnitConnection["names"],
): SqlDatabaseShape => {
  const unit: UnitConnection = { lock: new Lock(), names }
  const owned = database.ownedSqlite
  return {
    dialect: database.dialect,
    kysely: db,
    unit,
    ...(owned === undefined
      ? {}
      : {
          ownedSqlite: {
            handle: owned.handle,
            lock: unit.lock,
            fastReadStream: owned.fastReadStream,
            fastAppend: () => {
              let fast = nestedAppends.get(owned.handle)
              if (fast === undefined) {
                fast = makeFastAppend(owned.handle, true)
                nestedAppends.set(owned.handle, fast)
              }
              return fast
            },
          },
        }),
  }
}

/**
 * On the store's own pg pool: one client held for the unit, a Kysely instance over just
 * that client, and the named-statement append as a savepoint on it.
 */
const beginOwnedPostgres = (
  pool: PgPool,
  contextOf: ContextOf,
): Effect.Effect<UnitOfWork.Transaction, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    const client = yield* Effect.acquireRelease(
      Effect.tryPromise({ try: () => pool.connect(), catch: Errors.fromDriver("unit of work") }),
      (c, exit) =>
        // A unit that failed may have left the connection in any state: do not reuse it then.
        Effect.sync(() => c.release(exit._tag === "Failure" ? true : undefined)),
    )
    const query = (statement: string) =>
      Effect.tryPromise({
        try: () => client.query(statement),
        catch: Errors.fromDriver("unit of work"),
      }).pipe(Effect.asVoid)
    yield* query("begin")
    // Kysely asks the pool for a connection per query: the unit's client, never released.
    const held: PgPool & { end: () => Promise<void> } = {
      connect: async () => lent,
      end: async () => {},
    }
    const lent: PgClient = {
      query: (...args: Parameters<PgClient["query"]>) => client.query(...args),
      release: () => {},
    }
    const kysely = new Kysely<MetodikaDatabase>({
      dialect: new PostgresDialect({ pool: held as unknown as PostgresPool }),
    })
    const unit: UnitConnection = { lock: new Lock(), names: { next: 0 } }
    return {
      context: contextOf({
        dialect: "postgres",
        kysely,
        unit,
        ownedPostgres: { pool: held, unitLock: unit.lock },
      }),
      commit: query("commit"),
      rollback: query("rollback"),
    }
  })

const begin = (
  database: SqlDatabaseShape,
  contextOf: ContextOf,
): Effect.Effect<UnitOfWork.Transaction, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    const db = yield* holdConnection(database.kysely)
    yield* run(db, database.dialect === "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN")
    return {
      context: contextOf(bound(database, db, { next: 0 })),
      commit: run(db, "COMMIT"),
      rollback: run(db, "ROLLBACK"),
    }
  })

const nest = (
  database: SqlDatabaseShape,
  unit: UnitConnection,
  contextOf: ContextOf,
): Effect.Effect<UnitOfWork.Transaction, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    // The outer unit's other fibers wait while the nested unit runs on the connection.
    yield* Effect.acquireRelease(
      Effect.promise(() => unit.lock.acquire()),
      () => Effect.sync(() => unit.lock.release()),
    )
    const db = database.kysely
    const name = `metodika_${++unit.names.next}`
    yield* run(db, `SAVEPOINT ${name}`)
    return {
      context: contextOf(bound(database, db, unit.names)),
      commit: run(db, `RELEASE SAVEPOINT ${name}`),
      rollback: Effect.andThen(
        run(db, `ROLLBACK TO SAVEPOINT ${name}`),
        run(db, `RELEASE SAVEPOINT ${name}`),
      ),
    }
  })

/**
 * Makes the `UnitOfWork` over a database; `contextOf` rebuilds the store's services
 * (including this port, for nesting) over the unit's connection.
 */
export const make = (
  database: SqlDatabaseShape,
  contextOf: ContextOf,
): UnitOfWork.UnitOfWork["Service"] =>
  UnitOfWork.make(
    database.unit !== undefined
      ? nest(database, database.unit, contextOf)
      : database.ownedPostgres !== undefined
        ? beginOwnedPostgres(database.ownedPostgres.pool, contextOf)
        : begin(database, contextOf),
  )
