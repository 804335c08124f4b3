/**
 * The contract suite of the `Outbox` port: idempotent enqueue, claiming due messages
 * under a lease, settling them (delivered, retried, dead), releasing, and the channel
 * filter. Every adapter runs these same tests: the in-memory outbox of
 * `@metodika/core`, the SQL outboxes of `@metodika/storage-sql`, and any outbox an
 * integrator writes.
 *
 * The suite registers Vitest `describe`/`it` blocks (Vitest is an optional peer of this
 * package). Call it from a test file of the adapter:
 *
 * @example
 * // my-outbox.test.ts
 * import { OutboxSuite } from "@metodika/testing"
 * OutboxSuite.suite("MyOutbox", () => MyOutbox.layer({ url: freshDatabaseUrl() }))
 *
 * `makeLayer` is called once per test and must give an empty outbox. Each test runs
 * under `TestClock`: due times and leases are measured with the Effect `Clock`, so the
 * adapter must compare against the instant the Clock gives, never the database's own
 * `now()`.
 *
 * @module
 */
import { Ids, Outbox, type Outbox as OutboxModule } from "@metodika/core"
import { DateTime, Effect, type Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { runWith, START } from "./Harness.ts"

/** Options of {@link suite}. */
export interface SuiteOptions {
  /** Per-test timeout in milliseconds (default: the runner's). */
  readonly timeout?: number
}

const messageId = (s: string) => Ids.MessageId.make(s)

const message = (
  id: string,
  extra: Partial<OutboxModule.NewOutboxMessage> = {},
): OutboxModule.NewOutboxMessage => ({
  id: messageId(id),
  channel: "email",
  recipient: `${id}@school.example`,
  payload: { id },
  ...extra,
})

const ids = (ms: ReadonlyArray<OutboxModule.OutboxMessage>) => ms.map((m) => m.id as string).sort()

const millis = (d: DateTime.Utc | undefined) =>
  d === undefined ? undefined : DateTime.toEpochMillis(d)

/**
 * Registers the `Outbox` contract tests under `describe(\`Outbox contract (${name})\`)`.
 *
 * @param name shown in the test report.
 * @param makeLayer builds a layer over an empty outbox; called once per test.
 */
export const suite = (
  name: string,
  makeLayer: () => Layer.Layer<Outbox.Outbox, unknown>,
  options: SuiteOptions = {},
): void => {
  const run = runWith(makeLayer)
  const test = (title: string, body: () => Promise<void>) => it(title, body, options.timeout)

  describe(`Outbox contract (${name})`, () => {
    test("OB-1 enqueue is idempotent on the message id", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1", { payload: { тема: "Первая" } })])
          yield* TestClock.adjust("1 minute")
          yield* outbox.enqueue([
            message("m1", { payload: { тема: "Вторая" }, recipient: "other@school.example" }),
            message("m2"),
          ])
          const m1 = yield* outbox.get(messageId("m1"))
          expect(m1).toMatchObject({
            id: "m1",
            channel: "email",
            recipient: "m1@school.example",
            payload: { тема: "Первая" },
            status: "pending",
            attempts: 0,
          })
          expect(m1?.claimedBy).toBeUndefined()
          expect(m1?.leaseUntil).toBeUndefined()
          expect(m1?.lastError).toBeUndefined()
          expect(millis(m1?.createdAt)).toBe(START)
          expect(millis(m1?.nextAttemptAt)).toBe(START)
          expect(ids(yield* outbox.list("pending"))).toEqual(["m1", "m2"])
          expect(yield* outbox.get(messageId("unknown"))).toBeUndefined()
        }),
      ))

    test("OB-2 claims only due messages: one not before a future instant waits for the clock", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          const later = DateTime.makeUnsafe(START + 3_600_000)
          yield* outbox.enqueue([message("now"), message("later", { notBefore: later })])
          expect(millis((yield* outbox.get(messageId("later")))?.nextAttemptAt)).toBe(
            START + 3_600_000,
          )
          const first = yield* outbox.claim({ workerId: "w1", limit: 10, leaseMillis: 86_400_000 })
          expect(ids(first)).toEqual(["now"])
          yield* TestClock.adjust("59 minutes")
          expect(
            yield* outbox.claim({ workerId: "w1", limit: 10, leaseMillis: 86_400_000 }),
          ).toEqual([])
          yield* TestClock.adjust("1 minute")
          const second = yield* outbox.claim({ workerId: "w1", limit: 10, leaseMillis: 86_400_000 })
          expect(ids(second)).toEqual(["later"])
          expect(millis(second[0]?.notBefore)).toBe(START + 3_600_000)
        }),
      ))

    test("OB-3 a claimed message is not claimed again within its lease, and is once it runs out", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1")])
          const [claimed] = yield* outbox.claim({ workerId: "w1", limit: 10, leaseMillis: 30_000 })
          expect(claimed).toMatchObject({
            id: "m1",
            status: "claimed",
            attempts: 1,
            claimedBy: "w1",
          })
          expect(millis(claimed?.leaseUntil)).toBe(START + 30_000)
          const stored = yield* outbox.get(messageId("m1"))
          expect(stored).toMatchObject({ status: "claimed", claimedBy: "w1", attempts: 1 })
          expect(millis(stored?.leaseUntil)).toBe(START + 30_000)

          expect(yield* outbox.claim({ workerId: "w2", limit: 10, leaseMillis: 30_000 })).toEqual(
            [],
          )
          yield* TestClock.adjust(29_999)
          expect(yield* outbox.claim({ workerId: "w2", limit: 10, leaseMillis: 30_000 })).toEqual(
            [],
          )
          yield* TestClock.adjust(1)
          const [again] = yield* outbox.claim({ workerId: "w2", limit: 10, leaseMillis: 30_000 })
          expect(again).toMatchObject({ id: "m1", status: "claimed", attempts: 2, claimedBy: "w2" })
          expect(millis(again?.leaseUntil)).toBe(START + 60_000)
        }),
      ))

    test("OB-4 a worker that lost the lease gets LeaseLost on markDelivered and markFailed", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1")])
          yield* outbox.claim({ workerId: "w1", limit: 1, leaseMillis: 10_000 })
          yield* TestClock.adjust("10 seconds")
          yield* outbox.claim({ workerId: "w2", limit: 1, leaseMillis: 10_000 })

          const delivered = yield* Effect.flip(outbox.markDelivered(messageId("m1"), "w1"))
          expect(delivered).toMatchObject({ _tag: "LeaseLost", messageId: "m1", workerId: "w1" })
          const failed = yield* Effect.flip(
            outbox.markFailed(messageId("m1"), "w1", "timeout", { _tag: "Dead" }),
          )
          expect(failed).toMatchObject({ _tag: "LeaseLost", messageId: "m1", workerId: "w1" })
          expect(yield* outbox.get(messageId("m1"))).toMatchObject({
            status: "claimed",
            claimedBy: "w2",
          })

          yield* outbox.markDelivered(messageId("m1"), "w2")
          const done = yield* outbox.get(messageId("m1"))
          expect(done).toMatchObject({ status: "delivered", attempts: 2 })
          expect(done?.claimedBy).toBeUndefined()
          expect(done?.leaseUntil).toBeUndefined()

          const twice = yield* Effect.flip(outbox.markDelivered(messageId("m1"), "w2"))
          expect(twice._tag).toBe("LeaseLost")
          const unknown = yield* Effect.flip(outbox.markDelivered(messageId("nope"), "w2"))
          expect(unknown._tag).toBe("LeaseLost")
          expect(yield* outbox.claim({ workerId: "w3", limit: 10, leaseMillis: 1 })).toEqual([])
        }),
      ))

    test("OB-5 a failed attempt goes back to pending and is retried at the given instant", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1")])
          yield* outbox.claim({ workerId: "w1", limit: 1, leaseMillis: 60_000 })
          const at = DateTime.makeUnsafe(START + 5 * 60_000)
          yield* outbox.markFailed(messageId("m1"), "w1", "SMTP 451: попробуйте позже", {
            _tag: "RetryAt",
            at,
          })
          const pending = yield* outbox.get(messageId("m1"))
          expect(pending).toMatchObject({
            status: "pending",
            attempts: 1,
            lastError: "SMTP 451: попробуйте позже",
          })
          expect(millis(pending?.nextAttemptAt)).toBe(START + 5 * 60_000)
          expect(pending?.claimedBy).toBeUndefined()
          expect(pending?.leaseUntil).toBeUndefined()

          yield* TestClock.adjust("4 minutes")
          expect(yield* outbox.claim({ workerId: "w1", limit: 1, leaseMillis: 60_000 })).toEqual([])
          yield* TestClock.adjust("1 minute")
          const [retried] = yield* outbox.claim({ workerId: "w2", limit: 1, leaseMillis: 60_000 })
          expect(retried).toMatchObject({ id: "m1", attempts: 2, claimedBy: "w2" })
          expect(retried?.lastError).toBe("SMTP 451: попробуйте позже")
        }),
      ))

    test("OB-6 a dead message keeps its last error and is never claimed again", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1"), message("m2")])
          yield* outbox.claim({ workerId: "w1", limit: 2, leaseMillis: 60_000 })
          yield* outbox.markFailed(messageId("m1"), "w1", "адрес не существует", { _tag: "Dead" })
          const dead = yield* outbox.get(messageId("m1"))
          expect(dead).toMatchObject({ status: "dead", lastError: "адрес не существует" })
          expect(dead?.claimedBy).toBeUndefined()
          expect(ids(yield* outbox.list("dead"))).toEqual(["m1"])
          expect(ids(yield* outbox.list("claimed"))).toEqual(["m2"])
          yield* TestClock.adjust("30 days")
          expect(ids(yield* outbox.claim({ workerId: "w2", limit: 10, leaseMillis: 1 }))).toEqual([
            "m2",
          ])
        }),
      ))

    test("OB-7 every claim counts an attempt", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1")])
          for (let n = 1; n <= 3; n++) {
            const [m] = yield* outbox.claim({ workerId: `w${n}`, limit: 1, leaseMillis: 1_000 })
            expect(m?.attempts).toBe(n)
            yield* TestClock.adjust("1 second")
          }
          yield* outbox.markFailed(messageId("m1"), "w3", "no", {
            _tag: "RetryAt",
            at: DateTime.makeUnsafe(START),
          })
          const [m] = yield* outbox.claim({ workerId: "w4", limit: 1, leaseMillis: 1_000 })
          expect(m?.attempts).toBe(4)
          expect((yield* outbox.get(messageId("m1")))?.attempts).toBe(4)
        }),
      ))

    test("OB-8 release returns a claim to pending; a non-holder's release changes nothing", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([message("m1")])
          yield* outbox.claim({ workerId: "w1", limit: 1, leaseMillis: 60_000 })
          yield* outbox.release(messageId("m1"), "w1")
          const released = yield* outbox.get(messageId("m1"))
          expect(released).toMatchObject({ status: "pending", attempts: 1 })
          expect(released?.claimedBy).toBeUndefined()
          expect(released?.leaseUntil).toBeUndefined()
          expect(released?.lastError).toBeUndefined()

          const [m] = yield* outbox.claim({ workerId: "w2", limit: 1, leaseMillis: 60_000 })
          expect(m).toMatchObject({ id: "m1", claimedBy: "w2", attempts: 2 })
          yield* outbox.release(messageId("m1"), "w1")
          yield* outbox.release(messageId("unknown"), "w1")
          expect(yield* outbox.get(messageId("m1"))).toMatchObject({
            status: "claimed",
            claimedBy: "w2",
          })
        }),
      ))

    test("OB-9 claim takes only the channels asked for", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue([
            message("mail-1"),
            message("hook-1", { channel: "webhook", recipient: "https://school.example/hook" }),
            message("ics-1", { channel: "ical" }),
            message("mail-2"),
          ])
          const hooks = yield* outbox.claim({
            workerId: "w1",
            limit: 10,
            leaseMillis: 60_000,
            channels: ["webhook", "ical"],
          })
          expect(ids(hooks)).toEqual(["hook-1", "ics-1"])
          expect(
            yield* outbox.claim({
              workerId: "w1",
              limit: 10,
              leaseMillis: 60_000,
              channels: ["sms"],
            }),
          ).toEqual([])
          const rest = yield* outbox.claim({ workerId: "w2", limit: 10, leaseMillis: 60_000 })
          expect(ids(rest)).toEqual(["mail-1", "mail-2"])
        }),
      ))

    test("OB-10 claim takes at most `limit` messages, each once", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue(Array.from({ length: 5 }, (_, i) => message(`m${i}`)))
          const seen: Array<string> = []
          for (const size of [2, 2, 1, 0]) {
            const batch = yield* outbox.claim({ workerId: "w1", limit: 2, leaseMillis: 60_000 })
            expect(batch).toHaveLength(size)
            seen.push(...ids(batch))
          }
          expect(seen.sort()).toEqual(["m0", "m1", "m2", "m3", "m4"])
        }),
      ))

    test("OB-11 list gives the messages of a status oldest first, up to a limit", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          for (const id of ["a", "b", "c", "d"]) {
            yield* outbox.enqueue([message(id)])
            yield* TestClock.adjust("1 second")
          }
          expect((yield* outbox.list("pending")).map((m) => m.id)).toEqual(["a", "b", "c", "d"])
          expect((yield* outbox.list("pending", 2)).map((m) => m.id)).toEqual(["a", "b"])
          expect(yield* outbox.list("delivered")).toEqual([])
        }),
      ))

    test("OB-12 concurrent claims never hand one message to two workers", () =>
      run(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.enqueue(Array.from({ length: 60 }, (_, i) => message(`m${i}`)))
          const claimedBy = new Map<string, Array<string>>()
          const worker = (w: string) =>
            Effect.gen(function* () {
              for (;;) {
                const batch = yield* outbox.claim({ workerId: w, limit: 7, leaseMillis: 60_000 })
                if (batch.length === 0) return
                for (const m of batch) {
                  claimedBy.set(m.id, [...(claimedBy.get(m.id) ?? []), w])
                  expect(m.claimedBy).toBe(w)
                }
                yield* Effect.forEach(batch, (m) => outbox.markDelivered(m.id, w), {
                  discard: true,
                })
              }
            })
          yield* Effect.all(["w1", "w2", "w3", "w4", "w5"].map(worker), {
            concurrency: "unbounded",
            discard: true,
          })
          expect(claimedBy.size).toBe(60)
          for (const holders of claimedBy.values()) expect(holders).toHaveLength(1)
          expect(yield* outbox.list("delivered")).toHaveLength(60)
        }),
      ))
  })
}
