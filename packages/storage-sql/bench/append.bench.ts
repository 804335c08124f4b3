/**
 * Append throughput: one command = one transaction with its events and outbox rows,
 * through the store beside the raw driver with prepared statements doing the same work
 * (on SQLite also 100 commands per transaction: raw, and the store's `UnitOfWork`)
 * (version check, outbox rows, events; on PostgreSQL the positions from the locked
 * counter row, as the store does). Requests are built before the clock starts. The
 * paths run in alternating rounds on fresh databases and the medians are compared, so
 * a busy machine disturbs both sides alike.
 *
 *   node --conditions=@metodika/source bench/append.bench.ts
 *   BENCH_SQLITE_COMMANDS, BENCH_PG_COMMANDS, BENCH_ROUNDS, METODIKA_BENCH_DIR tune it;
 *   BENCH_ONLY=sqlite or BENCH_ONLY=postgres runs one dialect.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EventStore as CoreEventStore, type EventStore } from "@metodika/core"
import type Database from "better-sqlite3"
import { Effect } from "effect"
import { Kysely, SqliteDialect } from "kysely"
import pg from "pg"
import { encodeJson } from "../src/Codec.ts"
import * as Postgres from "../src/postgres.ts"
import { messageParameters } from "../src/SqliteDriver.ts"
import * as SqlStore from "../src/SqlStore.ts"
import * as Sqlite from "../src/sqlite.ts"
import { freshSchema } from "../test/Postgres.ts"
import { compare, requests, SHAPES } from "./support.ts"

const SQLITE_COMMANDS = Number(process.env.BENCH_SQLITE_COMMANDS ?? 4_000)
const PG_COMMANDS = Number(process.env.BENCH_PG_COMMANDS ?? 400)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)

const dir = mkdtempSync(join(process.env.METODIKA_BENCH_DIR ?? tmpdir(), "metodika-bench-"))
let files = 0

/** A new SQLite file with the store's tables. */
const migratedFile = async () => {
  const file = join(dir, `bench-${++files}.db`)
  await Effect.runPromise(Effect.scoped(Sqlite.make({ filename: file })))
  return file
}

const perSecond = (count: number, millis: number) => (count * 1000) / millis

/** The store's append, one command after the other from one fiber. */
const throughStore = (
  store: EventStore.EventStore["Service"],
  batch: ReadonlyArray<EventStore.AppendRequest>,
) =>
  Effect.gen(function* () {
    const start = performance.now()
    for (const r of batch) yield* store.append(r)
    return perSecond(batch.length, performance.now() - start)
  })

/**
 * The raw driver on a new connection to `file`: one append as a better-sqlite3
 * transaction function (called inside another one, it is a savepoint).
 */
