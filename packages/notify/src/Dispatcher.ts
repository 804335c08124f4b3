/**
 * The dispatcher: claims due outbox messages, sends each through the channel it names,
 * and settles it: delivered; failed, to be tried again after a capped exponential
 * backoff; or dead, after a permanent refusal or the last allowed attempt.
 *
 * - Every attempt of a message carries its id as the idempotency key, so a receiver
 *   recognises a redelivery (after a crash, a lost lease, or an interruption between
 *   a send and its settlement, the message is sent again: delivery is at least once).
 * - The delay before attempt n + 1 is the n-th delay of an Effect `Schedule`
 *   (`Backoff.schedule`: `base·factor^(n−1)`, capped). The outbox counts attempts, so
 *   the delay comes from the count, not from a schedule kept in memory: any dispatcher
 *   instance computes the same next instant.
 * - On interruption, the messages of the batch that were claimed but not settled are
 *   released at once, so none waits for its lease to run out (and none stays claimed).
 * - A message may name events that make it pointless (`skipIf`, a reminder whose task
 *   is done); when an `EventStore` is provided and holds one, the message is settled
 *   as delivered without being sent. A pass reads each named stream once.
 * - Logs carry message ids, channels, kinds and attempts; never recipients, and
 *   failure reasons are redacted.
 *
 * @module
 */
import { EventStore, type Ids, Notifier, Outbox, UnitOfWork } from "@metodika/core"
import { Cause, DateTime, type Duration, Effect, Exit, Option, Result, type Schedule } from "effect"
import * as Backoff from "./Backoff.ts"
import * as Payload from "./Payload.ts"
import * as Redact from "./Redact.ts"

/** Options of the dispatcher. */
export interface DispatcherOptions {
  /** This dispatcher instance; claims are made in its name. */
  readonly workerId: string
  /** At most this many messages per claim (20 when absent). */
  readonly batchSize?: number
  /** How long a claim holds (5 minutes when absent); longer than any send may take. */
  readonly leaseMillis?: number
  /** After this many attempts a message that still fails is dead (10 when absent). */
  readonly maxAttempts?: number
  /** The backoff between attempts (1 minute doubling up to 1 hour when absent). */
  readonly backoff?: Backoff.BackoffOptions
  /**
   * A schedule used instead of `backoff`: the delay after the n-th failed attempt is its
   * n-th delay, and a message is dead when the schedule stops.
   */
  readonly retrySchedule?: Schedule.Schedule<unknown, unknown>
  /** How many messages of a batch are sent at once (4 when absent). */
  readonly concurrency?: number
  /** How long `run` waits when there is nothing to send (5 seconds when absent). */
  readonly pollInterval?: Duration.Input
  /** Only these channels (every channel of the `Notifier` when absent). */
  readonly channels?: ReadonlyArray<string>
  /**
   * Settle a batch's messages together, in one `UnitOfWork` of the store, after all of
   * them were sent (each message is settled right after its own send when absent or
   * `false`). One commit per batch instead of one per message; the price is that a
   * crash between the sends and the commit sends the whole batch again, not only the
   * messages in flight (delivery is at least once either way).
   */
  readonly settleTogether?: boolean
}

/** What one pass did, by outcome. */
export interface BatchReport {
  readonly claimed: number
  readonly delivered: number
  /** Failed and scheduled for another attempt. */
  readonly retrying: number
  readonly dead: number
  /** Settled without sending: an event named by `skipIf` was recorded. */
  readonly skipped: number
  /** Another dispatcher took the message after this one's lease ran out. */
  readonly leaseLost: number
  /** Claimed but not settled (the outbox failed); released for another attempt. */
  readonly released: number
}

const emptyReport: BatchReport = {
  claimed: 0,
  delivered: 0,
  retrying: 0,
  dead: 0,
  skipped: 0,
  leaseLost: 0,
  released: 0,
}

