/**
 * The `EventStore` port over SQL. An append is one transaction: check the stream's
 * version, insert the outbox messages (ignoring ids already present), insert the
 * events. Nothing is checked twice on the hot path: the unique keys on the event id and
 * on `(stream, version)` catch what a concurrent writer or a re-sent batch would break,
 * and only then does the store look at what is there to tell a re-sent batch (success
 * with the original result), a duplicate id (`DuplicateEvent`) and a conflict
 * (`VersionConflict` with the actual version) apart, exactly as the in-memory store does.
 *
 * Paths: on the store's own SQLite connection the append runs synchronously through
 * prepared better-sqlite3 statements (see `SqliteDriver`); on the store's own pg pool it
 * runs as named prepared statements (see `PostgresDriver`); over an integrator's Kysely
 * instance it runs through Kysely. On PostgreSQL the positions are taken from the locked
 * counter row in the same statement that inserts the events (see `Schema`).
 *
 * @module
 */
import { EventStore, type Ids } from "@metodika/core"
import { Effect, Layer } from "effect"
import { CompiledQuery, type Kysely, sql } from "kysely"
import { decodeEvents, type EventRow, encodeJson, eventColumns } from "./Codec.ts"
import * as Errors from "./Errors.ts"
import * as PostgresDriver from "./PostgresDriver.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import {
  atomically,
  attempt,
  jsonIsText,
  type OwnedSqlite,
  query,
  SqlDatabase,
  type SqlDatabaseShape,
  withUnit,
} from "./SqlDatabase.ts"
import { insertMessages } from "./SqlOutbox.ts"

type AppendError = EventStore.VersionConflict | EventStore.DuplicateEvent | EventStore.StoreError

/** Rows per insert statement: far below SQLite's and PostgreSQL's parameter limits. */
const chunkSize = 500

const chunks = <A>(items: ReadonlyArray<A>): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += chunkSize) out.push(items.slice(i, i + chunkSize))
  return out
}

const currentVersion = async (db: Kysely<MetodikaDatabase>, streamId: string): Promise<number> => {
  const row = await db
    .selectFrom("metodika_events")
    .select(sql<number | string>`coalesce(max(version), 0)`.as("version"))
    .where("stream_id", "=", streamId)
    .executeTakeFirst()
  return Number(row?.version ?? 0)
}

/** Runs one of the pg statements of `PostgresDriver` through Kysely (unnamed). */
const runPg = async (db: Kysely<MetodikaDatabase>, statement: PostgresDriver.PgQuery) =>
  (
    await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(statement.text, [...(statement.values ?? [])]),
    )
  ).rows

const insertEventsSqlite = async (
  db: Kysely<MetodikaDatabase>,
  request: EventStore.AppendRequest,
  now: number,
): Promise<ReadonlyArray<number>> => {
  const positions: Array<number> = []
  const indexed = request.events.map((e, i) => ({ e, i }))
  for (const chunk of chunks(indexed)) {
    const rows = await db
      .insertInto("metodika_events")
      .values(
        chunk.map(({ e, i }) => ({
          event_id: e.id,
          stream_id: request.streamId,
          stream_type: request.streamType,
          version: request.expectedVersion + i + 1,
          event_type: e.type,
          data: encodeJson(e.data),
          metadata: encodeJson(e.metadata),
          recorded_at: now,
        })),
      )
      .returning(["position", "version"])
      .execute()
    positions.push(...rows.sort((a, b) => a.version - b.version).map((r) => Number(r.position)))
  }
  return positions
}

/** What one attempt at an append found: done, or something to look into. */
type Attempt = EventStore.AppendResult | "investigate"

const kyselyAttempt = (
  database: SqlDatabaseShape,
  request: EventStore.AppendRequest,
  now: number,
): Promise<Attempt> =>
  atomically(database, async (trx): Promise<Attempt> => {
    if ((await currentVersion(trx, request.streamId)) !== request.expectedVersion) {
      return "investigate"
    }
    if (database.dialect === "postgres") {
      const outbox = PostgresDriver.outboxStatement(request.outbox ?? [], now)
      if (outbox !== undefined) await runPg(trx, outbox)
    } else if (request.outbox !== undefined && request.outbox.length > 0) {
      await insertMessages(trx, request.outbox, now)
    }
    const positions =
      request.events.length === 0
        ? []
        : database.dialect === "postgres"
          ? PostgresDriver.positionsOf(
              await runPg(trx, PostgresDriver.eventsStatement(request, now)),
            )
          : await insertEventsSqlite(trx, request, now)
    return {
      streamId: request.streamId,
      version: request.expectedVersion + request.events.length,
      positions,
    }
  })

