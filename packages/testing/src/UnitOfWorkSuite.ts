/**
 * The contract suite of the `UnitOfWork` port: appends of several streams with their
 * outbox messages commit together or not at all; failures, defects and interruptions
 * roll back and come out unchanged, also with writes of other fibers still in flight;
 * the unit reads its own writes; one failed append leaves the unit usable and undoes
 * nothing else; a caught failure never commits a part; nested units are savepoints;
 * rollback hooks run exactly when the writes are undone; a writer outside never gets past
 * the unit's uncommitted writes.
 * A property test runs random sequences of units against a model.
 *
 * Call it from a test file of the adapter, with a layer that provides `EventStore`,
 * `Outbox` and `UnitOfWork` over one empty store (built once per test):
 *
 * @example
 * import { UnitOfWorkSuite } from "@metodika/testing"
 * UnitOfWorkSuite.suite("MyStore", () => MyStore.layer({ url: freshDatabaseUrl() }))
 *
 * @module
 */
import { EventStore, Ids, Outbox, UnitOfWork } from "@metodika/core"
import { Clock, Data, Deferred, Effect, Exit, Fiber, type Layer, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runWith } from "./Harness.ts"

/** Options of {@link suite}. */
export interface SuiteOptions {
  /**
   * The store lets readers outside a unit see its writes before it commits (the
   * in-memory store does); the isolation test then checks writers only.
   */
  readonly readsUncommitted?: boolean
  /** Runs of the property test (default 25). */
  readonly numRuns?: number
  /** Per-test timeout in milliseconds (default: the runner's). */
  readonly timeout?: number
}

type Services = EventStore.EventStore | Outbox.Outbox | UnitOfWork.UnitOfWork

class Refused extends Data.TaggedError("Refused")<{ readonly reason: string }> {}

const streamId = (s: string) => Ids.StreamId.make(s)
const messageId = (s: string) => Ids.MessageId.make(s)

let counter = 0
const event = (label: string): EventStore.NewEvent => ({
  id: Ids.EventId.make(`${label}-${++counter}`),
  type: "Noted",
  data: { label },
  metadata: {},
})

const append = (
  stream: string,
  expectedVersion: number,
  count = 1,
  outbox: ReadonlyArray<string> = [],
) =>
  Effect.flatMap(EventStore.EventStore, (store) =>
    store.append({
      streamId: streamId(stream),
      streamType: "Test",
      expectedVersion,
      events: Array.from({ length: count }, () => event(stream)),
      outbox: outbox.map((id) => ({
        id: messageId(id),
        channel: "email",
        recipient: `${id}@school.example`,
        payload: { id },
      })),
    }),
  )

const versionOf = (stream: string) =>
  Effect.flatMap(EventStore.EventStore, (store) =>
    Effect.map(store.readStream(streamId(stream)), (events) => events.length),
  )

const messageOf = (id: string) =>
  Effect.flatMap(Outbox.Outbox, (outbox) => outbox.get(messageId(id)))

/**
 * Registers the `UnitOfWork` contract tests under
 * `describe(\`UnitOfWork contract (${name})\`)`.
 *
 * @param name shown in the test report.
 * @param makeLayer builds a layer over an empty store; called once per test.
 */
