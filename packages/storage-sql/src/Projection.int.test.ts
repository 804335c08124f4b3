import { EventStore, Ids, InMemory } from "@metodika/core"
import { Effect, type Layer, Schema } from "effect"
import fc from "fast-check"
import { sql } from "kysely"
import { describe, expect, it } from "vitest"
import { DIALECTS } from "../test/dialects.ts"
import * as Projection from "./Projection.ts"
import { SqlDatabase } from "./SqlDatabase.ts"

// A small read model: per stream, how many events, the sum of their points, whether
// the stream is open and who wrote last; and the total of all events.
interface Row {
  readonly count: number
  readonly points: number
  readonly open: boolean
  readonly last: string
}
interface Board {
  readonly total: number
  readonly streams: Readonly<Record<string, Row>>
}
const emptyRow: Row = { count: 0, points: 0, open: false, last: "" }

const step = (row: Row, event: EventStore.StoredEvent): Row => {
  const data = event.data as { readonly points: number; readonly who: string }
  return {
    count: row.count + 1,
    points: row.points + data.points,
    open: event.type === "Opened" ? true : event.type === "Closed" ? false : row.open,
    last: data.who,
  }
}

const applyBoard = (board: Board, event: EventStore.StoredEvent): Board => ({
  total: board.total + 1,
  streams: {
    ...board.streams,
    [event.streamId]: step(board.streams[event.streamId] ?? emptyRow, event),
  },
})

const BoardSchema = Schema.Struct({
  total: Schema.Int,
  streams: Schema.Record(
    Schema.String,
    Schema.Struct({
      count: Schema.Int,
      points: Schema.Int,
      open: Schema.Boolean,
      last: Schema.String,
    }),
  ),
})

const board = Projection.state<Board>({
  name: "board",
  initialState: { total: 0, streams: {} },
  apply: applyBoard,
  codec: BoardSchema,
})

interface BoardTables {
  readonly test_board_rows: {
    readonly stream_id: string
    readonly count: number
    readonly points: number
    readonly open: number
    readonly last_who: string
  }
}

const boardRows = Projection.table<BoardTables>({
  name: "board-rows",
  setup: async (db) => {
    await db.schema
      .createTable("test_board_rows")
      .ifNotExists()
      .addColumn("stream_id", "text", (c) => c.primaryKey())
      .addColumn("count", "integer", (c) => c.notNull())
      .addColumn("points", "integer", (c) => c.notNull())
      .addColumn("open", "integer", (c) => c.notNull())
      .addColumn("last_who", "text", (c) => c.notNull())
      .execute()
  },
  reset: async (trx) => {
    await trx.deleteFrom("test_board_rows").execute()
  },
  apply: async (trx, events) => {
    for (const event of events) {
      const stored = await trx
        .selectFrom("test_board_rows")
        .selectAll()
        .where("stream_id", "=", event.streamId)
        .executeTakeFirst()
      const before: Row =
        stored === undefined
          ? emptyRow
          : {
              count: stored.count,
              points: stored.points,
              open: stored.open === 1,
              last: stored.last_who,
            }
      const after = step(before, event)
      const values = {
        count: after.count,
        points: after.points,
        open: after.open ? 1 : 0,
        last_who: after.last,
      }
      await trx
        .insertInto("test_board_rows")
        .values({ stream_id: event.streamId, ...values })
        .onConflict((oc) => oc.column("stream_id").doUpdateSet(values))
        .execute()
    }
  },
})

const readRows = Effect.flatMap(SqlDatabase, (database) =>
  Effect.promise(async () => {
    const { rows } = await sql<{
      stream_id: string
      count: number
      points: number
      open: number
      last_who: string
    }>`select * from test_board_rows order by stream_id`.execute(database.kysely)
    return Object.fromEntries(
      rows.map((r) => [
        r.stream_id,
        {
          count: Number(r.count),
          points: Number(r.points),
          open: Number(r.open) === 1,
          last: r.last_who,
        },
      ]),
    )
  }),
)