/** A driver error of an append: a unique violation is looked into, anything else fails. */
const classify = (cause: unknown): Attempt | EventStore.StoreError =>
  Errors.isUniqueViolation(cause) ? "investigate" : Errors.fromDriver("append")(cause)

/**
 * The hot path on the store's own SQLite connection, run while holding its lock: the
 * whole append synchronously, without a turn of the event loop. A busy database has
 * already been waited for by better-sqlite3 (`busy_timeout`), so it is not retried.
 */
const ownedAttemptLocked = (
  owned: OwnedSqlite,
  request: EventStore.AppendRequest,
  now: number,
): Attempt | EventStore.StoreError => {
  try {
    return owned.fastAppend()(request, now) ?? "investigate"
  } catch (cause) {
    return classify(cause)
  } finally {
    owned.lock.release()
  }
}

const fromOutcome = (
  outcome: Attempt | EventStore.StoreError,
): Effect.Effect<Attempt, EventStore.StoreError> =>
  typeof outcome === "string" || !("_tag" in outcome)
    ? Effect.succeed(outcome)
    : Effect.fail(outcome)

const attemptAppend = (
  database: SqlDatabaseShape,
  request: EventStore.AppendRequest,
  now: number,
): Effect.Effect<Attempt, EventStore.StoreError> => {
  const owned = database.ownedSqlite
  if (owned === undefined) {
    const pg = database.ownedPostgres
    const run = async (): Promise<Attempt> => {
      if (pg === undefined) return kyselyAttempt(database, request, now)
      // Inside a unit of work: a savepoint on the unit's client, under the unit's lock.
      const unit = pg.unit
      const append = () => PostgresDriver.append(pg.pool, request, now, unit !== undefined)
      return (await (unit === undefined ? append() : withUnit(unit, append))) ?? "investigate"
    }
    return Effect.catch(attempt(run), (cause) => fromOutcome(classify(cause)))
  }
  if (owned.lock.tryAcquire()) return fromOutcome(ownedAttemptLocked(owned, request, now))
  // The wait and the append are one promise: a fiber interrupted while it waits stops
  // waiting (the signal takes it out of the queue), and one that got the lock runs the
  // append, which releases it, whatever became of the fiber.
  return Effect.flatMap(
    Effect.promise((signal) =>
      owned.lock.acquire(signal).then(() => ownedAttemptLocked(owned, request, now)),
    ),
    fromOutcome,
  )
}

/**
 * After a version mismatch or a unique violation: the batch already stored at exactly
 * this place (success, nothing new), an id stored elsewhere (`DuplicateEvent`), a stream
 * that moved on (`VersionConflict`), or none of these because the competing writer rolled
 * back ("retry").
 */
const investigate = (
  database: SqlDatabaseShape,
  request: EventStore.AppendRequest,
): Effect.Effect<EventStore.AppendResult | "retry", AppendError> =>
  query(database, "append", async (db) => {
    const ids = request.events.map((e) => e.id as string)
    const found = new Map<string, { stream_id: string; version: number; position: number }>()
    for (const chunk of chunks(ids)) {
      const rows = await db
        .selectFrom("metodika_events")
        .select(["event_id", "stream_id", "version", "position"])
        .where("event_id", "in", chunk)
        .execute()
      for (const r of rows) {
        found.set(r.event_id, {
          stream_id: r.stream_id,
          version: r.version,
          position: Number(r.position),
        })
      }
    }
    const version = found.size === 0 ? await currentVersion(db, request.streamId) : undefined
    return { found, version }
  }).pipe(
    Effect.flatMap(
      ({ found, version }): Effect.Effect<EventStore.AppendResult | "retry", AppendError> => {
        if (found.size > 0) {
          const same = request.events.every((e, i) => {
            const stored = found.get(e.id)
            return (
              stored !== undefined &&
              stored.stream_id === request.streamId &&
              stored.version === request.expectedVersion + i + 1
            )
          })
          if (same) {
            const replayed: EventStore.AppendResult = {
              streamId: request.streamId,
              version: request.expectedVersion + request.events.length,
              positions: request.events.map((e) => found.get(e.id)!.position),
            }
            return Effect.succeed(replayed)
          }
          const clash = request.events.find((e) => found.has(e.id)) ?? request.events[0]!
          return Effect.fail(
            new EventStore.DuplicateEvent({ eventId: clash.id, streamId: request.streamId }),
          )
        }
        if (version !== request.expectedVersion) {
          return Effect.fail(
            new EventStore.VersionConflict({
              streamId: request.streamId,
              expectedVersion: request.expectedVersion,
              actualVersion: version ?? 0,
            }),
          )
        }
        return Effect.succeed("retry" as const)
      },
    ),
  )

