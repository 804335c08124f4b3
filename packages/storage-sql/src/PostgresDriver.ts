/**
 * The hot path on the store's own pg pool: an append as named prepared statements on
 * one pooled client, the way a hand-written pg program would do it. Kysely sends every
 * query unnamed, so PostgreSQL parses and plans it again each time; with names, each
 * connection prepares the four statements of an append once. Everything else goes
 * through Kysely.
 *
 * The statements take arrays (`unnest`), so their text does not depend on how many
 * events or messages an append carries. Positions come from the locked counter row, as
 * described in `Schema`.
 *
 * No import of pg here: the pool is described structurally, so the root entry of the
 * package loads without the driver.
 *
 * @module
 */
import type { EventStore, Outbox } from "@metodika/core"
import { encodeJson } from "./Codec.ts"
import { messageParameters } from "./SqliteDriver.ts"

/** A pg query with a statement name, as far as the store uses it. */
export interface PgQuery {
  readonly name?: string
  readonly text: string
  readonly values?: ReadonlyArray<unknown>
}

/** A pooled pg client, as far as the store uses it. */
export interface PgClient {
  query(query: PgQuery | string): Promise<{ readonly rows: ReadonlyArray<Record<string, unknown>> }>
  release(destroy?: boolean | Error): void
}

/** A pg pool, as far as the store uses it. */
export interface PgPool {
  connect(): Promise<PgClient>
}

const versionQuery = {
  name: "metodika_append_version_1",
  text: "select coalesce(max(version), 0) as version from metodika_events where stream_id = $1",
}

const outboxQuery = {
  name: "metodika_append_outbox_1",
  text: `insert into metodika_outbox
           (message_id, channel, recipient, payload, not_before, status, attempts, next_attempt_at, created_at)
         select m.message_id, m.channel, m.recipient, m.payload::jsonb, m.not_before, 'pending', 0,
                m.next_attempt_at, $7::bigint
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
           as m(message_id, channel, recipient, payload, not_before, next_attempt_at)
         on conflict (message_id) do nothing`,
}

const eventsQuery = {
  name: "metodika_append_events_1",
  text: `with counter as (
           update metodika_event_position
           set last_position = last_position + cardinality($1::text[])
           where id = 1
           returning last_position - cardinality($1::text[]) as base
         )
         insert into metodika_events
           (position, event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at)
         select counter.base + e.ord, e.event_id, $5, $6, $7::integer + e.ord::integer, e.event_type,
                e.data::jsonb, e.metadata::jsonb, $8::bigint
         from counter,
              unnest($1::text[], $2::text[], $3::text[], $4::text[])
                with ordinality as e(event_id, event_type, data, metadata, ord)
         returning position, version`,
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** The version check of an append. */
export const versionStatement = (streamId: string): PgQuery => ({
  ...versionQuery,
  values: [streamId],
})

/**
 * The outbox rows of an append, in id order so two appends enqueuing the same ids
 * cannot deadlock; `undefined` when there are none.
 */
export const outboxStatement = (
  messages: ReadonlyArray<Outbox.NewOutboxMessage>,
  now: number,
): PgQuery | undefined => {
  if (messages.length === 0) return undefined
  const rows = [...messages].sort(byId).map((m) => messageParameters(m, now))
  return {
    ...outboxQuery,
    values: [0, 1, 2, 3, 4, 5].map((c) => rows.map((row) => row[c])).concat([now]),
  }
}

/** The events of an append with their positions from the counter row; returns `position, version`. */
export const eventsStatement = (request: EventStore.AppendRequest, now: number): PgQuery => ({
  ...eventsQuery,
  values: [
    request.events.map((e) => e.id),
    request.events.map((e) => e.type),
    request.events.map((e) => encodeJson(e.data)),
    request.events.map((e) => encodeJson(e.metadata)),
    request.streamId,
    request.streamType,
    request.expectedVersion,
    now,
  ],
})

/** The positions of inserted events in version order. */
export const positionsOf = (rows: ReadonlyArray<Record<string, unknown>>): ReadonlyArray<number> =>
  [...rows].sort((a, b) => Number(a.version) - Number(b.version)).map((r) => Number(r.position))

const transactionStatements = ["begin", "commit", "rollback"] as const
const savepointStatements = [
  "savepoint metodika_append",
  "release savepoint metodika_append",
  "rollback to savepoint metodika_append; release savepoint metodika_append",
] as const

/**
 * One append in one transaction on a pooled client (`nested`: in one savepoint of the
 * transaction a unit of work holds the client for): the version check, the outbox rows
 * (in id order, so two appends enqueuing the same ids cannot deadlock), the events.
 * Returns `undefined` when the stream is not at the expected version; a unique violation
 * is thrown after the rollback.
 */
export const append = async (
  pool: PgPool,
  request: EventStore.AppendRequest,
  now: number,
  nested = false,
): Promise<EventStore.AppendResult | undefined> => {
  const client = await pool.connect()
  let broken = false
  const [begin, commit, rollback] = nested ? savepointStatements : transactionStatements
  try {
    await client.query(begin)
    try {
      const { rows } = await client.query(versionStatement(request.streamId))
      if (Number(rows[0]?.version ?? 0) !== request.expectedVersion) {
        await client.query(rollback)
        return undefined
      }
      const outbox = outboxStatement(request.outbox ?? [], now)
      if (outbox !== undefined) await client.query(outbox)
      const positions =
        request.events.length === 0
          ? []
          : positionsOf((await client.query(eventsStatement(request, now))).rows)
      await client.query(commit)
      return {
        streamId: request.streamId,
        version: request.expectedVersion + request.events.length,
        positions,
      }
    } catch (error) {
      await client.query(rollback).catch(() => {
        broken = true
      })
      throw error
    }
  } catch (error) {
    // An error the server reported leaves the connection usable; any other (a dropped
    // connection, a protocol error) does not, and the pool must not hand it out again.
    broken ||= !(typeof error === "object" && error !== null && "severity" in error)
    throw error
  } finally {
    client.release(broken)
  }
}
