/**
 * A channel that keeps what it is sent in memory, for tests, examples and simulations.
 * It can be told to fail (the next sends, or sends matching a rule) with a retryable
 * or a permanent {@link Notifier.SendFailed}, so dispatcher behaviour can be checked
 * without a server. Like a careful receiver it records every attempt, and reports the
 * distinct notifications by idempotency key.
 *
 * @module
 */
import { Notifier } from "@metodika/core"
import { Effect } from "effect"

/** How a send should fail. */
export interface Failure {
  readonly retryable: boolean
  readonly reason: string
}

/** Options of {@link make}. */
export interface MemoryChannelOptions {
  /** The channel name (`"memory"` when absent). */
  readonly name?: string
  /** Fails every send it returns a failure for (a refused address, say). */
  readonly reject?: (notification: Notifier.Notification) => Failure | undefined
}

/** The in-memory channel and its record of what it was sent. */
export interface MemoryChannel extends Notifier.Channel {
  /** Every accepted send, duplicates included, in order. */
  readonly attempts: () => ReadonlyArray<Notifier.Notification>
  /** The accepted notifications, one per idempotency key (the first of each), in order. */
  readonly delivered: () => ReadonlyArray<Notifier.Notification>
  /** Makes the next `count` sends fail. */
  readonly failNext: (count: number, failure: Failure) => void
  /** Forgets everything sent and every pending failure. */
  readonly clear: () => void
}

/**
 * Makes an in-memory channel.
 *
 * @example
 * const memory = MemoryChannel.make()
 * const notifier = Notifier.fromChannels([memory])
 */
export const make = (options: MemoryChannelOptions = {}): MemoryChannel => {
  const name = options.name ?? "memory"
  const attempts: Array<Notifier.Notification> = []
  const pending: Array<Failure> = []
  return {
    name,
    send: (notification) =>
      Effect.suspend(() => {
        const failure = pending.shift() ?? options.reject?.(notification)
        if (failure !== undefined) {
          return Effect.fail(
            new Notifier.SendFailed({
              channel: name,
              retryable: failure.retryable,
              reason: failure.reason,
            }),
          )
        }
        attempts.push(notification)
        return Effect.succeed({ providerId: `${name}-${attempts.length}` })
      }),
    attempts: () => [...attempts],
    delivered: () => {
      const byKey = new Map<string, Notifier.Notification>()
      for (const n of attempts) if (!byKey.has(n.id)) byKey.set(n.id, n)
      return [...byKey.values()]
    },
    failNext: (count, failure) => {
      for (let i = 0; i < count; i++) pending.push(failure)
    },
    clear: () => {
      attempts.length = 0
      pending.length = 0
    },
  }
}
