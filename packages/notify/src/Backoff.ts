/**
 * Capped exponential backoff as an Effect `Schedule`, and the delay it gives after the
 * n-th failed attempt. The dispatcher keeps no schedule state between attempts (the
 * outbox counts them, and another dispatcher instance may make the next one), so it
 * asks a fresh schedule for its n-th delay: that is the same delay `Effect.retry`
 * would wait before attempt n + 1.
 *
 * @module
 */
import { Duration, Effect, Option, Pull, Schedule } from "effect"

/** Settings of a capped exponential backoff. */
export interface BackoffOptions {
  /** The delay after the first failure. */
  readonly base: Duration.Input
  /** The longest delay; later delays stay at it. */
  readonly cap: Duration.Input
  /** How much each delay grows over the previous one (2 when absent). */
  readonly factor?: number
}

/**
 * The schedule: `base`, `base·factor`, `base·factor²`, … but never more than `cap`.
 *
 * @example
 * schedule({ base: "1 minute", cap: "1 hour" }) // 1, 2, 4, 8, 16, 32, 60, 60, … minutes
 */
export const schedule = (options: BackoffOptions): Schedule.Schedule<Duration.Duration> =>
  Schedule.min([
    Schedule.exponential(options.base, options.factor ?? 2),
    Schedule.spaced(options.cap),
  ])

/**
 * The delay a schedule gives after the `attempt`-th failure (1 = the first), or none
 * when the schedule has stopped by then.
 */
export const delayAfter = <Output>(
  retrySchedule: Schedule.Schedule<Output, unknown>,
  attempt: number,
): Effect.Effect<Option.Option<Duration.Duration>> =>
  Effect.gen(function* () {
    const step = yield* Schedule.toStep(retrySchedule)
    let delay: Duration.Duration = Duration.zero
    for (let i = 1; i <= Math.max(1, attempt); i++) {
      const next = yield* step(0, undefined).pipe(
        Effect.map(([, d]) => Option.some(d)),
        Pull.catchDone(() => Effect.succeed(Option.none<Duration.Duration>())),
      )
      if (Option.isNone(next)) return Option.none()
      delay = next.value
    }
    return Option.some(delay)
  })
