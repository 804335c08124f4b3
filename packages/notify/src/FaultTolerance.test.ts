/**
 * The dispatcher against real servers that fail: an SMTP server that is down and comes
 * back, one that answers "try again later", one that never comes back, and a webhook
 * receiver that answers 500 first. Real sockets, short real delays.
 */
import { Ids, InMemory, Notifier, Outbox } from "@metodika/core"
import { Duration, Effect, Fiber, Layer, Logger, type Scope } from "effect"
import { describe, expect, it } from "vitest"
import * as HttpReceiver from "../test/HttpReceiver.ts"
import * as Net from "../test/Net.ts"
import * as SmtpReceiver from "../test/SmtpReceiver.ts"
import * as Dispatcher from "./Dispatcher.ts"
import * as EmailChannel from "./EmailChannel.ts"
import * as WebhookChannel from "./WebhookChannel.ts"

const dispatcher: Dispatcher.DispatcherOptions = {
  workerId: "dispatcher-fault",
  backoff: { base: "20 millis", cap: "80 millis" },
  maxAttempts: 200,
  pollInterval: "10 millis",
  concurrency: 4,
  leaseMillis: 10_000,
}

const emailTo = (port: number) =>
  EmailChannel.make({
    from: { name: "Методический центр", address: "mmc@edu.example.ru" },
    smtp: {
      host: "127.0.0.1",
      port,
      ignoreTLS: true,
      connectionTimeoutMillis: 1_000,
      greetingTimeoutMillis: 1_000,
      socketTimeoutMillis: 5_000,
    },
  })

const mail = (id: string, recipient: string): Outbox.NewOutboxMessage => ({
  id: Ids.MessageId.make(id),
  channel: "email",
  recipient,
  payload: { kind: "test.fault", subject: `Письмо ${id}`, text: `Текст письма ${id}` },
})

/** Waits (real time) until `done` holds, checking every 10 ms; fails the test after `limit`. */
const eventually = <E, R>(
  done: Effect.Effect<boolean, E, R>,
  limit: Duration.Input = "15 seconds",
): Effect.Effect<void, E | Error, R> =>
  Effect.gen(function* () {
    const deadline = Date.now() + Duration.toMillis(Duration.fromInputUnsafe(limit))
    while (!(yield* done)) {
      if (Date.now() > deadline)
        return yield* Effect.fail(new Error("condition not reached in time"))
      yield* Effect.sleep("10 millis")
    }
  })

const runScoped = <A, E>(program: Effect.Effect<A, E, Outbox.Outbox | Scope.Scope>): Promise<A> =>
  Effect.runPromise(
    Effect.scoped(program).pipe(
      // The dispatcher logs every retry; the assertions below say what matters.
      Effect.provide(Layer.merge(InMemory.layer, Logger.layer([]))),
    ),
  )

const settled = Effect.gen(function* () {
  const outbox = yield* Outbox.Outbox
  return {
    delivered: yield* outbox.list("delivered"),
    dead: yield* outbox.list("dead"),
    pending: yield* outbox.list("pending"),
    claimed: yield* outbox.list("claimed"),
  }
})