type Op =
  | {
      readonly _tag: "Append"
      readonly stream: number
      readonly events: ReadonlyArray<{
        readonly type: string
        readonly points: number
        readonly who: string
      }>
    }
  | { readonly _tag: "CatchUp" }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      _tag: fc.constant("Append" as const),
      stream: fc.integer({ min: 0, max: 4 }),
      events: fc.array(
        fc.record({
          type: fc.constantFrom("Opened", "Noted", "Closed"),
          points: fc.integer({ min: -5, max: 10 }),
          who: fc.constantFrom("Анна", "Борис", "Вера", "teacher-7"),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ _tag: "CatchUp" as const }) },
)

/** Runs the appends against a store, running `atCatchUp` at every CatchUp. */
const play = <E, R>(ops: ReadonlyArray<Op>, atCatchUp: Effect.Effect<unknown, E, R>) =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const versions = new Map<number, number>()
    let n = 0
    for (const op of ops) {
      if (op._tag === "CatchUp") {
        yield* atCatchUp
        continue
      }
      const version = versions.get(op.stream) ?? 0
      yield* store.append({
        streamId: Ids.StreamId.make(`поток-${op.stream}`),
        streamType: "board",
        expectedVersion: version,
        events: op.events.map((e) => ({
          id: Ids.EventId.make(`e-${++n}`),
          type: e.type,
          data: { points: e.points, who: e.who },
          metadata: {},
        })),
      })
      versions.set(op.stream, version + op.events.length)
    }
  })

/** The plain in-memory fold over the same events. */
const catchUpBoth = (batchSize: number) =>
  Effect.andThen(
    Projection.catchUp(board, { batchSize }),
    Projection.catchUp(boardRows, { batchSize }),
  )

const expected = (ops: ReadonlyArray<Op>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* play(ops, Effect.void)
      const events = yield* EventStore.EventStore.use((s) =>
        s.readAll({ after: 0, limit: 1_000_000 }),
      )
      return events.reduce(applyBoard, board.initialState)
    }).pipe(Effect.provide(InMemory.layer)),
  )

