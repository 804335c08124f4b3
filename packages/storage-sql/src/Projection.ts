/**
 * Read models advanced from the global order of events with a checkpoint, rebuildable
 * from zero. A projection is a name and either
 * - a pure `apply(state, event)` whose state is kept as JSON in `metodika_projections`
 *   ({@link state}), for small read models, or
 * - an updater of the integrator's own tables, run inside the runner's transaction
 *   ({@link table}), for read models that are queried with SQL.
 *
 * {@link catchUp} reads `EventStore.readAll` after the checkpoint in batches and stores
 * each batch's result together with the new checkpoint in one transaction, so a read
 * model never reflects half a batch, and a crash only repeats work that was not
 * committed. {@link rebuild} resets the read model and its checkpoint and replays
 * everything. The result equals a plain fold of `apply` over `readAll`.
 *
 * Several runners of one projection (several application instances) are safe: a batch
 * only commits if the checkpoint is still where the runner read it; otherwise the
 * batch is rolled back, and the runner reloads and goes on from the new checkpoint.
 *
 * @module
 */
import { EventStore } from "@metodika/core"
import { Clock, Data, type Duration, Effect, Schedule, Schema } from "effect"
import { type Kysely, sql, type Transaction } from "kysely"
import { decodeJson, encodeJson, toInteger } from "./Codec.ts"
import * as Errors from "./Errors.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import {
  atomically,
  attempt,
  jsonIsText,
  query,
  SqlDatabase,
  type SqlDatabaseShape,
} from "./SqlDatabase.ts"

/** A read model folded into one JSON state. */
export interface StateProjection<S> {
  readonly _tag: "StateProjection"
  /** Unique among the projections of a store; the key of its checkpoint. */
  readonly name: string
  readonly initialState: S
  /** Pure and total: the state after one more event. */
  readonly apply: (state: S, event: EventStore.StoredEvent) => S
  /** How the state is stored: encoded with this schema to JSON (default: stored as it is). */
  readonly codec?: Schema.Codec<S, unknown>
}

/**
 * A read model kept in the integrator's own tables. `DB` is the Kysely database type of
 * those tables.
 */
export interface TableProjection<DB> {
  readonly _tag: "TableProjection"
  /** Unique among the projections of a store; the key of its checkpoint. */
  readonly name: string
  /**
   * Creates the projection's tables if they do not exist (`create table if not
   * exists`); run at the start of every catch-up.
   */
  readonly setup?: (db: Kysely<DB>) => Promise<void>
  /** Empties the projection's tables, for a rebuild. */
  readonly reset: (trx: Transaction<DB>) => Promise<void>
  /** Applies a batch of events, in order, inside the runner's transaction. */
  readonly apply: (
    trx: Transaction<DB>,
    events: ReadonlyArray<EventStore.StoredEvent>,
  ) => Promise<void>
}

/** Either kind of projection. */
export type Projection<S = unknown, DB = unknown> = StateProjection<S> | TableProjection<DB>

/** Makes a {@link StateProjection}. */
export const state = <S>(options: Omit<StateProjection<S>, "_tag">): StateProjection<S> => ({
  _tag: "StateProjection",
  ...options,
})

/** Makes a {@link TableProjection}. */
export const table = <DB>(options: Omit<TableProjection<DB>, "_tag">): TableProjection<DB> => ({
  _tag: "TableProjection",
  ...options,
})

/** A projection's own code failed (its `apply`, `reset` or `setup`); the batch was rolled back. */
export class ProjectionFailed extends Data.TaggedError("ProjectionFailed")<{
  readonly name: string
  /** The checkpoint the failed batch started from. */
  readonly position: number
  readonly cause: unknown
}> {
  override get message(): string {
    const detail = this.cause instanceof Error ? `: ${this.cause.message}` : ""
    return `projection ${this.name} failed after position ${this.position}${detail}`
  }
}

/** Options of {@link catchUp} and {@link rebuild}. */
export interface RunOptions {
  /** Events read and applied per transaction (default 500). */
  readonly batchSize?: number
}

/** Where a catch-up ended. */
export interface Progress {
  /** The checkpoint now: the position of the last event applied. */
  readonly position: number
  /** How many events this run applied. */
  readonly applied: number
}

/** Every failure of a projection run. */
export type ProjectionError = ProjectionFailed | EventStore.StoreError

/** The checkpoint moved under this runner: another runner committed first. */
class Moved {}

/** Thrown by a table projection's own code, to tell it from database errors. */
class Own {
  readonly cause: unknown
  constructor(cause: unknown) {
    this.cause = cause
  }
}

const own = async <A>(run: () => Promise<A>): Promise<A> => {
  try {
    return await run()
  } catch (cause) {
    throw new Own(cause)
  }
}

interface Checkpoint {
  readonly position: number
  readonly state: unknown
}