/** Adds two reports. */
export const addReports = (a: BatchReport, b: BatchReport): BatchReport => ({
  claimed: a.claimed + b.claimed,
  delivered: a.delivered + b.delivered,
  retrying: a.retrying + b.retrying,
  dead: a.dead + b.dead,
  skipped: a.skipped + b.skipped,
  leaseLost: a.leaseLost + b.leaseLost,
  released: a.released + b.released,
})

/** The default backoff: 1 minute, doubling, at most 1 hour. */
export const defaultBackoff: Backoff.BackoffOptions = { base: "1 minute", cap: "1 hour" }

type Outcome = "delivered" | "retrying" | "dead" | "skipped" | "leaseLost" | "unsettled"

/** The schedule the options ask for. */
export const retryScheduleOf = (options: DispatcherOptions): Schedule.Schedule<unknown, unknown> =>
  options.retrySchedule ?? Backoff.schedule(options.backoff ?? defaultBackoff)

/**
 * How a failed attempt ends: `Dead` when the failure is permanent, the message has had
 * `maxAttempts` attempts, or the schedule has stopped; otherwise `RetryAt` now plus the
 * schedule's delay after this many attempts.
 */
export const failureOutcome = (
  options: DispatcherOptions,
  attempts: number,
  retryable: boolean,
  now: DateTime.Utc,
): Effect.Effect<Outbox.FailureOutcome> =>
  Effect.gen(function* () {
    if (!retryable || attempts >= (options.maxAttempts ?? 10)) return { _tag: "Dead" } as const
    const delay = yield* Backoff.delayAfter(retryScheduleOf(options), attempts)
    if (Option.isNone(delay)) return { _tag: "Dead" } as const
    return {
      _tag: "RetryAt",
      at: DateTime.addDuration(now, delay.value),
    } as const
  })

/** The streams one pass has read for `skipIf`, by id: many reminders of a batch name the same. */
type StreamsRead = Map<string, ReadonlyArray<EventStore.StoredEvent>>

const shouldSkip = (conditions: ReadonlyArray<Payload.SkipIf> | undefined, read: StreamsRead) =>
  Effect.gen(function* () {
    if (conditions === undefined || conditions.length === 0) return false
    const store = yield* Effect.serviceOption(EventStore.EventStore)
    if (Option.isNone(store)) return false
    for (const condition of conditions) {
      let events = read.get(condition.streamId)
      if (events === undefined) {
        // The payload is trusted JSON the policy wrote; the id is checked by the store's read.
        events = yield* store.value.readStream(condition.streamId as Ids.StreamId)
        read.set(condition.streamId, events)
      }
      if (Payload.isSkipped(condition, events)) return true
    }
    return false
  })

const sendFailedOf = (cause: Cause.Cause<Notifier.SendFailed>, channel: string) => {
  const failure = Cause.findErrorOption(cause)
  if (Option.isSome(failure)) return failure.value
  return new Notifier.SendFailed({
    channel,
    retryable: true,
    reason: `the channel failed unexpectedly: ${Cause.pretty(cause).split("\n")[0] ?? ""}`,
  })
}

/** A message decided: the settlement still to run (in the store's context), giving the outcome. */
type Settlement = Effect.Effect<Outcome, never, Outbox.Outbox>

