/**
 * The `Notifier` port: one notification channel (e-mail, webhook, a messenger bot).
 * The dispatcher of `@metodika/notify` routes each outbox message to the channel it
 * names. An integrator's own channel implements {@link Channel} and is checked by the
 * Notifier contract suite of `@metodika/testing`.
 *
 * @module
 */
import { Context, Data, type Effect } from "effect"
import type { MessageId } from "./Ids.ts"

/** A file sent with a notification (an iCalendar invite, a report). */
export interface Attachment {
  readonly filename: string
  readonly contentType: string
  readonly content: string | Uint8Array
}

/** A message ready to be sent through a channel. */
export interface Notification {
  /** The idempotency key, the same on every attempt. */
  readonly id: MessageId
  /** The recipient's address on the channel. Personal data: never logged. */
  readonly recipient: string
  readonly subject: string
  /** The plain-text body. */
  readonly text: string
  /** The HTML body, where the channel supports one. */
  readonly html?: string
  readonly attachments?: ReadonlyArray<Attachment>
  /** Structured data for machine receivers (webhooks). */
  readonly data?: unknown
}

/** What a channel reports after a successful send. */
export interface Delivery {
  /** The channel's own id of the sent message, when it gives one. */
  readonly providerId?: string
}

/**
 * A send that failed. `retryable` says whether trying again later may succeed
 * (a server down, a 5xx answer) or never will (a 4xx answer, a refused address).
 */
export class SendFailed extends Data.TaggedError("SendFailed")<{
  readonly channel: string
  readonly retryable: boolean
  readonly reason: string
  readonly cause?: unknown
}> {
  override get message(): string {
    return `${this.channel}: ${this.reason}${this.retryable ? " (will retry)" : ""}`
  }
}

/** One notification channel. */
export interface Channel {
  /** The channel name outbox messages use to address it. */
  readonly name: string
  /** Sends one notification. */
  readonly send: (notification: Notification) => Effect.Effect<Delivery, SendFailed>
}

/** The channels available to the dispatcher, by name. */
export class Notifier extends Context.Service<
  Notifier,
  { readonly channels: ReadonlyMap<string, Channel> }
>()("@metodika/core/Notifier") {}

/** Builds the {@link Notifier} service value from a list of channels. */
export const fromChannels = (channels: ReadonlyArray<Channel>): Notifier["Service"] => ({
  channels: new Map(channels.map((c) => [c.name, c])),
})