const rawAppender = (file: string) => {
  const db = Sqlite.open({ filename: file }) as unknown as Database.Database
  const version = db
    .prepare("SELECT coalesce(max(version), 0) FROM metodika_events WHERE stream_id = ?")
    .pluck()
  const insertEvent = db.prepare(
    "INSERT INTO metodika_events (event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  )
  const insertMessage = db.prepare(
    "INSERT INTO metodika_outbox (message_id, channel, recipient, payload, not_before, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (message_id) DO NOTHING",
  )
  const append = db.transaction((r: EventStore.AppendRequest, now: number) => {
    if (version.get(r.streamId) !== r.expectedVersion) throw new Error("conflict")
    for (const m of r.outbox ?? []) insertMessage.run(...messageParameters(m, now))
    const positions: Array<number> = []
    r.events.forEach((e, k) => {
      const { lastInsertRowid } = insertEvent.run(
        e.id,
        r.streamId,
        r.streamType,
        r.expectedVersion + k + 1,
        e.type,
        encodeJson(e.data),
        encodeJson(e.metadata),
        now,
      )
      positions.push(Number(lastInsertRowid))
    })
    return positions
  })
  return { db, append }
}

const sqliteRaw = (file: string, batch: ReadonlyArray<EventStore.AppendRequest>) => {
  const { db, append } = rawAppender(file)
  const start = performance.now()
  for (const r of batch) append.immediate(r, Date.now())
  const ops = perSecond(batch.length, performance.now() - start)
  db.close()
  return ops
}

/** Commands per transaction in the unit-of-work runs. */
const UNIT = 100

/** The raw driver, `UNIT` commands per transaction, each in a savepoint (as the store does). */
const sqliteRawUnits = (file: string, batch: ReadonlyArray<EventStore.AppendRequest>) => {
  const { db, append } = rawAppender(file)
  const unit = db.transaction((chunk: ReadonlyArray<EventStore.AppendRequest>) => {
    for (const r of chunk) append(r, Date.now())
  })
  const start = performance.now()
  for (let i = 0; i < batch.length; i += UNIT) unit.immediate(batch.slice(i, i + UNIT))
  const ops = perSecond(batch.length, performance.now() - start)
  db.close()
  return ops
}

/** The store, `UnitOfWork.run` around every `UNIT` commands. */
const sqliteStoreUnits = (file: string, batch: ReadonlyArray<EventStore.AppendRequest>) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.flatMap(Sqlite.make({ filename: file }), (store) =>
        Effect.gen(function* () {
          const start = performance.now()
          for (let i = 0; i < batch.length; i += UNIT) {
            const chunk = batch.slice(i, i + UNIT)
            yield* store.unitOfWork.run(
              Effect.flatMap(CoreEventStore.EventStore, (inUnit) =>
                Effect.forEach(chunk, (r) => inUnit.append(r), { discard: true }),
              ),
            )
          }
          return perSecond(batch.length, performance.now() - start)
          // The unit provides its own EventStore; the store's own is there for the types.
        }).pipe(Effect.provideService(CoreEventStore.EventStore, store.eventStore)),
      ),
    ),
  )

const sqliteStore = (file: string, batch: ReadonlyArray<EventStore.AppendRequest>) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.flatMap(Sqlite.make({ filename: file }), (store) =>
        throughStore(store.eventStore, batch),
      ),
    ),
  )

const sqliteKysely = (file: string, batch: ReadonlyArray<EventStore.AppendRequest>) => {
  const handle = Sqlite.open({ filename: file })
  const db = new Kysely({ dialect: new SqliteDialect({ database: handle as never }) })
  const store = SqlStore.fromDatabase({ dialect: "sqlite", kysely: db as never })
  return Effect.runPromise(throughStore(store.eventStore, batch)).finally(() => db.destroy())
}

const benchSqlite = async () => {
  console.log(
    `SQLite file (WAL, synchronous=NORMAL), one transaction per command, ${SQLITE_COMMANDS} commands per run, median of ${ROUNDS} alternating runs:`,
  )
  for (const shape of SHAPES) {
    console.log(` ${shape.name}`)
    // Warm both paths up once before measuring.
    sqliteRaw(await migratedFile(), requests("warm-r", shape, 1_000))
    await sqliteStore(await migratedFile(), requests("warm-s", shape, 1_000))
    await compare(ROUNDS, [
      {
        label: "raw better-sqlite3 prepared statements",
        run: async (round) =>
          sqliteRaw(await migratedFile(), requests(`r${round}`, shape, SQLITE_COMMANDS)),
      },
      {
        label: "store: Sqlite.layer (owned connection)",
        run: async (round) =>
          sqliteStore(await migratedFile(), requests(`s${round}`, shape, SQLITE_COMMANDS)),
      },
      {
        label: "store over an integrator's Kysely",
        run: async (round) =>
          sqliteKysely(await migratedFile(), requests(`k${round}`, shape, SQLITE_COMMANDS / 4)),
      },
      {
        label: `raw, ${UNIT} commands per transaction`,
        run: async (round) =>
          sqliteRawUnits(await migratedFile(), requests(`ru${round}`, shape, SQLITE_COMMANDS)),
      },
      {
        label: `store, ${UNIT} commands per UnitOfWork`,
        run: async (round) =>
          sqliteStoreUnits(await migratedFile(), requests(`su${round}`, shape, SQLITE_COMMANDS)),
      },
    ])
  }
}

