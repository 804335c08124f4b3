/**
 * Rows to domain values and back. Writing encodes JSON and instants the same way in
 * both dialects; reading checks every column a stored event or outbox message needs
 * and fails with `CorruptData`, naming the row and the column, when one is missing,
 * of the wrong kind, or not valid JSON. The check is written by hand rather than with
 * a Schema because it runs for every row of a replay (a million events and more).
 *
 * @module
 */
import type { EventStore, Ids, Outbox } from "@metodika/core"
import { DateTime, Effect } from "effect"
import { corrupt } from "./Errors.ts"

/** A row of `metodika_events` as the drivers return it. */
export interface EventRow {
  readonly position: unknown
  readonly event_id: unknown
  readonly stream_id: unknown
  readonly stream_type: unknown
  readonly version: unknown
  readonly event_type: unknown
  readonly data: unknown
  readonly metadata: unknown
  readonly recorded_at: unknown
}

/** The columns of an {@link EventRow}, in the order every read of events selects them. */
export const eventColumns = [
  "position",
  "event_id",
  "stream_id",
  "stream_type",
  "version",
  "event_type",
  "data",
  "metadata",
  "recorded_at",
] as const satisfies ReadonlyArray<keyof EventRow>

/** A row of `metodika_outbox` as the drivers return it. */
export interface OutboxRow {
  readonly message_id: unknown
  readonly channel: unknown
  readonly recipient: unknown
  readonly payload: unknown
  readonly not_before: unknown
  readonly status: unknown
  readonly attempts: unknown
  readonly next_attempt_at: unknown
  readonly last_error: unknown
  readonly claimed_by: unknown
  readonly lease_until: unknown
  readonly created_at: unknown
}

/** Thrown inside the decoders and turned into `CorruptData` at their edge. */
class Bad {
  readonly detail: string
  readonly cause: unknown
  constructor(detail: string, cause?: unknown) {
    this.detail = detail
    this.cause = cause
  }
}

/**
 * JSON as a column value: text on SQLite; on PostgreSQL the text is cast to `jsonb`
 * by the statement. Undefined (not JSON) is stored as `null`.
 */
export const encodeJson = (value: unknown): string => JSON.stringify(value) ?? "null"

const integer = (value: unknown, column: string): number => {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" || typeof value === "bigint"
        ? Number(value)
        : Number.NaN
  if (!Number.isSafeInteger(n)) throw new Bad(`${column} is not an integer: ${String(value)}`)
  return n
}

const text = (value: unknown, column: string): string => {
  if (typeof value !== "string") throw new Bad(`${column} is not text`)
  return value
}

const optionalText = (value: unknown, column: string): string | undefined =>
  value === null || value === undefined ? undefined : text(value, column)

const instant = (value: unknown, column: string): DateTime.Utc =>
  DateTime.makeUnsafe(integer(value, column))

const optionalInstant = (value: unknown, column: string): DateTime.Utc | undefined =>
  value === null || value === undefined ? undefined : instant(value, column)

const json = (value: unknown, column: string, jsonIsText: boolean): unknown => {
  if (!jsonIsText) return value
  if (typeof value !== "string") throw new Bad(`${column} is not JSON text`)
  try {
    return JSON.parse(value)
  } catch (cause) {
    throw new Bad(`${column} is not valid JSON`, cause)
  }
}

const metadataKeys = ["actorId", "command", "correlationId", "causationId"] as const

const metadata = (value: unknown): EventStore.EventMetadata => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Bad("metadata is not an object")
  }
  for (const key of metadataKeys) {
    const v = (value as Record<string, unknown>)[key]
    if (v !== undefined && typeof v !== "string") throw new Bad(`metadata.${key} is not text`)
  }
  return value as EventStore.EventMetadata
}

const statuses: ReadonlySet<unknown> = new Set(["pending", "claimed", "delivered", "dead"])

