/**
 * The contract suite of the `Notifier` port: what every notification channel must do,
 * checked against a real receiver. It runs for the channels of `@metodika/notify`
 * (in-memory, e-mail over SMTP, webhook) and for any channel an integrator writes (a
 * messenger bot, an SMS gateway).
 *
 * The channel under test comes in a {@link ChannelHarness}: the channel, a recipient
 * the receiver accepts, a view of what the receiver got (with the idempotency key it
 * saw), and, where the channel can be made to fail, a refused recipient and an
 * unreachable twin of the channel.
 *
 * The suite registers Vitest `describe`/`it` blocks (Vitest is an optional peer of this
 * package). Tests run with the real clock, since channels talk to real servers.
 *
 * @example
 * // my-channel.test.ts
 * import { NotifierSuite } from "@metodika/testing"
 * NotifierSuite.suite("TelegramChannel", () =>
 *   Effect.gen(function* () {
 *     const bot = yield* startFakeBotApi()          // a local server, closed with the scope
 *     return {
 *       channel: TelegramChannel.make({ apiUrl: bot.url, token: "t" }),
 *       recipient: "12345",
 *       received: () => bot.messages(),
 *       refusedRecipient: "blocked-chat",
 *       unreachable: TelegramChannel.make({ apiUrl: "http://127.0.0.1:9", token: "t" }),
 *     }
 *   }))
 *
 * @module
 */
import { Ids, Notifier } from "@metodika/core"
import { Cause, Effect, Exit, type Scope } from "effect"
import { describe, expect, it } from "vitest"

/** One notification as the receiver got it. */
export interface Received {
  /** The idempotency key the receiver saw (a header, a field of the body). */
  readonly id: string
  readonly recipient: string
  readonly subject: string
  readonly text: string
}

/** The channel under test and a view of its receiver. */
export interface ChannelHarness {
  readonly channel: Notifier.Channel
  /** A recipient the receiver accepts. */
  readonly recipient: string
  /** Everything the receiver got so far, every attempt, in order of arrival. */
  readonly received: () => ReadonlyArray<Received>
  /** A recipient the receiver refuses for good; omit when there is none. */
  readonly refusedRecipient?: string
  /** The same channel pointed at a receiver that cannot be reached; omit when there is none. */
  readonly unreachable?: Notifier.Channel
}

/** Options of {@link suite}. */
export interface SuiteOptions {
  /** Per-test timeout in milliseconds (default: the runner's). */
  readonly timeout?: number
}

const normalise = (text: string) => text.replace(/\r\n/g, "\n").trim()

let counter = 0
const freshId = (label: string) =>
  Ids.MessageId.make(`contract/${label}/${Date.now().toString(36)}-${++counter}`)

const notification = (
  label: string,
  recipient: string,
  extra: Partial<Notifier.Notification> = {},
): Notifier.Notification => ({
  id: freshId(label),
  recipient,
  subject: `Contract check: ${label}`,
  text: `This is the ${label} check.`,
  ...extra,
})

const failureOf = (exit: Exit.Exit<unknown, Notifier.SendFailed>): Notifier.SendFailed => {
  expect(Exit.isFailure(exit), "the send should have failed").toBe(true)
  if (Exit.isSuccess(exit)) throw new Error("unreachable")
  const error = Cause.findErrorOption(exit.cause)
  expect(error._tag, "a failure must be a SendFailed value, not a defect").toBe("Some")
  if (error._tag === "None") throw new Error("unreachable")
  expect(error.value).toBeInstanceOf(Notifier.SendFailed)
  return error.value
}

/**
 * Registers the `Notifier` contract tests under `describe(\`Notifier contract (${name})\`)`.
 *
 * @param name shown in the test report.
 * @param makeHarness starts a receiver and makes the channel; called once per test,
 *   and whatever it opens in the scope is closed after the test.
 */