const maxRetries = 5

const repeatedId = (request: EventStore.AppendRequest): Ids.EventId | undefined => {
  const seen = new Set<string>()
  for (const e of request.events) {
    if (seen.has(e.id)) return e.id
    seen.add(e.id)
  }
  return undefined
}

/** Makes the `EventStore` over a database. */
export const make = (database: SqlDatabaseShape): EventStore.EventStore["Service"] => {
  const text = jsonIsText(database)

  const append = (
    request: EventStore.AppendRequest,
  ): Effect.Effect<EventStore.AppendResult, AppendError> => {
    const repeated = repeatedId(request)
    if (repeated !== undefined) {
      return Effect.fail(
        new EventStore.DuplicateEvent({ eventId: repeated, streamId: request.streamId }),
      )
    }
    const settle = (
      now: number,
      round: number,
      result: Attempt,
    ): Effect.Effect<EventStore.AppendResult, AppendError> =>
      result !== "investigate"
        ? Effect.succeed(result)
        : Effect.flatMap(investigate(database, request), (found) =>
            found !== "retry"
              ? Effect.succeed(found)
              : round < maxRetries
                ? Effect.flatMap(attemptAppend(database, request, now), (next) =>
                    settle(now, round + 1, next),
                  )
                : Effect.fail(
                    new EventStore.StoreUnavailable({
                      operation: "append",
                      cause: new Error(
                        `append to ${request.streamId} kept failing on a unique key without a visible cause`,
                      ),
                    }),
                  ),
          )
    const owned = database.ownedSqlite
    return Effect.clockWith((clock) => {
      const now = clock.currentTimeMillisUnsafe()
      // The usual case on the store's own SQLite connection: the lock is free and the
      // append completes right here, with no Effect machinery beyond this one step.
      const free = owned === undefined ? undefined : owned.lock.tryAcquire() ? owned : undefined
      if (free !== undefined) {
        const outcome = ownedAttemptLocked(free, request, now)
        if (typeof outcome !== "string" && "_tag" in outcome) return Effect.fail(outcome)
        return settle(now, 0, outcome)
      }
      return Effect.flatMap(attemptAppend(database, request, now), (result) =>
        settle(now, 0, result),
      )
    })
  }

  const readStream = (streamId: Ids.StreamId) => Effect.suspend(() => readStreamNow(streamId))

  const readStreamNow = (streamId: Ids.StreamId) => {
    // On the store's own SQLite connection, when it is free: one prepared statement, at once.
    const owned = database.ownedSqlite
    if (owned?.lock.tryAcquire()) {
      let rows: ReadonlyArray<unknown>
      try {
        rows = owned.fastReadStream()(streamId)
      } catch (cause) {
        // A busy database is waited for and retried on the usual path.
        if (Errors.isTransient(cause)) return readStreamQuery(streamId)
        return Effect.fail(Errors.fromDriver("readStream")(cause))
      } finally {
        owned.lock.release()
      }
      return decodeEvents(rows as ReadonlyArray<EventRow>, text)
    }
    return readStreamQuery(streamId)
  }

  const readStreamQuery = (streamId: Ids.StreamId) =>
    Effect.flatMap(
      query(database, "readStream", (db) =>
        db
          .selectFrom("metodika_events")
          .select(eventColumns)
          .where("stream_id", "=", streamId)
          .orderBy("version")
          .execute(),
      ),
      (rows) => decodeEvents(rows as ReadonlyArray<EventRow>, text),
    )

  const readAll = ({ after, limit }: EventStore.ReadAllOptions) =>
    limit <= 0
      ? Effect.succeed([])
      : Effect.flatMap(
          query(database, "readAll", (db) =>
            db
              .selectFrom("metodika_events")
              .select(eventColumns)
              .where("position", ">", Math.max(0, after))
              .orderBy("position")
              .limit(limit)
              .execute(),
          ),
          (rows) => decodeEvents(rows as ReadonlyArray<EventRow>, text),
        )

  return EventStore.EventStore.of({ append, readStream, readAll })
}

/** The `EventStore` of the {@link SqlDatabase} in context. */
export const layer: Layer.Layer<EventStore.EventStore, never, SqlDatabase> = Layer.effect(
  EventStore.EventStore,
  Effect.map(SqlDatabase, make),
)