describe("Dispatcher under faults", () => {
  it("delivers every message once the SMTP server is back; a refused address ends dead; none is lost", async () => {
    const result = await runScoped(
      Effect.gen(function* () {
        const smtp = yield* SmtpReceiver.start
        smtp.refuse.add("gone@school.example")
        const gate = yield* Net.gate(smtp.port)
        const email = yield* emailTo(gate.port)
        const outbox = yield* Outbox.Outbox
        const normal = Array.from({ length: 8 }, (_, i) =>
          mail(`m${i + 1}`, `teacher${i + 1}@school.example`),
        )
        const enqueued = [...normal, mail("to-gone", "gone@school.example")]
        yield* outbox.enqueue(enqueued)

        const fiber = yield* Effect.forkChild(
          Dispatcher.run(dispatcher).pipe(
            Effect.provideService(Notifier.Notifier, Notifier.fromChannels([email])),
          ),
        )
        // Down: every message is tried at least twice and fails with a connection error.
        yield* eventually(
          Effect.map(
            outbox.list("pending"),
            (ms) => ms.length === 9 && ms.every((m) => m.attempts >= 2),
          ),
        )
        const whileDown = yield* settled
        expect(whileDown.delivered).toHaveLength(0)
        expect(whileDown.dead).toHaveLength(0)
        expect(smtp.mails).toHaveLength(0)
        expect(gate.dropped).toBeGreaterThanOrEqual(18)
        for (const m of whileDown.pending)
          expect(m.lastError).toMatch(/ECONNECTION|ESOCKET|ECONNRESET/)

        // Back up.
        gate.open = true
        yield* eventually(
          Effect.map(settled, (s) => s.delivered.length + s.dead.length === enqueued.length),
        )
        yield* Fiber.interrupt(fiber)
        return { ...(yield* settled), mails: smtp.mails, enqueued }
      }),
    )
    expect(result.delivered.map((m) => m.id).sort()).toEqual(
      ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"].sort(),
    )
    expect(result.dead).toHaveLength(1)
    expect(result.dead[0]?.id).toBe("to-gone")
    expect(result.dead[0]?.lastError).toContain("550")
    expect(result.dead[0]?.lastError).not.toContain("gone@school.example")
    expect(result.dead[0]?.attempts).toBeGreaterThan(2)
    expect(result.delivered.length + result.dead.length).toBe(result.enqueued.length)
    expect(result.pending).toEqual([])
    expect(result.claimed).toEqual([])
    // Each delivered message reached the server exactly once, under its own key.
    const keys = result.mails.map((m) => m.idempotencyKey).sort()
    expect(keys).toEqual(["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"].sort())
    for (const m of result.mails) {
      expect(m.envelopeTo).toEqual([`teacher${m.idempotencyKey?.slice(1)}@school.example`])
      expect(m.parsed.subject).toBe(`Письмо ${m.idempotencyKey}`)
    }
  })

  it("delivers after transient 451 replies, keeping the key and Message-ID on every attempt", async () => {
    const result = await runScoped(
      Effect.gen(function* () {
        const smtp = yield* SmtpReceiver.start
        smtp.tempFailNext = 5
        const email = yield* emailTo(smtp.port)
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([mail("a", "a@school.example"), mail("b", "b@school.example")])
        const fiber = yield* Effect.forkChild(
          Dispatcher.run({ ...dispatcher, concurrency: 1 }).pipe(
            Effect.provideService(Notifier.Notifier, Notifier.fromChannels([email])),
          ),
        )
        yield* eventually(Effect.map(outbox.list("delivered"), (ms) => ms.length === 2))
        yield* Fiber.interrupt(fiber)
        return { ...(yield* settled), smtp }
      }),
    )
    expect(result.smtp.transactions).toHaveLength(7)
    for (const key of ["a", "b"]) {
      const tries = result.smtp.transactions.filter((t) => t.idempotencyKey === key)
      expect(tries.length).toBeGreaterThanOrEqual(1)
      expect(new Set(tries.map((t) => t.messageId)).size).toBe(1)
    }
    expect(result.smtp.mails.map((m) => m.idempotencyKey).sort()).toEqual(["a", "b"])
    const attempts = result.delivered.map((m) => m.attempts).reduce((a, b) => a + b, 0)
    expect(attempts).toBe(7)
    expect(result.dead).toEqual([])
  })

  it("marks a message dead with its last error when the server never comes back", async () => {
    const result = await runScoped(
      Effect.gen(function* () {
        const email = yield* emailTo(yield* Net.closedPort)
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([mail("lost-cause", "a@school.example")])
        const fiber = yield* Effect.forkChild(
          Dispatcher.run({ ...dispatcher, maxAttempts: 3 }).pipe(
            Effect.provideService(Notifier.Notifier, Notifier.fromChannels([email])),
          ),
        )
        yield* eventually(Effect.map(outbox.list("dead"), (ms) => ms.length === 1))
        yield* Fiber.interrupt(fiber)
        return yield* settled
      }),
    )
    expect(result.dead[0]).toMatchObject({ id: "lost-cause", attempts: 3 })
    expect(result.dead[0]?.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/)
  })

  it("webhook answering 500 then 200: one retry by the dispatcher, one delivery, the same key", async () => {
    const result = await runScoped(
      Effect.gen(function* () {
        const receiver = yield* HttpReceiver.start("secret")
        receiver.script.push(500)
        const webhook = WebhookChannel.make({ url: receiver.url, secret: "secret", retry: false })
        const outbox = yield* Outbox.Outbox
        yield* outbox.enqueue([
          {
            id: Ids.MessageId.make("hook-1"),
            channel: "webhook",
            recipient: "person-1",
            payload: { subject: "Тема", text: "Текст", data: { dayDate: "2025-12-04" } },
          },
        ])
        const provide = Effect.provideService(Notifier.Notifier, Notifier.fromChannels([webhook]))
        const first = yield* provide(Dispatcher.runOnce(dispatcher))
        expect(first).toMatchObject({ claimed: 1, retrying: 1 })
        yield* Effect.sleep("50 millis")
        const second = yield* provide(Dispatcher.runOnce(dispatcher))
        expect(second).toMatchObject({ claimed: 1, delivered: 1 })
        return { receiver, message: yield* outbox.get(Ids.MessageId.make("hook-1")) }
      }),
    )
    expect(result.receiver.requests.map((r) => r.status)).toEqual([500, 200])
    expect(result.receiver.requests.map((r) => r.idempotencyKey)).toEqual(["hook-1", "hook-1"])
    expect(result.receiver.requests.every((r) => r.signatureValid)).toBe(true)
    expect(result.receiver.requests[1]?.body.data).toEqual({ dayDate: "2025-12-04" })
    expect(result.message).toMatchObject({ status: "delivered", attempts: 2 })
  })
})
