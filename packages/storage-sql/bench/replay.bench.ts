/**
 * Replay of 1,000,000 events: read the whole global order in pages and fold it, through
 * the store (`readAll`) and through the projection runner (`Projection.catchUp`), beside
 * the raw driver reading the same pages. Prints events per second and the ratio to raw.
 *
 *   node --conditions=@metodika/source bench/replay.bench.ts
 *   BENCH_REPLAY_EVENTS (default 1000000), BENCH_ONLY=sqlite|postgres, METODIKA_BENCH_DIR.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { EventStore } from "@metodika/core"
import type Database from "better-sqlite3"
import { Effect, type Layer } from "effect"
import pg from "pg"
import * as Projection from "../src/Projection.ts"
import * as Postgres from "../src/postgres.ts"
import type * as SqlStore from "../src/SqlStore.ts"
import * as Sqlite from "../src/sqlite.ts"
import { freshSchema } from "../test/Postgres.ts"

const EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 1_000_000)
const PAGE = 5_000
const STREAMS = 1_000
const TYPES = ["TopicProposed", "QuestionSubmitted", "AnswerPublished", "DayHeld"]

interface Totals {
  readonly count: number
  readonly points: number
  readonly byType: Readonly<Record<string, number>>
}
const empty: Totals = { count: 0, points: 0, byType: {} }

// Written as a fold that mutates for speed in the raw and store loops; the projection
// uses the pure version below.
const add = (
  totals: { count: number; points: number; byType: Record<string, number> },
  type: string,
  data: unknown,
) => {
  totals.count++
  totals.points += (data as { readonly баллы: number }).баллы
  totals.byType[type] = (totals.byType[type] ?? 0) + 1
}

const totalsProjection = Projection.state<Totals>({
  name: "bench-totals",
  initialState: empty,
  apply: (t, e) => ({
    count: t.count + 1,
    points: t.points + (e.data as { readonly баллы: number }).баллы,
    byType: { ...t.byType, [e.type]: (t.byType[e.type] ?? 0) + 1 },
  }),
})

const rate = (start: number) => Math.round((EVENTS * 1000) / (performance.now() - start))
const line = (label: string, perSecond: number, raw?: number) =>
  console.log(
    `  ${label.padEnd(44)} ${perSecond.toLocaleString("en-US").padStart(10)} events/s${raw === undefined ? "" : `  ratio ${(perSecond / raw).toFixed(2)}`}`,
  )

const check = (totals: Totals) => {
  if (totals.count !== EVENTS)
    throw new Error(`replayed ${totals.count} events, expected ${EVENTS}`)
}

/** Replays through `readAll` in pages, folding as it goes. */
const throughStore = (store: EventStore.EventStore["Service"]) =>
  Effect.gen(function* () {
    const totals = { count: 0, points: 0, byType: {} as Record<string, number> }
    const start = performance.now()
    let after = 0
    for (;;) {
      const page = yield* store.readAll({ after, limit: PAGE })
      if (page.length === 0) break
      for (const e of page) add(totals, e.type, e.data)
      after = page[page.length - 1]!.position
    }
    const perSecond = rate(start)
    check(totals)
    return perSecond
  })

/** Rebuilds the state projection from zero. */
const throughProjection = Effect.gen(function* () {
  const start = performance.now()
  const progress = yield* Projection.rebuild(totalsProjection, { batchSize: PAGE })
  const perSecond = rate(start)
  if (progress.applied !== EVENTS) throw new Error(`projected ${progress.applied} events`)
  return perSecond
})

const replayWith = (layer: Layer.Layer<SqlStore.Services, unknown>, raw: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      line("store: EventStore.readAll pages + fold", yield* throughStore(store), raw)
      line("store: Projection.rebuild (state projection)", yield* throughProjection, raw)
    }).pipe(Effect.provide(layer)),
  )