const processOne = (
  options: DispatcherOptions,
  channels: ReadonlyMap<string, Notifier.Channel>,
  read: StreamsRead,
  message: Outbox.OutboxMessage,
): Effect.Effect<Settlement, never, Outbox.Outbox> => {
  const worker = options.workerId
  // The outbox is looked up when the settlement runs: inside a unit of work it is the unit's.
  const settle = (
    effect: (
      outbox: Outbox.Outbox["Service"],
    ) => Effect.Effect<void, Outbox.LeaseLost | EventStore.StoreError>,
    outcome: Outcome,
  ): Settlement =>
    Effect.flatMap(Outbox.Outbox, effect).pipe(
      Effect.as(outcome),
      Effect.catchTag("LeaseLost", () =>
        Effect.logWarning("lease lost: another dispatcher holds the message").pipe(
          Effect.as<Outcome>("leaseLost"),
        ),
      ),
      Effect.catch((e) =>
        Effect.logError(`outbox failed to settle the message: ${e._tag}`).pipe(
          Effect.as<Outcome>("unsettled"),
        ),
      ),
      Effect.annotateLogs(annotations),
    )
  const fail = (reason: string, retryable: boolean) =>
    Effect.gen(function* () {
      const clean = Redact.reason(reason, message.recipient)
      const now = yield* DateTime.now
      const outcome = yield* failureOutcome(options, message.attempts, retryable, now)
      if (outcome._tag === "Dead") {
        yield* Effect.logWarning(`dead after ${message.attempts} attempt(s): ${clean}`)
        return settle((o) => o.markFailed(message.id, worker, clean, outcome), "dead")
      }
      yield* Effect.logInfo(`failed, retry at ${DateTime.formatIso(outcome.at)}: ${clean}`)
      return settle((o) => o.markFailed(message.id, worker, clean, outcome), "retrying")
    })

  const annotations = {
    messageId: message.id,
    channel: message.channel,
    attempt: message.attempts,
    ...(typeof message.payload === "object" &&
    message.payload !== null &&
    "kind" in message.payload &&
    typeof message.payload.kind === "string"
      ? { kind: message.payload.kind }
      : {}),
  }

  const body = Effect.uninterruptibleMask((restore) =>
    Effect.gen(function* () {
      const decoded = Payload.decode(message)
      if (Result.isFailure(decoded)) return yield* fail(decoded.failure.message, false)
      const payload = decoded.success
      const skip = yield* restore(shouldSkip(payload.skipIf, read)).pipe(
        Effect.catch((e) =>
          Effect.logWarning(`could not check skipIf (${e._tag}); sending anyway`).pipe(
            Effect.as(false),
          ),
        ),
      )
      if (skip) {
        yield* Effect.logInfo("skipped: the events it waited for are recorded")
        return settle((o) => o.markDelivered(message.id, worker), "skipped")
      }
      const channel = channels.get(message.channel)
      if (channel === undefined) return yield* fail(`no channel named ${message.channel}`, true)
      const exit = yield* restore(
        channel.send(Payload.toNotification(message, payload)).pipe(
          Effect.withSpan(
            "metodika.notify.send",
            {
              attributes: { messageId: message.id, channel: message.channel },
            },
            { captureStackTrace: false },
          ),
        ),
      ).pipe(Effect.exit)
      if (Exit.isSuccess(exit)) {
        yield* Effect.logInfo("delivered")
        return settle((o) => o.markDelivered(message.id, worker), "delivered")
      }
      if (Cause.hasInterruptsOnly(exit.cause)) return yield* Effect.interrupt
      const failure = sendFailedOf(exit.cause, message.channel)
      return yield* fail(failure.reason, failure.retryable)
    }),
  )

  return body.pipe(Effect.annotateLogs(annotations))
}

/**
 * One pass: claims up to `batchSize` due messages and settles each. Fails only when
 * the claim itself fails; a message whose settlement fails is released.
 */
