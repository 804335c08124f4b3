import { EventStore } from "@metodika/core"
import { Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Counter from "./Counter.ts"
import { DIALECTS } from "./dialects.ts"

const WORKERS = 16
const COMMANDS = 2_000
const STREAMS = 50

/**
 * Counts what reaches the store, so every conflict can be accounted for. Each read
 * yields to the other workers before the command goes on: where the store reads
 * synchronously (its own SQLite connection) the workers would otherwise never come
 * between a read and its append, and the test would see no conflict to account for.
 */
const counting = (counts: { appends: number; conflicts: number }) =>
  Layer.effect(
    EventStore.EventStore,
    Effect.map(EventStore.EventStore, (store) =>
      EventStore.EventStore.of({
        ...store,
        readStream: (id) => Effect.tap(store.readStream(id), () => Effect.yieldNow),
        append: (request) => {
          counts.appends++
          return Effect.tapError(store.append(request), (e) =>
            Effect.sync(() => {
              if (e._tag === "VersionConflict") counts.conflicts++
            }),
          )
        },
      }),
    ),
  )

/** A fixed pseudo-random stream for every command: hot streams collide, as in real use. */
const streamOf = (i: number) => {
  let x = (i + 1) * 2654435761
  x ^= x >>> 13
  return Math.abs(x) % STREAMS
}

for (const dialect of DIALECTS.filter((d) => !d.name.includes("existing Kysely"))) {
  describe(`concurrent commands (${dialect.name})`, () => {
    it(`${WORKERS} workers, ${COMMANDS} commands over ${STREAMS} streams: no lost event, no gap, no duplicate version; every conflict retried or reported`, async () => {
      const counts = { appends: 0, conflicts: 0 }
      const engine = Counter.engine(100)
      const program = Effect.gen(function* () {
        const results = yield* Effect.forEach(
          Array.from({ length: COMMANDS }, (_, i) => i),
          (i) =>
            Effect.result(
              engine.execute(
                Counter.definition,
                Counter.streamId(streamOf(i)),
                { _tag: "Increment", by: `cmd-${i}` },
                Counter.actor,
              ),
            ),
          { concurrency: WORKERS },
        )
        const store = yield* EventStore.EventStore
        const all: Array<EventStore.StoredEvent> = []
        for (;;) {
          const page = yield* store.readAll({ after: all.at(-1)?.position ?? 0, limit: 500 })
          if (page.length === 0) break
          all.push(...page)
        }
        const streams = yield* Effect.forEach(
          Array.from({ length: STREAMS }, (_, s) => s),
          (s) => store.readStream(Counter.streamId(s)),
        )
        return { results, all, streams }
      })
      const { results, all, streams } = await Effect.runPromise(
        program.pipe(
          Effect.provide(counting(counts).pipe(Layer.provideMerge(dialect.makeLayer()))),
        ),
      )

      const succeeded = results.filter(Result.isSuccess)
      const reported = results.filter(
        (r) => Result.isFailure(r) && r.failure._tag === "VersionConflict",
      )
      expect(succeeded.length + reported.length).toBe(COMMANDS)
      expect(all).toHaveLength(succeeded.length)
      // Each conflict was either retried (one more append) or reported to the caller.
      expect(counts.appends).toBe(COMMANDS + counts.conflicts - reported.length)
      expect(counts.conflicts).toBeGreaterThan(0)

      expect(all.map((e) => e.position)).toEqual(
        dialect.dialect === "postgres"
          ? all.map((_, i) => i + 1)
          : [...all.map((e) => e.position)].sort((a, b) => a - b),
      )
      expect(new Set(all.map((e) => (e.data as Counter.Incremented).by)).size).toBe(all.length)
      let total = 0
      for (const events of streams) {
        expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1))
        expect(events.map((e) => (e.data as Counter.Incremented).n)).toEqual(
          events.map((_, i) => i + 1),
        )
        total += events.length
      }
      expect(total).toBe(all.length)
      const expectedPerStream = new Map<number, number>()
      for (let i = 0; i < COMMANDS; i++)
        expectedPerStream.set(streamOf(i), (expectedPerStream.get(streamOf(i)) ?? 0) + 1)
      if (reported.length === 0) {
        for (const [s, n] of expectedPerStream) expect(streams[s]).toHaveLength(n)
      }
    }, 120_000)
  })
}