const decodeEventUnsafe = (row: EventRow, jsonIsText: boolean): EventStore.StoredEvent => ({
  id: text(row.event_id, "event_id") as Ids.EventId,
  type: text(row.event_type, "event_type"),
  data: json(row.data, "data", jsonIsText),
  metadata: metadata(json(row.metadata, "metadata", jsonIsText)),
  position: integer(row.position, "position"),
  streamId: text(row.stream_id, "stream_id") as Ids.StreamId,
  streamType: text(row.stream_type, "stream_type"),
  version: integer(row.version, "version"),
  recordedAt: instant(row.recorded_at, "recorded_at"),
})

const decodeMessageUnsafe = (row: OutboxRow, jsonIsText: boolean): Outbox.OutboxMessage => {
  if (!statuses.has(row.status))
    throw new Bad(`status is not a known status: ${String(row.status)}`)
  const notBefore = optionalInstant(row.not_before, "not_before")
  const lastError = optionalText(row.last_error, "last_error")
  const claimedBy = optionalText(row.claimed_by, "claimed_by")
  const leaseUntil = optionalInstant(row.lease_until, "lease_until")
  return {
    id: text(row.message_id, "message_id") as Ids.MessageId,
    channel: text(row.channel, "channel"),
    recipient: text(row.recipient, "recipient"),
    payload: json(row.payload, "payload", jsonIsText),
    status: row.status as Outbox.OutboxStatus,
    attempts: integer(row.attempts, "attempts"),
    nextAttemptAt: instant(row.next_attempt_at, "next_attempt_at"),
    createdAt: instant(row.created_at, "created_at"),
    ...(notBefore === undefined ? {} : { notBefore }),
    ...(lastError === undefined ? {} : { lastError }),
    ...(claimedBy === undefined ? {} : { claimedBy }),
    ...(leaseUntil === undefined ? {} : { leaseUntil }),
  }
}

const describeRow = (row: object, key: string): string => {
  const value = (row as Record<string, unknown>)[key]
  return typeof value === "string" || typeof value === "number" ? ` ${key}=${value}` : ""
}

/**
 * Decodes event rows; the first row that cannot be read fails the whole read with
 * `CorruptData` naming its position and the column.
 */
export const decodeEvents = (
  rows: ReadonlyArray<EventRow>,
  jsonIsText: boolean,
): Effect.Effect<ReadonlyArray<EventStore.StoredEvent>, EventStore.CorruptData> =>
  Effect.suspend(() => {
    const out: Array<EventStore.StoredEvent> = new Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      try {
        out[i] = decodeEventUnsafe(row, jsonIsText)
      } catch (error) {
        if (!(error instanceof Bad)) throw error
        return Effect.fail(
          corrupt(
            `event row${describeRow(row, "position")}${describeRow(row, "event_id")}: ${error.detail}`,
            error.cause,
          ),
        )
      }
    }
    return Effect.succeed(out)
  })

/** Decodes outbox rows; a row that cannot be read fails with `CorruptData`. */
export const decodeMessages = (
  rows: ReadonlyArray<OutboxRow>,
  jsonIsText: boolean,
): Effect.Effect<ReadonlyArray<Outbox.OutboxMessage>, EventStore.CorruptData> =>
  Effect.suspend(() => {
    const out: Array<Outbox.OutboxMessage> = []
    for (const row of rows) {
      try {
        out.push(decodeMessageUnsafe(row, jsonIsText))
      } catch (error) {
        if (!(error instanceof Bad)) throw error
        return Effect.fail(
          corrupt(`outbox row${describeRow(row, "message_id")}: ${error.detail}`, error.cause),
        )
      }
    }
    return Effect.succeed(out)
  })

/** Decodes a JSON column read back from the store (projection state). */
export const decodeJson = (
  value: unknown,
  column: string,
  jsonIsText: boolean,
): Effect.Effect<unknown, EventStore.CorruptData> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(json(value, column, jsonIsText))
    } catch (error) {
      if (!(error instanceof Bad)) throw error
      return Effect.fail(corrupt(error.detail, error.cause))
    }
  })

/** Reads an integer column (positions, versions) that may come back as a string from pg. */
export const toInteger = (
  value: unknown,
  column: string,
): Effect.Effect<number, EventStore.CorruptData> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(integer(value, column))
    } catch (error) {
      if (!(error instanceof Bad)) throw error
      return Effect.fail(corrupt(error.detail))
    }
  })