const pgAppendSql = `
  with counter as (
    update metodika_event_position set last_position = last_position + cardinality($1::text[])
    where id = 1 returning last_position - cardinality($1::text[]) as base
  )
  insert into metodika_events (position, event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at)
  select counter.base + e.ord, e.event_id, $5, $6, $7::integer + e.ord::integer, e.event_type, e.data::jsonb, e.metadata::jsonb, $8::bigint
  from counter, unnest($1::text[], $2::text[], $3::text[], $4::text[]) with ordinality as e(event_id, event_type, data, metadata, ord)
  returning position`

const pgRaw = async (client: pg.Client, batch: ReadonlyArray<EventStore.AppendRequest>) => {
  const start = performance.now()
  for (const r of batch) {
    const now = Date.now()
    await client.query("begin")
    const { rows } = await client.query({
      name: "version",
      text: "select coalesce(max(version), 0) as v from metodika_events where stream_id = $1",
      values: [r.streamId],
    })
    if (Number(rows[0].v) !== r.expectedVersion) throw new Error("conflict")
    for (const m of r.outbox ?? []) {
      await client.query({
        name: "message",
        text: "insert into metodika_outbox (message_id, channel, recipient, payload, not_before, status, attempts, next_attempt_at, created_at) values ($1, $2, $3, $4, $5, 'pending', 0, $6, $7) on conflict (message_id) do nothing",
        values: messageParameters(m, now),
      })
    }
    await client.query({
      name: "events",
      text: pgAppendSql,
      values: [
        r.events.map((e) => e.id),
        r.events.map((e) => e.type),
        r.events.map((e) => encodeJson(e.data)),
        r.events.map((e) => encodeJson(e.metadata)),
        r.streamId,
        r.streamType,
        r.expectedVersion,
        now,
      ],
    })
    await client.query("commit")
  }
  return perSecond(batch.length, performance.now() - start)
}

const benchPostgres = async () => {
  console.log(
    `PostgreSQL (local server, synchronous_commit=on), one transaction per command, ${PG_COMMANDS} commands per run, median of ${ROUNDS} alternating runs:`,
  )
  for (const shape of SHAPES) {
    console.log(` ${shape.name}`)
    const rawSchema = await freshSchema("metodika_bench")
    const storeSchema = await freshSchema("metodika_bench")
    const client = new pg.Client({
      connectionString: rawSchema.url,
      options: `-c search_path=${rawSchema.schema}`,
    })
    try {
      await Effect.runPromise(
        Effect.scoped(Postgres.make({ url: rawSchema.url, schema: rawSchema.schema })),
      )
      await client.connect()
      await Effect.runPromise(
        Effect.scoped(
          Effect.gen(function* () {
            const store = yield* Postgres.make({
              url: storeSchema.url,
              schema: storeSchema.schema,
              poolSize: 2,
            })
            yield* Effect.promise(() => pgRaw(client, requests("warm-r", shape, 100)))
            yield* throughStore(store.eventStore, requests("warm-s", shape, 100))
            yield* Effect.promise(() =>
              compare(ROUNDS, [
                {
                  label: "raw pg, named prepared statements",
                  run: (round) => pgRaw(client, requests(`r${round}`, shape, PG_COMMANDS)),
                },
                {
                  label: "store: Postgres.layer",
                  run: (round) =>
                    Effect.runPromise(
                      throughStore(store.eventStore, requests(`s${round}`, shape, PG_COMMANDS)),
                    ),
                },
              ]),
            )
          }),
        ),
      )
    } finally {
      await client.end().catch(() => undefined)
      await rawSchema.drop()
      await storeSchema.drop()
    }
  }
}

const only = process.env.BENCH_ONLY
try {
  if (only === undefined || only === "sqlite") await benchSqlite()
  if (only === undefined || only === "postgres") await benchPostgres()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
