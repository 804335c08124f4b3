import {
  EventStore,
  Ids,
  InMemory,
  Notifier,
  type Notifier as NotifierModule,
  Outbox,
  UnitOfWork,
} from "@metodika/core"
import { Clock, DateTime, Effect, Fiber, Layer, Logger, References } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import * as Dispatcher from "./Dispatcher.ts"
import * as MemoryChannel from "./MemoryChannel.ts"
import type * as Payload from "./Payload.ts"

const START = Date.parse("2025-11-26T04:00:00.000Z")
const MINUTE = 60_000

const payload = (subject: string, extra: Partial<Payload.Payload> = {}): Payload.Payload => ({
  kind: "test.message",
  subject,
  text: `Текст: ${subject}`,
  ...extra,
})

const message = (
  id: string,
  recipient: string,
  extra: Partial<Outbox.NewOutboxMessage> = {},
): Outbox.NewOutboxMessage => ({
  id: Ids.MessageId.make(id),
  channel: "memory",
  recipient,
  payload: payload(id),
  ...extra,
})

const options: Dispatcher.DispatcherOptions = {
  workerId: "dispatcher-1",
  maxAttempts: 6,
  backoff: { base: "1 minute", cap: "5 minutes" },
}

/** Runs a program on a fresh in-memory outbox, the given channels and a TestClock at START. */
const run = <A, E>(
  channels: ReadonlyArray<NotifierModule.Channel>,
  program: Effect.Effect<
    A,
    E,
    Outbox.Outbox | EventStore.EventStore | Notifier.Notifier | TestClock.TestClock
  >,
): Promise<A> =>
  Effect.runPromise(
    Effect.andThen(TestClock.setTime(START), program).pipe(
      Effect.provide(
        Layer.mergeAll(
          InMemory.layer,
          Layer.succeed(Notifier.Notifier, Notifier.fromChannels(channels)),
          TestClock.layer(),
        ),
      ),
    ),
  )

const statusOf = (id: string) => Effect.flatMap(Outbox.Outbox, (o) => o.get(Ids.MessageId.make(id)))

