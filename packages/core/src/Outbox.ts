/**
 * The `Outbox` port: messages waiting to be sent through a notification channel.
 * Messages are enqueued with the events that cause them (see `EventStore.append`) or
 * on their own (scheduled reminders); a dispatcher claims due messages under a lease,
 * sends them, and marks each delivered, failed for a later retry, or dead.
 *
 * The message id is the idempotency key: enqueuing the same id twice records it once,
 * and every attempt to send it carries the same key so a receiver can recognise a
 * redelivery.
 *
 * @module
 */
import { Context, Data, type DateTime, type Effect } from "effect"
import type { StoreError } from "./EventStore.ts"
import type { MessageId } from "./Ids.ts"

/** A message to enqueue. */
export interface NewOutboxMessage {
  /** The idempotency key. */
  readonly id: MessageId
  /** The channel that sends it (`"email"`, `"webhook"`, …). */
  readonly channel: string
  /** The recipient's address on that channel. Personal data: never logged. */
  readonly recipient: string
  /** What to send, as JSON-safe data the channel understands. */
  readonly payload: unknown
  /** Not to be sent before this instant (a reminder's time); now when absent. */
  readonly notBefore?: DateTime.Utc
}

/** The life of a message: pending → claimed → delivered, or back to pending, or dead. */
export type OutboxStatus = "pending" | "claimed" | "delivered" | "dead"

/** A message as the outbox holds it. */
export interface OutboxMessage extends NewOutboxMessage {
  readonly status: OutboxStatus
  /** How many times it was claimed for sending. */
  readonly attempts: number
  /** When it may next be claimed. */
  readonly nextAttemptAt: DateTime.Utc
  readonly lastError?: string
  /** The dispatcher holding it, while claimed. */
  readonly claimedBy?: string
  /** Until when the claim holds; after that another dispatcher may claim it. */
  readonly leaseUntil?: DateTime.Utc
  readonly createdAt: DateTime.Utc
}

/** Options of {@link Outbox.claim}. */
export interface ClaimOptions {
  /** Who claims: a dispatcher instance id. */
  readonly workerId: string
  /** At most this many messages. */
  readonly limit: number
  /** How long the claim holds. */
  readonly leaseMillis: number
  /** Only these channels (all when absent). */
  readonly channels?: ReadonlyArray<string>
}

/** How a failed attempt ends: retried at an instant, or dead. */
export type FailureOutcome =
  | { readonly _tag: "RetryAt"; readonly at: DateTime.Utc }
  | { readonly _tag: "Dead" }

/** The message is no longer held by this worker (its lease ran out and another took it). */
export class LeaseLost extends Data.TaggedError("LeaseLost")<{
  readonly messageId: MessageId
  readonly workerId: string
}> {
  override get message(): string {
    return `worker ${this.workerId} no longer holds message ${this.messageId}`
  }
}

/** The outbox port. Time comes from the Effect `Clock`, so simulations control it. */
export class Outbox extends Context.Service<
  Outbox,
  {
    /** Enqueues messages; an id already present is left as it is. */
    readonly enqueue: (messages: ReadonlyArray<NewOutboxMessage>) => Effect.Effect<void, StoreError>
    /**
     * Claims due messages for a worker: pending ones whose time has come, and claimed
     * ones whose lease ran out. Each claim counts as an attempt.
     */
    readonly claim: (
      options: ClaimOptions,
    ) => Effect.Effect<ReadonlyArray<OutboxMessage>, StoreError>
    /** Marks a claimed message delivered. */
    readonly markDelivered: (
      id: MessageId,
      workerId: string,
    ) => Effect.Effect<void, LeaseLost | StoreError>
    /** Records a failed attempt: retry at an instant, or dead. */
    readonly markFailed: (
      id: MessageId,
      workerId: string,
      error: string,
      outcome: FailureOutcome,
    ) => Effect.Effect<void, LeaseLost | StoreError>
    /** Releases a claim without counting it as failed (on shutdown). */
    readonly release: (id: MessageId, workerId: string) => Effect.Effect<void, StoreError>
    /** One message by id, for inspection. */
    readonly get: (id: MessageId) => Effect.Effect<OutboxMessage | undefined, StoreError>
    /** Messages in a status, oldest first. */
    readonly list: (
      status: OutboxStatus,
      limit?: number,
    ) => Effect.Effect<ReadonlyArray<OutboxMessage>, StoreError>
  }
>()("@metodika/core/Outbox") {}