const ensureRow = (database: SqlDatabaseShape, name: string, initial: unknown, now: number) =>
  query(database, "projection", (db) =>
    db
      .insertInto("metodika_projections")
      .values({ name, position: 0, state: initial === undefined ? null : initial, updated_at: now })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute(),
  )

const readCheckpoint = (
  database: SqlDatabaseShape,
  name: string,
): Effect.Effect<Checkpoint, EventStore.StoreError> =>
  Effect.flatMap(
    query(database, "projection", (db) =>
      db
        .selectFrom("metodika_projections")
        .select(["position", "state"])
        .where("name", "=", name)
        .executeTakeFirst(),
    ),
    (row) =>
      row === undefined
        ? Effect.succeed({ position: 0, state: null })
        : Effect.map(
            Effect.all([
              toInteger(row.position, "metodika_projections.position"),
              row.state === null
                ? Effect.succeed(null)
                : decodeJson(row.state, "metodika_projections.state", jsonIsText(database)),
            ]),
            ([position, state]) => ({ position, state }),
          ),
  )

/** Moves the checkpoint from `from` to `to` or throws {@link Moved}: the guard against a second runner. */
const advance = async (
  trx: Kysely<MetodikaDatabase>,
  name: string,
  from: number,
  to: number,
  state: string | null | undefined,
  now: number,
) => {
  const result = await trx
    .updateTable("metodika_projections")
    .set({ position: to, updated_at: now, ...(state === undefined ? {} : { state }) })
    .where("name", "=", name)
    .where("position", "=", from)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new Moved()
}

const runBatch = <A>(
  database: SqlDatabaseShape,
  name: string,
  position: number,
  run: (trx: Kysely<MetodikaDatabase>) => Promise<A>,
): Effect.Effect<A | Moved, ProjectionError> =>
  Effect.catch(
    attempt(() => atomically(database, run)),
    (cause): Effect.Effect<A | Moved, ProjectionError> =>
      cause instanceof Moved
        ? Effect.succeed(cause)
        : cause instanceof Own
          ? Effect.fail(new ProjectionFailed({ name, position, cause: cause.cause }))
          : Effect.fail(Errors.fromDriver(`projection ${name}`)(cause)),
  )

/**
 * Runs a table projection's `setup` in a transaction. On PostgreSQL two runners
 * creating the same table at once would collide (`create table if not exists` is not
 * safe against itself there), so the setup holds a per-projection advisory lock.
 */
const runSetup = <DB>(database: SqlDatabaseShape, projection: TableProjection<DB>) => {
  const setup = projection.setup
  if (setup === undefined) return Effect.void
  return Effect.flatMap(
    runBatch(database, projection.name, 0, async (trx) => {
      if (database.dialect === "postgres") {
        await sql`select pg_advisory_xact_lock(hashtext(${`metodika-projection:${projection.name}`}))`.execute(
          trx,
        )
      }
      await own(() => setup(trx as unknown as Kysely<DB>))
    }),
    (done) => (done instanceof Moved ? Effect.die(done) : Effect.void),
  )
}

const encoder = <S>(projection: StateProjection<S>) => {
  const encode =
    projection.codec === undefined ? (s: S) => s as unknown : Schema.encodeSync(projection.codec)
  return (s: S): string => encodeJson(encode(s))
}

const decodeState = <S>(
  projection: StateProjection<S>,
  stored: unknown,
): Effect.Effect<S, EventStore.CorruptData> => {
  if (stored === null) return Effect.succeed(projection.initialState)
  if (projection.codec === undefined) return Effect.succeed(stored as S)
  return Effect.mapError(Schema.decodeUnknownEffect(projection.codec)(stored), (error) =>
    Errors.corrupt(`state of projection ${projection.name}: ${error.message}`, error),
  )
}

const catchUpState = <S>(
  projection: StateProjection<S>,
  batchSize: number,
): Effect.Effect<Progress, ProjectionError, EventStore.EventStore | SqlDatabase> =>
  Effect.gen(function* () {
    const database = yield* SqlDatabase
    const store = yield* EventStore.EventStore
    const encode = encoder(projection)
    yield* ensureRow(
      database,
      projection.name,
      encode(projection.initialState),
      yield* Clock.currentTimeMillis,
    )
    let checkpoint = yield* readCheckpoint(database, projection.name)
    let current = yield* decodeState(projection, checkpoint.state)
    let applied = 0
    for (;;) {
      const events = yield* store.readAll({ after: checkpoint.position, limit: batchSize })
      if (events.length === 0) return { position: checkpoint.position, applied }
      let next = current
      let encoded: string
      try {
        for (const event of events) next = projection.apply(next, event)
        encoded = encode(next)
      } catch (cause) {
        return yield* new ProjectionFailed({
          name: projection.name,
          position: checkpoint.position,
          cause,
        })
      }
      const to = events[events.length - 1]!.position
      const from = checkpoint.position
      const now = yield* Clock.currentTimeMillis
      const outcome = yield* runBatch(database, projection.name, from, (trx) =>
        advance(trx, projection.name, from, to, encoded, now),
      )
      if (outcome instanceof Moved) {
        checkpoint = yield* readCheckpoint(database, projection.name)
        current = yield* decodeState(projection, checkpoint.state)
        continue
      }
      applied += events.length
      checkpoint = { position: to, state: null }
      current = next
    }
  })