export const suite = (
  name: string,
  makeLayer: () => Layer.Layer<Services, unknown>,
  options: SuiteOptions = {},
): void => {
  const run = runWith(makeLayer)
  const test = (title: string, body: () => Promise<void>) => it(title, body, options.timeout)

  describe(`UnitOfWork contract (${name})`, () => {
    test("UW-1 appends to several streams and their messages commit together", () =>
      run(
        Effect.gen(function* () {
          const result = yield* UnitOfWork.run(
            Effect.gen(function* () {
              const a = yield* append("a", 0, 2, ["ma"])
              const b = yield* append("b", 0, 1, ["mb"])
              const a2 = yield* append("a", 2, 1)
              return [a.version, b.version, a2.version]
            }),
          )
          expect(result).toEqual([2, 1, 3])
          expect(yield* versionOf("a")).toBe(3)
          expect(yield* versionOf("b")).toBe(1)
          expect((yield* messageOf("ma"))?.status).toBe("pending")
          expect((yield* messageOf("mb"))?.status).toBe("pending")
          const store = yield* EventStore.EventStore
          const all = yield* store.readAll({ after: 0, limit: 100 })
          expect(all.map((e) => `${e.streamId}@${e.version}`)).toEqual(["a@1", "a@2", "b@1", "a@3"])
          const positions = all.map((e) => e.position)
          expect([...positions].sort((x, y) => x - y)).toEqual(positions)
        }),
      ))

    test("UW-2 a failure rolls back every append and message, and comes out unchanged", () =>
      run(
        Effect.gen(function* () {
          yield* append("a", 0)
          const exit = yield* Effect.exit(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* append("a", 1, 2, ["ma"])
                yield* append("b", 0, 1, ["mb"])
                return yield* new Refused({ reason: "третья команда отклонена" })
              }),
            ),
          )
          expect(exit).toEqual(Exit.fail(new Refused({ reason: "третья команда отклонена" })))
          expect(yield* versionOf("a")).toBe(1)
          expect(yield* versionOf("b")).toBe(0)
          expect(yield* messageOf("ma")).toBeUndefined()
          expect(yield* messageOf("mb")).toBeUndefined()
          // Nothing half-written: the same versions are free again.
          expect((yield* append("a", 1, 2, ["ma"])).version).toBe(3)
          expect((yield* append("b", 0)).version).toBe(1)
        }),
      ))

    test("UW-3 a defect and an interruption roll back too", () =>
      run(
        Effect.gen(function* () {
          const died = yield* Effect.exit(
            UnitOfWork.run(Effect.andThen(append("a", 0, 1, ["ma"]), Effect.die("сбой"))),
          )
          expect(Exit.isFailure(died)).toBe(true)
          const inside = yield* Deferred.make<void>()
          const fiber = yield* Effect.forkChild(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* append("b", 0, 1, ["mb"])
                yield* Deferred.succeed(inside, undefined)
                return yield* Effect.never
              }),
            ),
          )
          yield* Deferred.await(inside)
          yield* Fiber.interrupt(fiber)
          expect(yield* versionOf("a")).toBe(0)
          expect(yield* versionOf("b")).toBe(0)
          expect(yield* messageOf("ma")).toBeUndefined()
          expect(yield* messageOf("mb")).toBeUndefined()
          expect((yield* append("b", 0)).version).toBe(1)
        }),
      ))

    test("UW-4 the unit reads its own writes", () =>
      run(
        UnitOfWork.run(
          Effect.gen(function* () {
            yield* append("a", 0, 2, ["ma"])
            expect(yield* versionOf("a")).toBe(2)
            expect((yield* messageOf("ma"))?.status).toBe("pending")
            const store = yield* EventStore.EventStore
            const all = yield* store.readAll({ after: 0, limit: 10 })
            expect(all).toHaveLength(2)
          }),
        ),
      ))

    test("UW-5 a failed append leaves the unit usable and the others stand", () =>
      run(
        Effect.gen(function* () {
          const [conflict, duplicate] = yield* UnitOfWork.run(
            Effect.gen(function* () {
              // The unit's own store: the one outside would wait for the unit, or not see it.
              const store = yield* EventStore.EventStore
              const first = yield* append("a", 0, 1, ["ma"])
              const conflict = yield* Effect.result(append("a", 0, 1, ["m-lost"]))
              // The version check passes; the event id is taken: the append's message goes too.
              const [taken] = yield* store.readStream(streamId("a"))
              const duplicate = yield* Effect.result(
                store.append({
                  streamId: streamId("c"),
                  streamType: "Test",
                  expectedVersion: 0,
                  events: [{ ...event("c"), id: taken!.id }],
                  outbox: [
                    {
                      id: messageId("m-dup"),
                      channel: "email",
                      recipient: "dup@school.example",
                      payload: {},
                    },
                  ],
                }),
              )
              // The same with nothing but the event.
              const bare = yield* Effect.result(
                store.append({
                  streamId: streamId("d"),
                  streamType: "Test",
                  expectedVersion: 0,
                  events: [{ ...event("d"), id: taken!.id }],
                }),
              )
              expect(Result.isFailure(bare) && bare.failure._tag).toBe("DuplicateEvent")
              yield* append("b", 0)
              expect(first.version).toBe(1)
              return [conflict, duplicate] as const
            }),
          )
          expect(Result.isFailure(conflict) && conflict.failure._tag).toBe("VersionConflict")
          expect(Result.isFailure(duplicate) && duplicate.failure._tag).toBe("DuplicateEvent")
          expect(yield* versionOf("a")).toBe(1)
          expect(yield* versionOf("b")).toBe(1)
          expect(yield* versionOf("c")).toBe(0)
          expect(yield* versionOf("d")).toBe(0)
          expect((yield* messageOf("ma"))?.status).toBe("pending")
          expect(yield* messageOf("m-lost")).toBeUndefined()
          expect(yield* messageOf("m-dup")).toBeUndefined()
        }),
      ))

    test("UW-6 a nested unit is a savepoint: its failure undoes only its own writes", () =>
      run(
        Effect.gen(function* () {
          yield* UnitOfWork.run(
            Effect.gen(function* () {
              yield* append("a", 0)
              const inner = yield* Effect.exit(
                UnitOfWork.run(
                  Effect.andThen(
                    append("b", 0, 1, ["mb"]),
                    Effect.fail(new Refused({ reason: "x" })),
                  ),
                ),
              )
              expect(Exit.isFailure(inner)).toBe(true)
              expect(yield* versionOf("b")).toBe(0)
              yield* UnitOfWork.run(append("c", 0, 1, ["mc"]))
              yield* append("d", 0)
            }),
          )
          expect(yield* versionOf("a")).toBe(1)
          expect(yield* versionOf("b")).toBe(0)
          expect(yield* versionOf("c")).toBe(1)
          expect(yield* versionOf("d")).toBe(1)
          expect(yield* messageOf("mb")).toBeUndefined()
          expect((yield* messageOf("mc"))?.status).toBe("pending")
          // A nested unit that committed is undone with the unit around it.
          yield* Effect.exit(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* UnitOfWork.run(append("e", 0))
                return yield* new Refused({ reason: "y" })
              }),
            ),
          )
          expect(yield* versionOf("e")).toBe(0)
        }),
      ))

    test("UW-7 rollback hooks run when the writes are undone, and only then", () =>
      run(
        Effect.gen(function* () {
          const undone: Array<string> = []
          const hook = (label: string) =>
            Effect.flatMap(UnitOfWork.Current, (current) =>
              Effect.sync(() => current.onRollback(() => undone.push(label))),
            )
          yield* UnitOfWork.run(Effect.andThen(append("a", 0), hook("committed")))
          expect(undone).toEqual([])
          yield* Effect.exit(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* hook("first")
                yield* UnitOfWork.run(hook("nested, committed"))
                yield* Effect.exit(
                  UnitOfWork.run(Effect.andThen(hook("nested, failed"), Effect.fail("no"))),
                )
                expect(undone).toEqual(["nested, failed"])
                yield* hook("last")
                return yield* Effect.fail("rolled back")
              }),
            ),
          )
          expect(undone).toEqual(["nested, failed", "last", "nested, committed", "first"])
        }),
      ))

    test("UW-8 a writer outside never gets past the unit's uncommitted writes", () =>
      run(
        Effect.gen(function* () {
          const written = yield* Deferred.make<void>()
          const finish = yield* Deferred.make<void>()
          const unit = yield* Effect.forkChild(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* append("a", 0, 1)
                yield* Deferred.succeed(written, undefined)
                yield* Deferred.await(finish)
              }),
            ),
          )
          yield* Deferred.await(written)
          let committed = false
          const outsideWrite = yield* Effect.forkChild(Effect.result(append("a", 0, 1)))
          const outsideRead = yield* Effect.forkChild(
            Effect.map(versionOf("a"), (version) => ({ version, afterCommit: committed })),
          )
          yield* Effect.sleep("20 millis")
          committed = true
          yield* Deferred.succeed(finish, undefined)
          yield* Fiber.join(unit)
          const write = yield* Fiber.join(outsideWrite)
          expect(Result.isFailure(write) && write.failure._tag).toBe("VersionConflict")
          const read = yield* Fiber.join(outsideRead)
          if (options.readsUncommitted !== true && !read.afterCommit) expect(read.version).toBe(0)
          expect(yield* versionOf("a")).toBe(1)
          // Real time: the outside fibers wait on the store (a lock, a row lock), not on the clock.
        }).pipe(Effect.provideService(Clock.Clock, Clock.Clock.defaultValue())),
      ))

    test("UW-10 nothing escapes a unit that fails while its other fibers are still writing", () =>
      run(
        Effect.gen(function* () {
          const many = Array.from({ length: 300 }, (_, i) => `bulk-${i}`)
          const exit = yield* Effect.exit(
            UnitOfWork.run(
              Effect.all(
                [
                  Effect.flatMap(Outbox.Outbox, (outbox) =>
                    outbox.enqueue(
                      many.map((id) => ({
                        id: messageId(id),
                        channel: "email",
                        recipient: `${id}@school.example`,
                        payload: { id },
                      })),
                    ),
                  ),
                  Effect.forEach(["p", "q", "r", "s"], (s) => append(s, 0, 2), {
                    concurrency: "unbounded",
                  }),
                  Effect.andThen(Effect.yieldNow, Effect.fail(new Refused({ reason: "сбой" }))),
                ],
                { concurrency: "unbounded" },
              ),
            ),
          )
          expect(Exit.isFailure(exit)).toBe(true)
          // Whatever was still in flight when the unit rolled back is gone with it.
          yield* Effect.sleep("50 millis")
          const outbox = yield* Outbox.Outbox
          expect(yield* outbox.list("pending")).toEqual([])
          for (const s of ["p", "q", "r", "s"]) expect(yield* versionOf(s)).toBe(0)
          // And the store is usable: nothing is left holding it.
          expect((yield* append("p", 0)).version).toBe(1)
        }).pipe(Effect.provideService(Clock.Clock, Clock.Clock.defaultValue())),
      ))

    test("UW-11 an interrupted unit leaves nothing, also with a write in flight", () =>
      run(
        Effect.gen(function* () {
          for (let round = 0; round < 5; round++) {
            const fiber = yield* Effect.forkChild(
              UnitOfWork.run(
                Effect.all(
                  [
                    Effect.forEach(
                      Array.from({ length: 20 }, (_, i) => i),
                      (i) => append(`int-${round}-${i}`, 0, 1, [`int-${round}-${i}`]),
                      { concurrency: 4 },
                    ),
                    Effect.never,
                  ],
                  { concurrency: "unbounded" },
                ),
              ),
            )
            yield* Effect.sleep(`${round} millis`)
            yield* Fiber.interrupt(fiber)
          }
          yield* Effect.sleep("50 millis")
          const store = yield* EventStore.EventStore
          expect(yield* store.readAll({ after: 0, limit: 1000 })).toEqual([])
          const outbox = yield* Outbox.Outbox
          expect(yield* outbox.list("pending")).toEqual([])
        }).pipe(Effect.provideService(Clock.Clock, Clock.Clock.defaultValue())),
      ))

    test("UW-12 a unit whose step failed and was caught commits everything or nothing, never a part", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([
            {
              id: messageId("m-nul"),
              channel: "email",
              recipient: "n@school.example",
              payload: {},
            },
          ])
          const exit = yield* Effect.exit(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* append("a", 0, 1, ["ma"])
                yield* append("b", 0)
                const inUnit = yield* Outbox.Outbox
                const [claimed] = yield* inUnit.claim({
                  workerId: "w",
                  limit: 1,
                  leaseMillis: 60_000,
                })
                // A NUL character: PostgreSQL refuses it in text (and aborts the transaction).
                // Caught, and nothing after it: the commit itself must not pretend.
                yield* Effect.ignore(
                  inUnit.markFailed(claimed!.id, "w", "bad \u0000 reason", { _tag: "Dead" }),
                )
              }),
            ),
          )
          const stored = [yield* versionOf("a"), yield* versionOf("b")]
          if (Exit.isSuccess(exit)) {
            expect(stored).toEqual([1, 1])
            expect((yield* messageOf("ma"))?.status).toBe("pending")
          } else {
            expect(stored).toEqual([0, 0])
            expect(yield* messageOf("ma")).toBeUndefined()
            expect((yield* messageOf("m-nul"))?.status).toBe("pending")
          }
        }),
      ))

    test("UW-13 a failed append does not undo what another fiber of the unit did meanwhile", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          for (let round = 0; round < 10; round++) {
            const id = `c-${round}`
            yield* append(`conflict-${round}`, 0)
            yield* outbox.enqueue([
              { id: messageId(id), channel: "email", recipient: "c@school.example", payload: {} },
            ])
            const claimed = yield* UnitOfWork.run(
              Effect.gen(function* () {
                const inUnit = yield* Outbox.Outbox
                const [, claim] = yield* Effect.all(
                  [
                    Effect.result(append(`conflict-${round}`, 0, 1, [`lost-${round}`])),
                    inUnit.claim({ workerId: "w", limit: 10, leaseMillis: 60_000 }),
                  ],
                  { concurrency: "unbounded" },
                )
                return claim.map((m) => m.id as string)
              }),
            )
            expect(claimed).toEqual([id])
            expect((yield* messageOf(id))?.status).toBe("claimed")
            expect(yield* messageOf(`lost-${round}`)).toBeUndefined()
          }
        }),
      ))

    test("UW-14 a unit's services refuse to run once it has ended: no write escapes it", () =>
      run(
        Effect.gen(function* () {
          const leaked = yield* UnitOfWork.run(
            Effect.gen(function* () {
              yield* append("a", 0)
              return { store: yield* EventStore.EventStore, outbox: yield* Outbox.Outbox }
            }),
          )
          const late = yield* Effect.exit(
            leaked.store.append({
              streamId: streamId("late"),
              streamType: "Test",
              expectedVersion: 0,
              events: [event("late")],
            }),
          )
          expect(Exit.isFailure(late)).toBe(true)
          const lateMessage = yield* Effect.exit(
            leaked.outbox.enqueue([
              {
                id: messageId("m-late"),
                channel: "email",
                recipient: "l@school.example",
                payload: {},
              },
            ]),
          )
          expect(Exit.isFailure(lateMessage)).toBe(true)
          expect(yield* versionOf("late")).toBe(0)
          expect(yield* messageOf("m-late")).toBeUndefined()
          expect(yield* versionOf("a")).toBe(1)
        }),
      ))

    test("UW-15 writers that gave up waiting for a unit (interrupted, timed out) leave the store usable", () =>
      run(
        Effect.gen(function* () {
          const written = yield* Deferred.make<void>()
          const finish = yield* Deferred.make<void>()
          const outer = yield* Effect.forkChild(
            UnitOfWork.run(
              Effect.gen(function* () {
                yield* append("held", 0)
                yield* Deferred.succeed(written, undefined)
                yield* Deferred.await(finish)
              }),
            ),
          )
          yield* Deferred.await(written)
          // Writers outside: they may wait for the unit (SQLite, in memory) and give up.
          for (const s of ["x", "y", "z"])
            yield* Effect.exit(Effect.timeout(append(s, 0), "15 millis"))
          yield* Deferred.succeed(finish, undefined)
          yield* Fiber.join(outer)
          // Inside a unit too: a fiber waiting behind a nested unit, interrupted by a failure.
          yield* Effect.exit(
            UnitOfWork.run(
              Effect.all(
                [
                  UnitOfWork.run(Effect.andThen(append("n", 0), Effect.sleep("60 millis"))),
                  Effect.andThen(Effect.sleep("10 millis"), append("w", 0)),
                  Effect.andThen(
                    Effect.sleep("25 millis"),
                    Effect.fail(new Refused({ reason: "стоп" })),
                  ),
                ],
                { concurrency: "unbounded" },
              ),
            ),
          )
          const after = yield* Effect.timeout(append("after", 0), "5 seconds")
          expect(after.version).toBe(1)
          expect(yield* versionOf("held")).toBe(1)
          expect(yield* versionOf("n")).toBe(0)
          expect(yield* versionOf("w")).toBe(0)
        }).pipe(Effect.provideService(Clock.Clock, Clock.Clock.defaultValue())),
      ))

    test("UW-9 property: after any sequence of units, the store holds exactly the committed ones", () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              appends: fc.array(
                fc.record({
                  stream: fc.constantFrom("a", "b", "c"),
                  count: fc.integer({ min: 1, max: 3 }),
                  stale: fc.boolean(),
                }),
                { minLength: 1, maxLength: 4 },
              ),
              fails: fc.boolean(),
            }),
            { minLength: 1, maxLength: 5 },
          ),
          (units) =>
            run(
              Effect.gen(function* () {
                const model = new Map<string, number>()
                const expected: Array<string> = []
                for (const [u, unit] of units.entries()) {
                  const local = new Map(model)
                  const localMessages: Array<string> = []
                  yield* Effect.exit(
                    UnitOfWork.run(
                      Effect.gen(function* () {
                        for (const [i, a] of unit.appends.entries()) {
                          const version = local.get(a.stream) ?? 0
                          const id = `m${u}-${i}`
                          // A stale append conflicts and is undone alone.
                          const r = yield* Effect.result(
                            append(a.stream, a.stale ? version + 1 : version, a.count, [id]),
                          )
                          if (Result.isSuccess(r)) {
                            local.set(a.stream, version + a.count)
                            localMessages.push(id)
                          }
                        }
                        if (unit.fails) return yield* new Refused({ reason: "откат" })
                      }),
                    ),
                  )
                  if (!unit.fails) {
                    for (const [k, v] of local) model.set(k, v)
                    expected.push(...localMessages)
                  }
                }
                for (const s of ["a", "b", "c"]) {
                  expect(yield* versionOf(s)).toBe(model.get(s) ?? 0)
                }
                const outbox = yield* Outbox.Outbox
                const pending = yield* outbox.list("pending")
                expect(pending.map((m) => m.id as string).sort()).toEqual([...expected].sort())
              }),
            ),
        ),
        { numRuns: options.numRuns ?? 25 },
      ))
  })
}
