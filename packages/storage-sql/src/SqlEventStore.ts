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
 * prepared better-sqlite3 statements (see `SqliteDriver`); otherwise it runs through
 * Kysely, with the positions of PostgreSQL taken from the locked counter row in the
 * same statement that inserts the events (see `Schema` on the global order).
 *
 * @module
 */
import { EventStore, type Ids } from "@metodika/core"
import { Clock, Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import { decodeEvents, type EventRow, encodeJson } from "./Codec.ts"
import * as Errors from "./Errors.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import {
  attempt,
  jsonIsText,
  type OwnedSqlite,
  query,
  SqlDatabase,
  type SqlDatabaseShape,
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

const eventColumns = [
  "position",
  "event_id",
  "stream_id",
  "stream_type",
  "version",
  "event_type",
  "data",
  "metadata",
  "recorded_at",
] as const

const currentVersion = async (db: Kysely<MetodikaDatabase>, streamId: string): Promise<number> => {
  const row = await db
    .selectFrom("metodika_events")
    .select(sql<number | string>`coalesce(max(version), 0)`.as("version"))
    .where("stream_id", "=", streamId)
    .executeTakeFirst()
  return Number(row?.version ?? 0)
}

const insertEventsPostgres = async (
  db: Kysely<MetodikaDatabase>,
  request: EventStore.AppendRequest,
  now: number,
): Promise<ReadonlyArray<number>> => {
  const { rows } = await sql<{ position: string | number; version: number }>`
    with counter as (
      update metodika_event_position
      set last_position = last_position + ${request.events.length}
      where id = 1
      returning last_position - ${request.events.length} as base
    )
    insert into metodika_events
      (position, event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at)
    select counter.base + e.ord, e.event_id, ${request.streamId}, ${request.streamType},
           ${request.expectedVersion}::integer + e.ord::integer, e.event_type, e.data::jsonb, e.metadata::jsonb,
           ${now}::bigint
    from counter,
         unnest(${request.events.map((e) => e.id)}::text[], ${request.events.map((e) => e.type)}::text[],
                ${request.events.map((e) => encodeJson(e.data))}::text[],
                ${request.events.map((e) => encodeJson(e.metadata))}::text[])
           with ordinality as e(event_id, event_type, data, metadata, ord)
    returning position, version`.execute(db)
  return [...rows].sort((a, b) => a.version - b.version).map((r) => Number(r.position))
}

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
  database.kysely.transaction().execute(async (trx): Promise<Attempt> => {
    if ((await currentVersion(trx, request.streamId)) !== request.expectedVersion) {
      return "investigate"
    }
    if (request.outbox !== undefined && request.outbox.length > 0) {
      await insertMessages(trx, request.outbox, now)
    }
    const positions =
      request.events.length === 0
        ? []
        : database.dialect === "postgres"
          ? await insertEventsPostgres(trx, request, now)
          : await insertEventsSqlite(trx, request, now)
    return {
      streamId: request.streamId,
      version: request.expectedVersion + request.events.length,
      positions,
    }
  })

/**
 * The hot path on the store's own SQLite connection: when the connection is free (the
 * usual case) the whole append runs synchronously, without a turn of the event loop;
 * otherwise it waits for the lock first.
 */
const ownedAttempt = (
  owned: OwnedSqlite,
  request: EventStore.AppendRequest,
  now: number,
): Effect.Effect<Attempt, unknown> => {
  const run = () => {
    try {
      return owned.fastAppend()(request, now) ?? "investigate"
    } finally {
      owned.lock.release()
    }
  }
  if (owned.lock.tryAcquire()) {
    return Effect.try({ try: run, catch: (cause) => cause })
  }
  return Effect.flatMap(Effect.uninterruptible(Effect.promise(() => owned.lock.acquire())), () =>
    Effect.try({ try: run, catch: (cause) => cause }),
  )
}

const attemptAppend = (
  database: SqlDatabaseShape,
  request: EventStore.AppendRequest,
  now: number,
): Effect.Effect<Attempt, EventStore.StoreError> => {
  const once =
    database.ownedSqlite === undefined
      ? attempt(() => kyselyAttempt(database, request, now))
      : ownedAttempt(database.ownedSqlite, request, now).pipe(
          Effect.retry({ while: Errors.isTransient, times: 3 }),
        )
  return Effect.catch(once, (cause) =>
    Errors.isUniqueViolation(cause)
      ? Effect.succeed<Attempt>("investigate")
      : Effect.fail(Errors.fromDriver("append")(cause)),
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
    const loop = (
      now: number,
      round: number,
    ): Effect.Effect<EventStore.AppendResult, AppendError> =>
      Effect.flatMap(attemptAppend(database, request, now), (result) =>
        result !== "investigate"
          ? Effect.succeed(result)
          : Effect.flatMap(investigate(database, request), (found) =>
              found !== "retry"
                ? Effect.succeed(found)
                : round < maxRetries
                  ? loop(now, round + 1)
                  : Effect.fail(
                      new EventStore.StoreUnavailable({
                        operation: "append",
                        cause: new Error(
                          `append to ${request.streamId} kept failing on a unique key without a visible cause`,
                        ),
                      }),
                    ),
            ),
      )
    return Effect.flatMap(Clock.currentTimeMillis, (now) => loop(now, 0))
  }

  const readStream = (streamId: Ids.StreamId) =>
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