export const runOnce = (
  options: DispatcherOptions,
): Effect.Effect<BatchReport, EventStore.StoreError, Outbox.Outbox | Notifier.Notifier> =>
  Effect.gen(function* () {
    const outbox = yield* Outbox.Outbox
    const notifier = yield* Notifier.Notifier
    const channelNames = (options.channels ?? [...notifier.channels.keys()]).filter((c) =>
      notifier.channels.has(c),
    )
    if (channelNames.length === 0) return emptyReport
    const unsettled = new Set<Ids.MessageId>()
    const read: StreamsRead = new Map()
    return yield* Effect.acquireUseRelease(
      outbox
        .claim({
          workerId: options.workerId,
          limit: options.batchSize ?? 20,
          leaseMillis: options.leaseMillis ?? 300_000,
          channels: channelNames,
        })
        .pipe(
          Effect.tap((claimed) =>
            Effect.sync(() => {
              for (const m of claimed) unsettled.add(m.id)
            }),
          ),
        ),
      (claimed) => {
        const settled = (m: Outbox.OutboxMessage) => (settlement: Settlement) =>
          Effect.tap(settlement, (outcome) =>
            Effect.sync(() => {
              if (outcome !== "unsettled") unsettled.delete(m.id)
            }),
          )
        const concurrency = options.concurrency ?? 4
        const outcomes: Effect.Effect<
          ReadonlyArray<Outcome>,
          never,
          Outbox.Outbox
        > = options.settleTogether === true
          ? Effect.forEach(
              claimed,
              (m) => Effect.map(processOne(options, notifier.channels, read, m), settled(m)),
              { concurrency },
            ).pipe(
              Effect.flatMap((settlements) =>
                UnitOfWork.run(Effect.all(settlements)).pipe(
                  Effect.catch((e) =>
                    Effect.logError(`outbox failed to settle the batch: ${e._tag}`).pipe(
                      Effect.map((): ReadonlyArray<Outcome> => {
                        // Nothing of the unit was committed: every message is released.
                        for (const m of claimed) unsettled.add(m.id)
                        return claimed.map((): Outcome => "unsettled")
                      }),
                    ),
                  ),
                ),
              ),
            )
          : Effect.forEach(
              claimed,
              (m) => Effect.flatMap(processOne(options, notifier.channels, read, m), settled(m)),
              { concurrency },
            )
        return outcomes.pipe(
          Effect.map((outcomes) => {
            const count = (o: Outcome) => outcomes.filter((x) => x === o).length
            return {
              claimed: claimed.length,
              delivered: count("delivered"),
              retrying: count("retrying"),
              dead: count("dead"),
              skipped: count("skipped"),
              leaseLost: count("leaseLost"),
              released: count("unsettled"),
            }
          }),
        )
      },
      (_, exit) =>
        Effect.forEach(
          [...unsettled],
          (id) =>
            outbox
              .release(id, options.workerId)
              .pipe(
                Effect.catch((e) =>
                  Effect.logError(`could not release a claimed message: ${e._tag}`).pipe(
                    Effect.annotateLogs({ messageId: id }),
                  ),
                ),
              ),
          { discard: true },
        ).pipe(
          Effect.tap(() =>
            unsettled.size > 0 && Exit.isFailure(exit)
              ? Effect.logInfo(`released ${unsettled.size} claimed message(s) on stop`)
              : Effect.void,
          ),
        ),
    )
  }).pipe(Effect.annotateLogs({ workerId: options.workerId }))

/**
 * Passes until a claim finds nothing due; for tests, simulations and batch jobs.
 * Messages scheduled for later stay pending.
 */
export const drain = (
  options: DispatcherOptions,
): Effect.Effect<BatchReport, EventStore.StoreError, Outbox.Outbox | Notifier.Notifier> =>
  Effect.gen(function* () {
    let total = emptyReport
    for (;;) {
      const report = yield* runOnce(options)
      total = addReports(total, report)
      if (report.claimed === 0) return total
    }
  })

/**
 * Runs for ever: a pass, then another at once when the batch was full, or after
 * `pollInterval` when it was not. An outbox failure is logged and the loop goes on.
 * Interrupt the fiber to stop; claimed messages are released.
 *
 * @example
 * const fiber = yield* Effect.forkScoped(Dispatcher.run({ workerId: "dispatcher-1" }))
 */
export const run = (
  options: DispatcherOptions,
): Effect.Effect<never, never, Outbox.Outbox | Notifier.Notifier> => {
  const batchSize = options.batchSize ?? 20
  const pause = options.pollInterval ?? "5 seconds"
  const pass = runOnce(options).pipe(
    Effect.catch((e) =>
      Effect.logError(`dispatcher pass failed: ${e._tag}`).pipe(Effect.as(emptyReport)),
    ),
    Effect.flatMap((report) => (report.claimed < batchSize ? Effect.sleep(pause) : Effect.void)),
  )
  return Effect.forever(pass)
}