const catchUpTable = <DB>(
  projection: TableProjection<DB>,
  batchSize: number,
): Effect.Effect<Progress, ProjectionError, EventStore.EventStore | SqlDatabase> =>
  Effect.gen(function* () {
    const database = yield* SqlDatabase
    const store = yield* EventStore.EventStore
    yield* runSetup(database, projection)
    yield* ensureRow(database, projection.name, undefined, yield* Clock.currentTimeMillis)
    let position = (yield* readCheckpoint(database, projection.name)).position
    let applied = 0
    for (;;) {
      const events = yield* store.readAll({ after: position, limit: batchSize })
      if (events.length === 0) return { position, applied }
      const to = events[events.length - 1]!.position
      const from = position
      const now = yield* Clock.currentTimeMillis
      const outcome = yield* runBatch(database, projection.name, from, async (trx) => {
        await advance(trx, projection.name, from, to, undefined, now)
        await own(() => projection.apply(trx as unknown as Transaction<DB>, events))
      })
      if (outcome instanceof Moved) {
        position = (yield* readCheckpoint(database, projection.name)).position
        continue
      }
      applied += events.length
      position = to
    }
  })

/**
 * Applies every event after the projection's checkpoint, batch by batch, each batch in
 * one transaction with the new checkpoint.
 *
 * @example
 * const progress = yield* Projection.catchUp(schoolsPerTopic)
 */
export const catchUp = <S, DB>(
  projection: Projection<S, DB>,
  options: RunOptions = {},
): Effect.Effect<Progress, ProjectionError, EventStore.EventStore | SqlDatabase> => {
  const batchSize = Math.max(1, options.batchSize ?? 500)
  return projection._tag === "StateProjection"
    ? catchUpState(projection, batchSize)
    : catchUpTable(projection, batchSize)
}

/**
 * Resets the read model (its tables, or its state) and its checkpoint to zero in one
 * transaction, then replays every event.
 */
export const rebuild = <S, DB>(
  projection: Projection<S, DB>,
  options: RunOptions = {},
): Effect.Effect<Progress, ProjectionError, EventStore.EventStore | SqlDatabase> =>
  Effect.gen(function* () {
    const database = yield* SqlDatabase
    const now = yield* Clock.currentTimeMillis
    const initial =
      projection._tag === "StateProjection" ? encoder(projection)(projection.initialState) : null
    if (projection._tag === "TableProjection") yield* runSetup(database, projection)
    yield* runBatch(database, projection.name, 0, async (trx) => {
      if (projection._tag === "TableProjection") {
        await own(() => projection.reset(trx as unknown as Transaction<DB>))
      }
      await trx
        .insertInto("metodika_projections")
        .values({ name: projection.name, position: 0, state: initial, updated_at: now })
        .onConflict((oc) =>
          oc.column("name").doUpdateSet({ position: 0, state: initial, updated_at: now }),
        )
        .execute()
    })
    return yield* catchUp(projection, options)
  })

/** The checkpoint of a projection: the position of the last event applied (0 = none). */
export const checkpoint = (
  name: string,
): Effect.Effect<number, EventStore.StoreError, SqlDatabase> =>
  Effect.flatMap(SqlDatabase, (database) =>
    Effect.map(readCheckpoint(database, name), (c) => c.position),
  )

/** The stored state of a state projection and its checkpoint (the initial state before any run). */
export const load = <S>(
  projection: StateProjection<S>,
): Effect.Effect<
  { readonly state: S; readonly position: number },
  EventStore.StoreError,
  SqlDatabase
> =>
  Effect.gen(function* () {
    const database = yield* SqlDatabase
    const stored = yield* readCheckpoint(database, projection.name)
    return { state: yield* decodeState(projection, stored.state), position: stored.position }
  })

/**
 * Keeps a projection caught up: runs {@link catchUp} every `interval` until
 * interrupted (run it in a fiber of the application).
 */
export const follow = <S, DB>(
  projection: Projection<S, DB>,
  interval: Duration.Input,
  options: RunOptions = {},
): Effect.Effect<never, ProjectionError, EventStore.EventStore | SqlDatabase> =>
  Effect.andThen(
    Effect.repeat(catchUp(projection, options), Schedule.spaced(interval)),
    Effect.never,
  )