export const suite = (
  name: string,
  makeHarness: () => Effect.Effect<ChannelHarness, unknown, Scope.Scope>,
  options: SuiteOptions = {},
): void => {
  const test = (title: string, body: (h: ChannelHarness) => Effect.Effect<void, unknown>) =>
    it(
      title,
      () =>
        Effect.runPromise(
          Effect.scoped(Effect.flatMap(makeHarness(), body)) as Effect.Effect<void, unknown>,
        ),
      options.timeout,
    )

  describe(`Notifier contract (${name})`, () => {
    test("NT-1 a channel has a name outbox messages can address", (h) =>
      Effect.sync(() => {
        expect(typeof h.channel.name).toBe("string")
        expect(h.channel.name.length).toBeGreaterThan(0)
      }))

    test("NT-2 a send succeeds and the receiver gets the key, recipient, subject and text", (h) =>
      Effect.gen(function* () {
        const n = notification("delivery", h.recipient)
        const delivery = yield* h.channel.send(n)
        expect(typeof delivery).toBe("object")
        const got = h.received().filter((r) => r.id === n.id)
        expect(got).toHaveLength(1)
        expect(got[0]?.recipient).toBe(h.recipient)
        expect(got[0]?.subject).toBe(n.subject)
        expect(normalise(got[0]?.text ?? "")).toBe(normalise(n.text))
      }))

    test("NT-3 Russian text arrives intact", (h) =>
      Effect.gen(function* () {
        const n = notification("russian", h.recipient, {
          subject: "Вопросы к ЕМД 4 декабря 2025 г.: срок — «11:00 (Омск, UTC+6)»",
          text: "Уважаемая Мария Петровна!\n\nНапоминаем: осталось 2 дня, 21 день, 11 дней; ёлка, щи, ъ.",
        })
        yield* h.channel.send(n)
        const got = h.received().find((r) => r.id === n.id)
        expect(got?.subject).toBe(n.subject)
        expect(normalise(got?.text ?? "")).toBe(normalise(n.text))
      }))

    test("NT-4 the same idempotency key sent twice is accepted twice and stays one key", (h) =>
      Effect.gen(function* () {
        const n = notification("repeat", h.recipient)
        yield* h.channel.send(n)
        yield* h.channel.send(n)
        const got = h.received().filter((r) => r.id === n.id)
        // The receiver may dedupe (one arrival) or see both (two arrivals, same key).
        expect(got.length).toBeGreaterThanOrEqual(1)
        expect(got.length).toBeLessThanOrEqual(2)
        for (const r of got) expect(r.subject).toBe(n.subject)
      }))

    test("NT-5 distinct notifications keep distinct keys, even when sent at once", (h) =>
      Effect.gen(function* () {
        const batch = Array.from({ length: 5 }, (_, i) =>
          notification(`concurrent-${i}`, h.recipient, { subject: `Contract check ${i}` }),
        )
        yield* Effect.forEach(batch, (n) => h.channel.send(n), { concurrency: "unbounded" })
        for (const n of batch) {
          const got = h.received().filter((r) => r.id === n.id)
          expect(got).toHaveLength(1)
          expect(got[0]?.subject).toBe(n.subject)
        }
      }))

    test("NT-6 a refused recipient fails with SendFailed that is not retryable", (h) =>
      Effect.gen(function* () {
        if (h.refusedRecipient === undefined) return
        const exit = yield* Effect.exit(h.channel.send(notification("refused", h.refusedRecipient)))
        const failure = failureOf(exit)
        expect(failure.retryable).toBe(false)
        expect(failure.channel).toBe(h.channel.name)
        expect(failure.reason.length).toBeGreaterThan(0)
      }))

    test("NT-7 an unreachable receiver fails with SendFailed that is retryable", (h) =>
      Effect.gen(function* () {
        if (h.unreachable === undefined) return
        const exit = yield* Effect.exit(
          h.unreachable.send(notification("unreachable", h.recipient)),
        )
        const failure = failureOf(exit)
        expect(failure.retryable).toBe(true)
        expect(failure.channel).toBe(h.unreachable.name)
      }))

    test("NT-8 a failure reason never carries the recipient's address", (h) =>
      Effect.gen(function* () {
        const tries: Array<[Notifier.Channel, string]> = []
        if (h.refusedRecipient !== undefined) tries.push([h.channel, h.refusedRecipient])
        if (h.unreachable !== undefined) tries.push([h.unreachable, h.recipient])
        for (const [channel, recipient] of tries) {
          const exit = yield* Effect.exit(channel.send(notification("privacy", recipient)))
          const failure = failureOf(exit)
          expect(failure.reason).not.toContain(recipient)
          expect(failure.message).not.toContain(recipient)
        }
      }))
  })
}