const benchSqlite = async () => {
  const dir = mkdtempSync(join(process.env.METODIKA_BENCH_DIR ?? tmpdir(), "metodika-replay-"))
  try {
    const file = join(dir, "replay.db")
    await Effect.runPromise(Effect.scoped(Sqlite.make({ filename: file })))
    const db = Sqlite.open({ filename: file }) as unknown as Database.Database
    const fillStart = performance.now()
    const insert = db.prepare(
      "INSERT INTO metodika_events (event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at) VALUES (?, ?, 'bench', ?, ?, ?, ?, ?)",
    )
    const fill = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        insert.run(
          `e-${i}`,
          `s-${i % STREAMS}`,
          Math.floor(i / STREAMS) + 1,
          TYPES[i % TYPES.length],
          JSON.stringify({ школа: "МБОУ СОШ № 3", вопрос: `Вопрос ${i}`, баллы: i % 10 }),
          JSON.stringify({ command: "Submit", correlationId: `c-${i}` }),
          1_788_000_000_000 + i,
        )
      }
    })
    for (let i = 0; i < EVENTS; i += 100_000) fill.immediate(i, Math.min(EVENTS, i + 100_000))
    console.log(
      `SQLite file, replay of ${EVENTS.toLocaleString("en-US")} events in pages of ${PAGE} (filled in ${Math.round((performance.now() - fillStart) / 1000)} s):`,
    )

    const page = db.prepare(
      "SELECT position, event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at FROM metodika_events WHERE position > ? ORDER BY position LIMIT ?",
    )
    const totals = { count: 0, points: 0, byType: {} as Record<string, number> }
    const start = performance.now()
    let after = 0
    for (;;) {
      const rows = page.all(after, PAGE) as Array<{
        position: number
        event_type: string
        data: string
        metadata: string
      }>
      if (rows.length === 0) break
      for (const r of rows) {
        JSON.parse(r.metadata)
        add(totals, r.event_type, JSON.parse(r.data))
      }
      after = rows[rows.length - 1]!.position
    }
    const raw = rate(start)
    check(totals)
    db.close()
    line("raw better-sqlite3 pages + JSON.parse + fold", raw)
    await replayWith(Sqlite.layer({ filename: file }), raw)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const benchPostgres = async () => {
  const schema = await freshSchema("metodika_bench")
  const client = new pg.Client({
    connectionString: schema.url,
    options: `-c search_path=${schema.schema}`,
  })
  try {
    await Effect.runPromise(
      Effect.scoped(Postgres.make({ url: schema.url, schema: schema.schema })),
    )
    await client.connect()
    const fillStart = performance.now()
    await client.query(
      `insert into metodika_events (position, event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at)
       select i, 'e-' || i, 's-' || (i % ${STREAMS}), 'bench', (i - 1) / ${STREAMS} + 1,
              (array[${TYPES.map((t) => `'${t}'`).join(",")}])[(i - 1) % ${TYPES.length} + 1],
              jsonb_build_object('школа', 'МБОУ СОШ № 3', 'вопрос', 'Вопрос ' || i, 'баллы', i % 10),
              jsonb_build_object('command', 'Submit', 'correlationId', 'c-' || i),
              1788000000000 + i
       from generate_series(1, ${EVENTS}) as i`,
    )
    await client.query(`update metodika_event_position set last_position = ${EVENTS}`)
    await client.query("analyze metodika_events")
    console.log(
      `PostgreSQL, replay of ${EVENTS.toLocaleString("en-US")} events in pages of ${PAGE} (filled in ${Math.round((performance.now() - fillStart) / 1000)} s):`,
    )
    const totals = { count: 0, points: 0, byType: {} as Record<string, number> }
    const start = performance.now()
    let after = 0
    for (;;) {
      const { rows } = await client.query({
        name: "page",
        text: "select position, event_id, stream_id, stream_type, version, event_type, data, metadata, recorded_at from metodika_events where position > $1 order by position limit $2",
        values: [after, PAGE],
      })
      if (rows.length === 0) break
      for (const r of rows) add(totals, r.event_type, r.data)
      after = Number(rows[rows.length - 1].position)
    }
    const raw = rate(start)
    check(totals)
    line("raw pg named statement pages + fold", raw)
    await replayWith(Postgres.layer({ url: schema.url, schema: schema.schema, poolSize: 2 }), raw)
  } finally {
    await client.end().catch(() => undefined)
    await schema.drop()
  }
}

const only = process.env.BENCH_ONLY
if (only === undefined || only === "sqlite") await benchSqlite()
if (only === undefined || only === "postgres") await benchPostgres()