describe("Dispatcher", () => {
  it("sends each due message through its channel and marks it delivered", async () => {
    const memory = MemoryChannel.make()
    const report = await run(
      [memory],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([
          message("m1", "ivanova@school.example"),
          message("m2", "petrov@school.example"),
          message("later", "sidorov@school.example", {
            notBefore: DateTime.makeUnsafe(START + 10 * MINUTE),
          }),
        ])
        const report = yield* Dispatcher.runOnce(options)
        expect((yield* statusOf("m1"))?.status).toBe("delivered")
        expect((yield* statusOf("later"))?.status).toBe("pending")
        return report
      }),
    )
    expect(report).toMatchObject({ claimed: 2, delivered: 2, retrying: 0, dead: 0 })
    expect(memory.delivered().map((n) => [n.id, n.recipient, n.subject])).toEqual([
      ["m1", "ivanova@school.example", "m1"],
      ["m2", "petrov@school.example", "m2"],
    ])
    expect(memory.delivered()[0]?.text).toBe("Текст: m1")
  })

  it("retries with a delay that doubles per attempt up to the cap, then marks the message dead", async () => {
    const memory = MemoryChannel.make({
      reject: () => ({ retryable: true, reason: "421 service not available" }),
    })
    const { delays, final } = await run(
      [memory],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([message("m1", "ivanova@school.example")])
        const delays: Array<number> = []
        for (let attempt = 1; attempt <= 6; attempt++) {
          const report = yield* Dispatcher.runOnce(options)
          expect(report.claimed).toBe(1)
          const m = yield* statusOf("m1")
          expect(m?.attempts).toBe(attempt)
          if (m?.status === "dead") break
          const now = yield* Clock.currentTimeMillis
          const next = DateTime.toEpochMillis(m!.nextAttemptAt)
          delays.push((next - now) / MINUTE)
          // Not due a moment before, due at the instant.
          yield* TestClock.adjust(next - now - 1)
          expect((yield* Dispatcher.runOnce(options)).claimed).toBe(0)
          yield* TestClock.adjust(1)
        }
        return { delays, final: yield* statusOf("m1") }
      }),
    )
    expect(delays).toEqual([1, 2, 4, 5, 5])
    expect(final).toMatchObject({
      status: "dead",
      attempts: 6,
      lastError: "421 service not available",
    })
  })

  it("computes the next attempt from the attempt count with a capped exponential Schedule", async () => {
    const delays = await Effect.runPromise(
      Effect.forEach([1, 2, 3, 4, 5, 6, 7, 8], (attempt) =>
        Dispatcher.failureOutcome(
          { workerId: "w", maxAttempts: 100, backoff: { base: "30 seconds", cap: "10 minutes" } },
          attempt,
          true,
          DateTime.makeUnsafe(0),
        ),
      ),
    )
    expect(
      delays.map((o) => (o._tag === "RetryAt" ? DateTime.toEpochMillis(o.at) / 1000 : -1)),
    ).toEqual([30, 60, 120, 240, 480, 600, 600, 600])
  })

  it("marks a permanently refused message dead at once, with its error", async () => {
    const memory = MemoryChannel.make({
      reject: (n) =>
        n.recipient === "gone@school.example"
          ? { retryable: false, reason: "550 5.1.1 <gone@school.example>: no such user" }
          : undefined,
    })
    const dead = await run(
      [memory],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([message("m1", "gone@school.example")])
        const report = yield* Dispatcher.runOnce(options)
        expect(report).toMatchObject({ claimed: 1, dead: 1 })
        return yield* statusOf("m1")
      }),
    )
    expect(dead).toMatchObject({ status: "dead", attempts: 1 })
    // The stored error keeps the server's words but not the address.
    expect(dead?.lastError).toBe("550 5.1.1 <[recipient]>: no such user")
  })

  it("marks a message whose payload is not a notification dead", async () => {
    const dead = await run(
      [MemoryChannel.make()],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([message("m1", "a@school.example", { payload: { nonsense: true } })])
        yield* Dispatcher.runOnce(options)
        return yield* statusOf("m1")
      }),
    )
    expect(dead?.status).toBe("dead")
    expect(dead?.lastError).toContain("has no valid payload")
  })

  it("treats a channel that dies as a retryable failure, so the message is not lost", async () => {
    const broken: NotifierModule.Channel = {
      name: "memory",
      send: () => Effect.die(new Error("bug in an integrator's channel")),
    }
    const m = await run(
      [broken],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([message("m1", "a@school.example")])
        yield* Dispatcher.runOnce(options)
        return yield* statusOf("m1")
      }),
    )
    expect(m?.status).toBe("pending")
    expect(m?.lastError).toContain("the channel failed unexpectedly")
  })

  it("leaves messages of channels it does not have to other dispatchers", async () => {
    const m = await run(
      [MemoryChannel.make()],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([message("m1", "a@school.example", { channel: "sms" })])
        const report = yield* Dispatcher.runOnce(options)
        expect(report.claimed).toBe(0)
        return yield* statusOf("m1")
      }),
    )
    expect(m).toMatchObject({ status: "pending", attempts: 0 })
  })

  it("skips a message once an event it names is recorded in its stream", async () => {
    const memory = MemoryChannel.make()
    await run(
      [memory],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        const store = yield* EventStore.EventStore
        const streamId = Ids.StreamId.make("emd-cycle/school-7/2025-12-04")
        yield* outbox.enqueue([
          message("reminder", "a@school.example", {
            payload: payload("Напоминание", {
              skipIf: [
                { streamId: "emd-cycle:other", eventTypes: ["QuestionsSubmitted"] },
                { streamId, eventTypes: ["QuestionsSubmitted"] },
              ],
            }),
          }),
          message("still-due", "b@school.example", {
            payload: payload("Напоминание", {
              skipIf: [{ streamId, eventTypes: ["DayHeld"] }],
            }),
          }),
        ])
        yield* store.append({
          streamId,
          streamType: "emd-cycle",
          expectedVersion: 0,
          events: [
            {
              id: Ids.EventId.make("e1"),
              type: "QuestionsSubmitted",
              data: {},
              metadata: {},
            },
          ],
        })
        // A pass reads each named stream once, however many messages name it.
        const reads: Array<string> = []
        const counting = EventStore.EventStore.of({
          ...store,
          readStream: (id) =>
            Effect.andThen(
              Effect.sync(() => reads.push(id)),
              store.readStream(id),
            ),
        })
        const report = yield* Dispatcher.runOnce({ ...options, concurrency: 1 }).pipe(
          Effect.provideService(EventStore.EventStore, counting),
        )
        expect(report).toMatchObject({ claimed: 2, skipped: 1, delivered: 1 })
        expect((yield* statusOf("reminder"))?.status).toBe("delivered")
        expect(reads.filter((id) => id === streamId)).toHaveLength(1)
      }),
    )
    expect(memory.delivered().map((n) => n.id)).toEqual(["still-due"])
  })

  it("releases the claimed but unsent messages when interrupted, so none stays claimed", async () => {
    const memory = MemoryChannel.make()
    let sends = 0
    const slow: NotifierModule.Channel = {
      name: "memory",
      send: (n) => {
        sends++
        return sends === 1 ? memory.send(n) : Effect.never
      },
    }
    const after = await run(
      [slow],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue(
          ["m1", "m2", "m3", "m4"].map((id) => message(id, `${id}@school.example`)),
        )
        const fiber = yield* Effect.forkChild(
          Dispatcher.runOnce({ ...options, concurrency: 1, leaseMillis: 60 * MINUTE }),
        )
        yield* Effect.yieldNow
        for (let i = 0; i < 20 && sends < 2; i++) yield* Effect.yieldNow
        expect(sends).toBe(2)
        expect((yield* outbox.list("claimed")).length).toBe(3)
        yield* Fiber.interrupt(fiber)
        return {
          claimed: yield* outbox.list("claimed"),
          pending: yield* outbox.list("pending"),
          delivered: yield* outbox.list("delivered"),
        }
      }),
    )
    expect(after.claimed).toEqual([])
    expect(after.delivered.map((m) => m.id)).toEqual(["m1"])
    expect(after.pending.map((m) => m.id).sort()).toEqual(["m2", "m3", "m4"])
    // The released messages are due again at once, long before their lease would have run out.
    for (const m of after.pending) {
      expect(DateTime.toEpochMillis(m.nextAttemptAt)).toBeLessThanOrEqual(START)
      expect(m.lastError).toBeUndefined()
    }
  })

  it("runs until interrupted, sending what falls due as the clock moves", async () => {
    const memory = MemoryChannel.make()
    const { delivered, claimed } = await run(
      [memory],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([
          message("now", "a@school.example"),
          message("in-an-hour", "b@school.example", {
            notBefore: DateTime.makeUnsafe(START + 60 * MINUTE),
          }),
        ])
        memory.failNext(1, { retryable: true, reason: "busy" })
        const fiber = yield* Effect.forkChild(
          Dispatcher.run({ ...options, pollInterval: "30 seconds" }),
        )
        yield* TestClock.adjust(2 * MINUTE)
        expect(memory.delivered().map((n) => n.id)).toEqual(["now"])
        yield* TestClock.adjust(60 * MINUTE)
        yield* Fiber.interrupt(fiber)
        return {
          delivered: yield* outbox.list("delivered"),
          claimed: yield* outbox.list("claimed"),
        }
      }),
    )
    expect(delivered.map((m) => m.id).sort()).toEqual(["in-an-hour", "now"])
    expect(claimed).toEqual([])
  })

  it("never writes a recipient's address to the logs", async () => {
    const lines: Array<string> = []
    const capture = Logger.make((entry) => {
      lines.push(
        JSON.stringify({
          message: entry.message,
          level: entry.logLevel,
          cause: String(entry.cause),
          annotations: Object.entries(entry.fiber.getRef(References.CurrentLogAnnotations)),
        }),
      )
    })
    const recipients = ["ivanova@school.example", "gone@school.example", "busy@school.example"]
    const memory = MemoryChannel.make({
      reject: (n) =>
        n.recipient === "gone@school.example"
          ? { retryable: false, reason: `550 <${n.recipient}> unknown` }
          : n.recipient === "busy@school.example"
            ? { retryable: true, reason: `451 mailbox ${n.recipient} busy` }
            : undefined,
    })
    await run(
      [memory],
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([
          message("ok", recipients[0]!),
          message("gone", recipients[1]!),
          message("busy", recipients[2]!),
        ])
        yield* Dispatcher.drain(options).pipe(
          Effect.provide(Logger.layer([capture])),
          Effect.provideService(References.MinimumLogLevel, "All"),
        )
      }),
    )
    expect(lines.length).toBeGreaterThanOrEqual(3)
    const all = lines.join("\n")
    expect(all).toContain('"messageId","ok"')
    expect(all).toContain('"channel","memory"')
    for (const r of recipients) expect(all).not.toContain(r)
    expect(all).not.toMatch(/@school\.example/)
  })
})

