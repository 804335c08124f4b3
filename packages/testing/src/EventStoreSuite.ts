/**
 * The contract suite of the `EventStore` port. Every adapter of the port (the in-memory
 * store of `@metodika/core`, the SQLite and PostgreSQL stores of `@metodika/storage-sql`,
 * and any store an integrator writes) runs these same tests, so "passes the suite"
 * means "behaves like the reference store".
 *
 * The suite registers Vitest `describe`/`it` blocks (Vitest is an optional peer of this
 * package). Call it from a test file of the adapter:
 *
 * @example
 * // my-store.test.ts
 * import { EventStoreSuite } from "@metodika/testing"
 * import { MyStore } from "./MyStore.ts"
 *
 * EventStoreSuite.suite("MyStore", () => MyStore.layer({ url: freshDatabaseUrl() }))
 *
 * `makeLayer` is called once per test and must give an empty store each time (a fresh
 * database, schema or file). The layer provides both `EventStore` and `Outbox`, because
 * appends record outbox messages in the same transaction. Each test runs under
 * `TestClock`, so the adapter must take time from the Effect `Clock`, never from the
 * system clock or the database's `now()`.
 *
 * @module
 */
import { EventStore, Ids, Outbox } from "@metodika/core"
import { DateTime, Effect, type Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { runWith, START } from "./Harness.ts"

/** Options of {@link suite}. */
export interface SuiteOptions {
  /** How many appends race for one version in the concurrency test (default 8). */
  readonly concurrentWriters?: number
  /** Per-test timeout in milliseconds (default: the runner's). */
  readonly timeout?: number
}

const streamId = (s: string) => Ids.StreamId.make(s)
const eventId = (s: string) => Ids.EventId.make(s)
const messageId = (s: string) => Ids.MessageId.make(s)

const event = (
  id: string,
  type = "Noted",
  data: unknown = { id },
  metadata: EventStore.EventMetadata = {},
): EventStore.NewEvent => ({ id: eventId(id), type, data, metadata })

const message = (id: string, payload: unknown = { id }): Outbox.NewOutboxMessage => ({
  id: messageId(id),
  channel: "email",
  recipient: `${id}@school.example`,
  payload,
})

/** What a test sees of a stored event, without the instant (compared separately). */
const shape = (e: EventStore.StoredEvent) => ({
  id: e.id,
  streamId: e.streamId,
  streamType: e.streamType,
  version: e.version,
  type: e.type,
  data: e.data,
  metadata: e.metadata,
})

const failureTag = <A, E extends { readonly _tag: string }>(r: Result.Result<A, E>) =>
  Result.isFailure(r) ? r.failure._tag : "Success"

const isIncreasing = (xs: ReadonlyArray<number>) => xs.every((x, i) => i === 0 || x > xs[i - 1]!)

/**
 * Registers the `EventStore` contract tests under `describe(\`EventStore contract (${name})\`)`.
 *
 * @param name shown in the test report (`"SQLite :memory:"`, `"PostgreSQL"`).
 * @param makeLayer builds a layer over an empty store; called once per test.
 */
export const suite = (
  name: string,
  makeLayer: () => Layer.Layer<EventStore.EventStore | Outbox.Outbox, unknown>,
  options: SuiteOptions = {},
): void => {
  const run = runWith(makeLayer)
  const writers = options.concurrentWriters ?? 8
  const test = (title: string, body: () => Promise<void>) => it(title, body, options.timeout)

  describe(`EventStore contract (${name})`, () => {
    test("ES-1 appends a batch to a new stream at version 0 and reads it back", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const a = streamId("route-1")
          const result = yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 0,
            events: [event("e1", "Opened"), event("e2", "Noted")],
          })
          expect(result.streamId).toBe(a)
          expect(result.version).toBe(2)
          expect(result.positions).toHaveLength(2)
          expect(isIncreasing(result.positions)).toBe(true)

          const stored = yield* store.readStream(a)
          expect(stored.map(shape)).toEqual([
            {
              id: "e1",
              streamId: a,
              streamType: "route",
              version: 1,
              type: "Opened",
              data: { id: "e1" },
              metadata: {},
            },
            {
              id: "e2",
              streamId: a,
              streamType: "route",
              version: 2,
              type: "Noted",
              data: { id: "e2" },
              metadata: {},
            },
          ])
          expect(stored.map((e) => e.position)).toEqual(result.positions)
          expect(yield* store.readStream(streamId("unknown"))).toEqual([])
        }),
      ))

    test("ES-2 refuses a wrong expected version with VersionConflict carrying the actual version, writing nothing", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const a = streamId("route-1")
          yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 0,
            events: [event("e1")],
          })
          for (const expectedVersion of [0, 2, 7]) {
            const error = yield* Effect.flip(
              store.append({
                streamId: a,
                streamType: "route",
                expectedVersion,
                events: [event(`x${expectedVersion}`)],
              }),
            )
            expect(error._tag).toBe("VersionConflict")
            if (error._tag !== "VersionConflict") return
            expect(error.streamId).toBe(a)
            expect(error.expectedVersion).toBe(expectedVersion)
            expect(error.actualVersion).toBe(1)
          }
          const fresh = yield* Effect.flip(
            store.append({
              streamId: streamId("route-2"),
              streamType: "route",
              expectedVersion: 3,
              events: [event("y1")],
            }),
          )
          expect(fresh).toMatchObject({ _tag: "VersionConflict", actualVersion: 0 })
          expect((yield* store.readStream(a)).map((e) => e.id)).toEqual(["e1"])
          expect(yield* store.readStream(streamId("route-2"))).toEqual([])
          expect((yield* store.readAll({ after: 0, limit: 100 })).map((e) => e.id)).toEqual(["e1"])
        }),
      ))

    test("ES-3 numbers versions 1, 2, 3 … in append order", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const a = streamId("cycle-1")
          let version = 0
          for (const batch of [["a1"], ["a2", "a3"], ["a4"], ["a5", "a6", "a7"]]) {
            const result = yield* store.append({
              streamId: a,
              streamType: "cycle",
              expectedVersion: version,
              events: batch.map((id) => event(id)),
            })
            version += batch.length
            expect(result.version).toBe(version)
          }
          const stored = yield* store.readStream(a)
          expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7])
          expect(stored.map((e) => e.id)).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "a7"])
          expect(isIncreasing(stored.map((e) => e.position))).toBe(true)
        }),
      ))

    test("ES-4 orders events of all streams globally; readAll pages from a position with a limit", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const versions = new Map<string, number>()
          const order: Array<string> = []
          const plan: ReadonlyArray<[string, ReadonlyArray<string>]> = [
            ["a", ["a1"]],
            ["b", ["b1", "b2"]],
            ["a", ["a2"]],
            ["c", ["c1"]],
            ["b", ["b3"]],
            ["a", ["a3", "a4"]],
          ]
          for (const [s, ids] of plan) {
            const expectedVersion = versions.get(s) ?? 0
            yield* store.append({
              streamId: streamId(s),
              streamType: "route",
              expectedVersion,
              events: ids.map((id) => event(id)),
            })
            versions.set(s, expectedVersion + ids.length)
            order.push(...ids)
          }
          const all = yield* store.readAll({ after: 0, limit: 1000 })
          expect(all.map((e) => e.id)).toEqual(order)
          expect(isIncreasing(all.map((e) => e.position))).toBe(true)

          const third = all[2]!
          const page = yield* store.readAll({ after: third.position, limit: 2 })
          expect(page.map((e) => e.id)).toEqual(order.slice(3, 5))

          const pages: Array<string> = []
          let after = 0
          for (;;) {
            const next = yield* store.readAll({ after, limit: 3 })
            if (next.length === 0) break
            expect(next.length).toBeLessThanOrEqual(3)
            pages.push(...next.map((e) => e.id))
            after = next[next.length - 1]!.position
          }
          expect(pages).toEqual(order)
          expect(yield* store.readAll({ after: all[all.length - 1]!.position, limit: 10 })).toEqual(
            [],
          )
          expect(yield* store.readAll({ after: 0, limit: 0 })).toEqual([])
        }),
      ))

    test("ES-5 a re-sent batch at the same place succeeds with the original result and records nothing new", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const outbox = yield* Outbox.Outbox
          const a = streamId("route-1")
          const request: EventStore.AppendRequest = {
            streamId: a,
            streamType: "route",
            expectedVersion: 0,
            events: [event("e1"), event("e2")],
            outbox: [message("m1")],
          }
          const first = yield* store.append(request)
          const again = yield* store.append(request)
          expect(again).toEqual(first)

          yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 2,
            events: [event("e3")],
          })
          const late = yield* store.append(request)
          expect(late).toEqual(first)

          expect((yield* store.readStream(a)).map((e) => e.id)).toEqual(["e1", "e2", "e3"])
          expect(yield* store.readAll({ after: 0, limit: 100 })).toHaveLength(3)
          expect(yield* outbox.list("pending")).toHaveLength(1)
        }),
      ))

    test("ES-6 an event id already stored elsewhere fails with DuplicateEvent and writes nothing", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const outbox = yield* Outbox.Outbox
          const a = streamId("route-a")
          const b = streamId("route-b")
          yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 0,
            events: [event("e1")],
          })
          const elsewhere = yield* Effect.flip(
            store.append({
              streamId: b,
              streamType: "route",
              expectedVersion: 0,
              events: [event("b1"), event("e1")],
              outbox: [message("m-b")],
            }),
          )
          expect(elsewhere).toMatchObject({ _tag: "DuplicateEvent", eventId: "e1", streamId: b })

          const shifted = yield* Effect.flip(
            store.append({
              streamId: a,
              streamType: "route",
              expectedVersion: 1,
              events: [event("e1")],
            }),
          )
          expect(shifted).toMatchObject({ _tag: "DuplicateEvent", eventId: "e1", streamId: a })

          const partial = yield* Effect.flip(
            store.append({
              streamId: a,
              streamType: "route",
              expectedVersion: 0,
              events: [event("e1"), event("e9")],
            }),
          )
          expect(partial).toMatchObject({ _tag: "DuplicateEvent", eventId: "e1" })

          expect(yield* store.readStream(b)).toEqual([])
          expect((yield* store.readStream(a)).map((e) => e.id)).toEqual(["e1"])
          expect(yield* outbox.get(messageId("m-b"))).toBeUndefined()
        }),
      ))

    test("ES-7 events and their outbox messages are recorded together; a refused append leaves no outbox rows", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const outbox = yield* Outbox.Outbox
          const a = streamId("route-1")
          yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 0,
            events: [event("e1")],
            outbox: [message("m1"), message("m2")],
          })
          const m1 = yield* outbox.get(messageId("m1"))
          expect(m1).toMatchObject({
            id: "m1",
            channel: "email",
            recipient: "m1@school.example",
            payload: { id: "m1" },
            status: "pending",
            attempts: 0,
          })
          expect(DateTime.toEpochMillis(m1!.createdAt)).toBe(START)
          expect(DateTime.toEpochMillis(m1!.nextAttemptAt)).toBe(START)

          const conflict = yield* Effect.flip(
            store.append({
              streamId: a,
              streamType: "route",
              expectedVersion: 0,
              events: [event("e2")],
              outbox: [message("m3")],
            }),
          )
          expect(conflict._tag).toBe("VersionConflict")
          const duplicate = yield* Effect.flip(
            store.append({
              streamId: streamId("route-2"),
              streamType: "route",
              expectedVersion: 0,
              events: [event("e1")],
              outbox: [message("m4")],
            }),
          )
          expect(duplicate._tag).toBe("DuplicateEvent")

          expect(yield* outbox.get(messageId("m3"))).toBeUndefined()
          expect(yield* outbox.get(messageId("m4"))).toBeUndefined()
          expect((yield* outbox.list("pending")).map((m) => m.id).sort()).toEqual(["m1", "m2"])
        }),
      ))

    test("ES-8 JSON data and metadata round-trip: Cyrillic text, nested objects, arrays, numbers", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const outbox = yield* Outbox.Outbox
          const data = {
            тема: "Формирование функциональной грамотности: «читательская» и математическая",
            школа: { название: "МБОУ СОШ № 3 г. Омска", адрес: ["ул. Ленина, 1", "корп. 2"] },
            вопросы: [
              { номер: 1, текст: "Как оценивать?", поздний: false },
              { номер: 2, текст: "Что делать с ё и Ё?", поздний: true, оценка: null },
            ],
            numbers: [0, -1, 42, 3.25, -0.5, 1e21, 2 ** 53 - 1, 1e-7],
            empty: {},
            nothing: null,
            flag: true,
            quote: 'кавычки " и \\ обратная косая',
            emoji: "📚",
          }
          const metadata: EventStore.EventMetadata = {
            actorId: Ids.PersonId.make("методист-7"),
            command: "SubmitQuestions",
            correlationId: "запрос-42",
            causationId: "cmd-1",
          }
          const a = streamId("маршрут-1")
          yield* store.append({
            streamId: a,
            streamType: "маршрут",
            expectedVersion: 0,
            events: [
              event("событие-1", "ВопросыПоданы", data, metadata),
              event("e2", "Plain", [1, "два", [3]]),
            ],
            outbox: [message("m1", { тема: data.тема, вопросы: data.вопросы })],
          })
          const [first, second] = yield* store.readStream(a)
          expect(first).toBeDefined()
          expect(first!.data).toEqual(data)
          expect(first!.metadata).toEqual(metadata)
          expect(first!.type).toBe("ВопросыПоданы")
          expect(first!.streamType).toBe("маршрут")
          expect(second!.data).toEqual([1, "два", [3]])
          const [fromAll] = yield* store.readAll({ after: 0, limit: 1 })
          expect(fromAll!.data).toEqual(data)
          expect(fromAll!.metadata).toEqual(metadata)
          const m1 = yield* outbox.get(messageId("m1"))
          expect(m1!.payload).toEqual({ тема: data.тема, вопросы: data.вопросы })
        }),
      ))

    test("ES-9 recordedAt is the Effect Clock's instant at the append", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const a = streamId("route-1")
          yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 0,
            events: [event("e1"), event("e2")],
          })
          yield* TestClock.adjust("90 minutes")
          yield* store.append({
            streamId: a,
            streamType: "route",
            expectedVersion: 2,
            events: [event("e3")],
          })
          const stored = yield* store.readStream(a)
          expect(stored.map((e) => DateTime.toEpochMillis(e.recordedAt))).toEqual([
            START,
            START,
            START + 90 * 60_000,
          ])
          expect(DateTime.formatIso(stored[2]!.recordedAt)).toBe("2026-09-01T07:30:00.000Z")
        }),
      ))

    test("ES-10 concurrent appends to one stream: exactly one wins each version", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const a = streamId("contested")
          const winners: Array<string> = []
          for (let round = 0; round < 5; round++) {
            const results = yield* Effect.all(
              Array.from({ length: writers }, (_, w) =>
                Effect.result(
                  store.append({
                    streamId: a,
                    streamType: "route",
                    expectedVersion: round,
                    events: [event(`r${round}-w${w}`)],
                  }),
                ),
              ),
              { concurrency: "unbounded" },
            )
            const tags = results.map(failureTag)
            expect(tags.filter((t) => t === "Success")).toHaveLength(1)
            expect(tags.filter((t) => t === "VersionConflict")).toHaveLength(writers - 1)
            const w = tags.indexOf("Success")
            winners.push(`r${round}-w${w}`)
          }
          const stored = yield* store.readStream(a)
          expect(stored.map((e) => e.id)).toEqual(winners)
          expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
        }),
      ))

    test("ES-11 concurrent appends to different streams all succeed with distinct positions", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const results = yield* Effect.all(
            Array.from({ length: writers * 2 }, (_, w) =>
              store.append({
                streamId: streamId(`s-${w}`),
                streamType: "route",
                expectedVersion: 0,
                events: [event(`s${w}-1`), event(`s${w}-2`)],
              }),
            ),
            { concurrency: "unbounded" },
          )
          const positions = results.flatMap((r) => r.positions)
          expect(new Set(positions).size).toBe(writers * 4)
          const all = yield* store.readAll({ after: 0, limit: 1000 })
          expect(all.map((e) => e.position)).toEqual([...positions].sort((x, y) => x - y))
          for (const r of results) expect(r.version).toBe(2)
        }),
      ))

    test("ES-12 a read is done when its effect runs, not when it is made: run again, it reads again", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore.EventStore
          const read = store.readStream(streamId("lazy"))
          const page = store.readAll({ after: 0, limit: 10 })
          yield* store.append({
            streamId: streamId("lazy"),
            streamType: "route",
            expectedVersion: 0,
            events: [event("lazy-1")],
          })
          expect(yield* read).toHaveLength(1)
          expect(yield* page).toHaveLength(1)
          yield* store.append({
            streamId: streamId("lazy"),
            streamType: "route",
            expectedVersion: 1,
            events: [event("lazy-2")],
          })
          expect(yield* read).toHaveLength(2)
        }),
      ))
  })
}
