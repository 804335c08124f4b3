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
import {
  ensureOpen,
  exec,
  type SqlDatabaseShape,
  type UnitConnection,
  withUnit,
} from "./SqlDatabase.ts"
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

/** A new unit's connection state; nested units share the savepoint numbering. */
const unitConnection = (names: UnitConnection["names"]): UnitConnection => ({
  lock: new Lock(),
  names,
  closed: false,
})

/**
 * The database as seen from inside a unit: bound to `db` (and, on the store's own
 * connection or pool, to the unit's hot paths), refusing everything once the unit ended.
 */
const bound = (
  database: SqlDatabaseShape,
  db: Kysely<MetodikaDatabase>,
  unit: UnitConnection,
  pool?: PgPool,
): SqlDatabaseShape => {
  const owned = database.ownedSqlite
  return {
    dialect: database.dialect,
    kysely: db,
    unit,
    ...(pool === undefined ? {} : { ownedPostgres: { pool, unit } }),
    ...(owned === undefined
      ? {}
      : {
          ownedSqlite: {
            handle: owned.handle,
            lock: unit.lock,
            fastReadStream: () => {
              ensureOpen(unit)
              return owned.fastReadStream()
            },
            fastAppend: () => {
              ensureOpen(unit)
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

/** Ends a unit: waits for its statement in progress, marks it ended, then runs `end`. */
const close = (
  unit: UnitConnection,
  end: () => Promise<unknown>,
): Effect.Effect<void, EventStore.StoreUnavailable | EventStore.CorruptData> =>
  Effect.tryPromise({
    try: () => withUnit(unit, end, true),
    catch: Errors.fromDriver("unit of work"),
  }).pipe(Effect.asVoid)

/**
 * On PostgreSQL a statement that failed inside the unit (outside a savepoint) aborts the
 * whole transaction, and `COMMIT` then rolls back without an error: the commit asks
 * first, and fails instead.
 */
const abortedTransaction = (): Error =>
  new Error(
    "the unit of work's transaction was aborted by a statement that failed inside it; nothing was committed",
  )

/**
 * On the store's own pg pool: one client held for the unit, a Kysely instance over just
 * that client, and the named-statement append as a savepoint on it.
 */
const beginOwnedPostgres = (
  database: SqlDatabaseShape,
  pool: PgPool,
  contextOf: ContextOf,
): Effect.Effect<UnitOfWork.Transaction, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    // The connection goes back to the pool unless its rollback failed (then it is dropped).
    let broken = false
    const client = yield* Effect.acquireRelease(
      Effect.tryPromise({ try: () => pool.connect(), catch: Errors.fromDriver("unit of work") }),
      (c) => Effect.sync(() => c.release(broken ? true : undefined)),
    )
    yield* Effect.tryPromise({
      try: () => client.query("begin"),
      catch: (cause) => {
        broken = true
        return Errors.fromDriver("unit of work")(cause)
      },
    })
    // Kysely asks the pool for a connection per query: the unit's client, never released.
    const lent: PgClient = {
      query: (...args: Parameters<PgClient["query"]>) => client.query(...args),
      release: () => {},
    }
    const held: PgPool & { end: () => Promise<void> } = {
      connect: async () => lent,
      end: async () => {},
    }
    const kysely = new Kysely<MetodikaDatabase>({
      dialect: new PostgresDialect({ pool: held as unknown as PostgresPool }),
    })
    const unit = unitConnection({ next: 0 })
    return {
      context: contextOf(bound(database, kysely, unit, held)),
      commit: close(unit, async () => {
        const result = (await client.query("commit")) as { readonly command?: string }
        if (result.command === "ROLLBACK") throw abortedTransaction()
      }),
      rollback: close(unit, () => client.query("rollback")).pipe(
        Effect.tapError(() =>
          Effect.sync(() => {
            broken = true
          }),
        ),
      ),
    }
  })

const begin = (
  database: SqlDatabaseShape,
  contextOf: ContextOf,
): Effect.Effect<UnitOfWork.Transaction, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    const db = yield* holdConnection(database.kysely)
    yield* run(db, database.dialect === "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN")
    const unit = unitConnection({ next: 0 })
    return {
      context: contextOf(bound(database, db, unit)),
      commit: close(unit, async () => {
        if (database.dialect === "postgres") {
          // In an aborted transaction every statement fails (25P02) until the rollback.
          await exec(db, "SELECT 1").catch(() => {
            throw abortedTransaction()
          })
        }
        await exec(db, "COMMIT")
      }),
      rollback: close(unit, () => exec(db, "ROLLBACK")),
    }
  })

const nest = (
  database: SqlDatabaseShape,
  outer: UnitConnection,
  contextOf: ContextOf,
): Effect.Effect<UnitOfWork.Transaction, EventStore.StoreError, Scope.Scope> =>
  Effect.gen(function* () {
    // The outer unit's other fibers wait while the nested unit runs on the connection.
    yield* Effect.acquireRelease(
      Effect.promise(() => outer.lock.acquire()),
      () => Effect.sync(() => outer.lock.release()),
    )
    if (outer.closed) {
      return yield* Effect.fail(
        Errors.fromDriver("unit of work")(
          new Error("the unit of work has ended: no unit can be nested in it any more"),
        ),
      )
    }
    const db = database.kysely
    const name = `metodika_${++outer.names.next}`
    yield* run(db, `SAVEPOINT ${name}`)
    const unit = unitConnection(outer.names)
    return {
      context: contextOf(bound(database, db, unit, database.ownedPostgres?.pool)),
      // In an aborted PostgreSQL transaction the release fails, so the nested unit does too.
      commit: close(unit, () => exec(db, `RELEASE SAVEPOINT ${name}`)),
      rollback: close(unit, async () => {
        await exec(db, `ROLLBACK TO SAVEPOINT ${name}`)
        await exec(db, `RELEASE SAVEPOINT ${name}`)
      }),
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
        ? beginOwnedPostgres(database, database.ownedPostgres.pool, contextOf)
        : begin(database, contextOf),
  )