describe("Dispatcher settling a batch together", () => {
  const together = { ...options, settleTogether: true, concurrency: 3 }
  const mixed = () =>
    MemoryChannel.make({
      reject: (n) =>
        n.id === "busy"
          ? { retryable: true, reason: "421 service not available" }
          : n.id === "refused"
            ? { retryable: false, reason: "550 no such mailbox" }
            : undefined,
    })
  const enqueueMixed = Effect.flatMap(Outbox.Outbox, (outbox) =>
    outbox.enqueue([
      message("m1", "ivanova@school.example"),
      message("busy", "petrov@school.example"),
      message("m2", "sidorov@school.example"),
      message("refused", "nobody@school.example"),
      message("m3", "kuznetsova@school.example"),
    ]),
  )
  const statuses = Effect.forEach(["m1", "busy", "m2", "refused", "m3"], (id) =>
    Effect.map(statusOf(id), (m) => [id, m?.status, m?.attempts] as const),
  )

  it("settles every message as the one-by-one dispatcher would, in one unit of work", async () => {
    const settle = async (settleTogether: boolean) =>
      run(
        [mixed()],
        Effect.gen(function* () {
          yield* enqueueMixed
          const report = yield* Dispatcher.runOnce({ ...together, settleTogether })
          return { report, statuses: yield* statuses }
        }),
      )
    const batched = await settle(true)
    expect(batched.report).toMatchObject({ claimed: 5, delivered: 3, retrying: 1, dead: 1 })
    expect(batched.statuses).toEqual([
      ["m1", "delivered", 1],
      ["busy", "pending", 1],
      ["m2", "delivered", 1],
      ["refused", "dead", 1],
      ["m3", "delivered", 1],
    ])
    expect(await settle(false)).toEqual(batched)
  })

  it("releases the whole batch when the unit of work cannot commit, losing no message", async () => {
    const memory = MemoryChannel.make()
    const failing = UnitOfWork.UnitOfWork.of({
      run: () =>
        Effect.fail(
          new EventStore.StoreUnavailable({ operation: "unit of work", cause: "disk full" }),
        ),
    })
    const { report, after } = await run(
      [memory],
      Effect.gen(function* () {
        yield* enqueueMixed
        const report = yield* Dispatcher.runOnce(together).pipe(
          Effect.provideService(UnitOfWork.UnitOfWork, failing),
          Effect.provideService(References.MinimumLogLevel, "None"),
        )
        return { report, after: yield* statuses }
      }),
    )
    expect(report).toMatchObject({ claimed: 5, released: 5, delivered: 0 })
    // Sent, but not recorded as sent: pending again, to be sent again (at least once).
    expect(memory.delivered()).toHaveLength(5)
    expect(after.map(([id, status]) => [id, status])).toEqual([
      ["m1", "pending"],
      ["busy", "pending"],
      ["m2", "pending"],
      ["refused", "pending"],
      ["m3", "pending"],
    ])
  })
})
