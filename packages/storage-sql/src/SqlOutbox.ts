/**
 * The `Outbox` port over SQL. A claim is one statement that picks due messages (pending
 * ones whose time has come, claimed ones whose lease ran out) and marks them claimed by
 * the worker with a lease, counting an attempt. On PostgreSQL the pick is
 * `FOR UPDATE SKIP LOCKED`, so several application instances claim at once without
 * waiting for each other and without taking the same message within its lease; on
 * SQLite the single writer makes the statement atomic.
 *
 * Settling (`markDelivered`, `markFailed`) only changes a message the worker still
 * holds; otherwise it fails with `LeaseLost`. Every instant comes from the Effect
 * `Clock` of the caller and is compared in SQL as epoch milliseconds.
 *
 * @module
 */
import { type Ids, Outbox } from "@metodika/core"
import { Clock, DateTime, Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import { decodeMessages, type OutboxRow } from "./Codec.ts"
import type { MetodikaDatabase } from "./Schema.ts"
import {
  jsonIsText,
  query,
  SqlDatabase,
  type SqlDatabaseShape,
  transaction,
} from "./SqlDatabase.ts"
import { messageParameters } from "./SqliteDriver.ts"

const chunkSize = 500

const outboxColumns = [
  "seq",
  "message_id",
  "channel",
  "recipient",
  "payload",
  "not_before",
  "status",
  "attempts",
  "next_attempt_at",
  "last_error",
  "claimed_by",
  "lease_until",
  "created_at",
] as const

/**
 * Inserts new messages as pending, leaving ids already present as they are. Messages
 * are inserted in id order, so two transactions enqueuing the same ids cannot deadlock.
 */
export const insertMessages = async (
  db: Kysely<MetodikaDatabase>,
  messages: ReadonlyArray<Outbox.NewOutboxMessage>,
  now: number,
): Promise<void> => {
  const sorted = [...messages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (let i = 0; i < sorted.length; i += chunkSize) {
    await db
      .insertInto("metodika_outbox")
      .values(
        sorted.slice(i, i + chunkSize).map((m) => {
          const [message_id, channel, recipient, payload, not_before, next_attempt_at, created_at] =
            messageParameters(m, now)
          return {
            message_id,
            channel,
            recipient,
            payload,
            not_before,
            status: "pending" as const,
            attempts: 0,
            next_attempt_at,
            created_at,
          }
        }),
      )
      .onConflict((oc) => oc.column("message_id").doNothing())
      .execute()
  }
}

const bySeq = <R extends { readonly seq: number | string }>(rows: ReadonlyArray<R>): Array<R> =>
  [...rows].sort((a, b) => Number(a.seq) - Number(b.seq))

const claimPostgres = (db: Kysely<MetodikaDatabase>, options: Outbox.ClaimOptions, now: number) => {
  const channels =
    options.channels === undefined
      ? sql``
      : sql`and channel = any(${[...options.channels]}::text[])`
  return sql<OutboxRow & { readonly seq: number | string }>`
    with due as (
      select seq from metodika_outbox
      where ((status = 'pending' and next_attempt_at <= ${now}::bigint)
          or (status = 'claimed' and lease_until <= ${now}::bigint))
        ${channels}
      order by next_attempt_at, seq
      limit ${options.limit}
      for update skip locked
    )
    update metodika_outbox as o
    set status = 'claimed', attempts = o.attempts + 1, claimed_by = ${options.workerId},
        lease_until = ${now + options.leaseMillis}::bigint, next_attempt_at = ${now}::bigint
    from due
    where o.seq = due.seq
    returning o.*`.execute(db)
}

// SQLite without statistics (the store never runs ANALYZE) answers an OR over both
// statuses from `metodika_outbox_status`, reading every pending row, payload and all, and
// sorting them: a claim then costs as much as all the reminders waiting in the table.
// Each status is therefore picked on its own partial index, named so the plan never
// depends on statistics: the pending in (next_attempt_at, seq) order, stopping after
// `limit`; the claimed whose lease ran out (few). The union keeps the same order and limit.
const claimSqlite = (db: Kysely<MetodikaDatabase>, options: Outbox.ClaimOptions, now: number) => {
  const channels =
    options.channels === undefined
      ? sql``
      : options.channels.length === 0
        ? sql`and 0`
        : sql`and channel in (${sql.join(options.channels)})`
  return sql<OutboxRow & { readonly seq: number | string }>`
    update metodika_outbox
    set status = 'claimed', attempts = attempts + 1, claimed_by = ${options.workerId},
        lease_until = ${now + options.leaseMillis}, next_attempt_at = ${now}
    where seq in (
      select seq from (
        select seq, next_attempt_at from (
          select seq, next_attempt_at from metodika_outbox indexed by metodika_outbox_pending
          where status = 'pending' and next_attempt_at <= ${now}
            ${channels}
          order by next_attempt_at, seq
          limit ${options.limit}
        )
        union all
        select seq, next_attempt_at from (
          select seq, next_attempt_at from metodika_outbox indexed by metodika_outbox_claimed
          where status = 'claimed' and lease_until <= ${now}
            ${channels}
          order by next_attempt_at, seq
          limit ${options.limit}
        )
      )
      order by next_attempt_at, seq
      limit ${options.limit}
    )
    returning *`.execute(db)
}

/** Makes the `Outbox` over a database. */
export const make = (database: SqlDatabaseShape): Outbox.Outbox["Service"] => {
  const text = jsonIsText(database)

  const settle = (
    id: Ids.MessageId,
    workerId: string,
    operation: string,
    set: (now: number) => Record<string, string | number | null>,
  ) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) =>
      query(database, operation, (db) =>
        db
          .updateTable("metodika_outbox")
          .set({ ...set(now), claimed_by: null, lease_until: null })
          .where("message_id", "=", id)
          .where("status", "=", "claimed")
          .where("claimed_by", "=", workerId)
          .executeTakeFirst(),
      ),
    )

  const settleOrLose = (
    id: Ids.MessageId,
    workerId: string,
    operation: string,
    set: (now: number) => Record<string, string | number | null>,
  ) =>
    Effect.flatMap(settle(id, workerId, operation, set), (result) =>
      result.numUpdatedRows === 0n
        ? Effect.fail(new Outbox.LeaseLost({ messageId: id, workerId }))
        : Effect.void,
    )

  return Outbox.Outbox.of({
    enqueue: (messages) =>
      messages.length === 0
        ? Effect.void
        : Effect.flatMap(Clock.currentTimeMillis, (now) =>
            transaction(database, "enqueue", (trx) => insertMessages(trx, messages, now)),
          ),

    claim: (options) =>
      options.limit <= 0
        ? Effect.succeed([])
        : Effect.flatMap(Clock.currentTimeMillis, (now) =>
            Effect.flatMap(
              query(database, "claim", (db) =>
                database.dialect === "postgres"
                  ? claimPostgres(db, options, now)
                  : claimSqlite(db, options, now),
              ),
              ({ rows }) => decodeMessages(bySeq(rows), text),
            ),
          ),

    markDelivered: (id, workerId) =>
      settleOrLose(id, workerId, "markDelivered", () => ({ status: "delivered" })),

    markFailed: (id, workerId, error, outcome) =>
      settleOrLose(id, workerId, "markFailed", () =>
        outcome._tag === "Dead"
          ? { status: "dead", last_error: error }
          : {
              status: "pending",
              last_error: error,
              next_attempt_at: DateTime.toEpochMillis(outcome.at),
            },
      ),

    release: (id, workerId) =>
      Effect.asVoid(settle(id, workerId, "release", () => ({ status: "pending" }))),

    get: (id) =>
      Effect.flatMap(
        query(database, "get", (db) =>
          db
            .selectFrom("metodika_outbox")
            .select(outboxColumns)
            .where("message_id", "=", id)
            .execute(),
        ),
        (rows) => Effect.map(decodeMessages(rows as ReadonlyArray<OutboxRow>, text), (ms) => ms[0]),
      ),

    list: (status, limit) =>
      Effect.flatMap(
        query(database, "list", (db) => {
          const q = db
            .selectFrom("metodika_outbox")
            .select(outboxColumns)
            .where("status", "=", status)
            .orderBy("seq")
          return (limit === undefined ? q : q.limit(Math.max(0, limit))).execute()
        }),
        (rows) => decodeMessages(rows as ReadonlyArray<OutboxRow>, text),
      ),
  })
}

/** The `Outbox` of the {@link SqlDatabase} in context. */
export const layer: Layer.Layer<Outbox.Outbox, never, SqlDatabase> = Layer.effect(
  Outbox.Outbox,
  Effect.map(SqlDatabase, make),
)