for (const dialect of DIALECTS) {
  describe(`projections (${dialect.name})`, () => {
    const runs = dialect.dialect === "postgres" ? 6 : 25

    it("a projection caught up at any points equals the in-memory fold over the same events, and so does its rebuild", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(opArb, { maxLength: 25 }),
          fc.integer({ min: 1, max: 7 }),
          async (ops, batchSize) => {
            const want = await expected(ops)
            const got = await Effect.runPromise(
              Effect.gen(function* () {
                yield* play(ops, catchUpBoth(batchSize))
                const caughtUp = [
                  yield* Projection.catchUp(board, { batchSize }),
                  yield* Projection.catchUp(boardRows, { batchSize }),
                ]
                const state = (yield* Projection.load(board)).state
                const rows = yield* readRows
                const rebuilt = [
                  yield* Projection.rebuild(board, { batchSize: 4 }),
                  yield* Projection.rebuild(boardRows),
                ]
                return {
                  caughtUp,
                  state,
                  rows,
                  rebuilt,
                  afterRebuild: (yield* Projection.load(board)).state,
                  rowsAfterRebuild: yield* readRows,
                }
              }).pipe(Effect.provide(dialect.makeLayer())),
            )
            expect(got.state).toEqual(want)
            expect(got.rows).toEqual(want.streams)
            expect(got.afterRebuild).toEqual(want)
            expect(got.rowsAfterRebuild).toEqual(want.streams)
            expect(got.rebuilt.map((p) => p.applied)).toEqual([want.total, want.total])
            expect(got.caughtUp[0]!.position).toBe(got.caughtUp[1]!.position)
          },
        ),
        { numRuns: runs },
      )
    }, 120_000)

    it("two runners of one projection at once apply every event exactly once", async () => {
      const ops: Array<Op> = Array.from({ length: 60 }, (_, i) => ({
        _tag: "Append",
        stream: i % 5,
        events: [{ type: i % 7 === 0 ? "Opened" : "Noted", points: i % 4, who: `w${i % 3}` }],
      }))
      const want = await expected(ops)
      const got = await Effect.runPromise(
        Effect.gen(function* () {
          yield* play(ops, Effect.void)
          yield* Effect.all(
            [
              Projection.catchUp(board, { batchSize: 3 }),
              Projection.catchUp(board, { batchSize: 5 }),
              Projection.catchUp(boardRows, { batchSize: 3 }),
              Projection.catchUp(boardRows, { batchSize: 4 }),
            ],
            { concurrency: "unbounded" },
          )
          return { state: (yield* Projection.load(board)).state, rows: yield* readRows }
        }).pipe(Effect.provide(dialect.makeLayer())),
      )
      expect(got.state).toEqual(want)
      expect(got.rows).toEqual(want.streams)
    }, 60_000)

    it("a failing apply rolls its batch back with ProjectionFailed and keeps the checkpoint of the last good batch", async () => {
      const failing = Projection.table<BoardTables>({
        ...boardRows,
        name: "failing",
        apply: async (trx, events) => {
          await boardRows.apply(trx, events)
          if (events.some((e) => (e.data as { who: string }).who === "сбой"))
            throw new Error("сбой в проекции")
        },
      })
      const ops: Array<Op> = [
        {
          _tag: "Append",
          stream: 0,
          events: [
            { type: "Opened", points: 1, who: "Анна" },
            { type: "Noted", points: 2, who: "Анна" },
          ],
        },
        { _tag: "Append", stream: 1, events: [{ type: "Opened", points: 3, who: "Борис" }] },
        { _tag: "Append", stream: 1, events: [{ type: "Noted", points: 4, who: "сбой" }] },
      ]
      const got = await Effect.runPromise(
        Effect.gen(function* () {
          yield* play(ops, Effect.void)
          const error = yield* Effect.flip(Projection.catchUp(failing, { batchSize: 2 }))
          return {
            error,
            checkpoint: yield* Projection.checkpoint("failing"),
            rows: yield* readRows,
          }
        }).pipe(Effect.provide(dialect.makeLayer())),
      )
      expect(got.error).toMatchObject({ _tag: "ProjectionFailed", name: "failing", position: 2 })
      expect(got.checkpoint).toBe(2)
      expect(got.rows).toEqual({ "поток-0": { count: 2, points: 3, open: true, last: "Анна" } })
    }, 60_000)

    it("a state that no longer decodes with the projection's codec is CorruptData", async () => {
      const error = await Effect.runPromise(
        Effect.gen(function* () {
          yield* play(
            [{ _tag: "Append", stream: 0, events: [{ type: "Opened", points: 1, who: "Анна" }] }],
            Effect.void,
          )
          yield* Projection.catchUp(board)
          const database = yield* SqlDatabase
          yield* Effect.promise(() =>
            sql`update metodika_projections set state = ${JSON.stringify({ total: "много" })} where name = 'board'`.execute(
              database.kysely,
            ),
          )
          return yield* Effect.flip(Projection.load(board))
        }).pipe(Effect.provide(dialect.makeLayer())),
      )
      expect(error._tag).toBe("CorruptData")
      expect(error.message).toContain("state of projection board")
    })
  })
}

describe("Projection.follow", () => {
  it("keeps a projection caught up until interrupted", async () => {
    const dialect = DIALECTS[0]!
    const state = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          yield* Effect.forkScoped(Projection.follow(board, "10 millis"))
          yield* play(
            [{ _tag: "Append", stream: 0, events: [{ type: "Opened", points: 5, who: "Вера" }] }],
            Effect.void,
          )
          for (let i = 0; i < 100; i++) {
            const { state } = yield* Projection.load(board)
            if (state.total === 1) return state
            yield* Effect.sleep("10 millis")
          }
          return yield* Effect.die("the follower did not catch up")
        }),
      ).pipe(
        Effect.provide(
          dialect.makeLayer() as Layer.Layer<EventStore.EventStore | SqlDatabase, unknown>,
        ),
      ),
    )
    expect(state.streams["поток-0"]).toEqual({ count: 1, points: 5, open: true, last: "Вера" })
  })
})
