/**
 * The payload of an outbox message that `@metodika/notify` sends: the rendered
 * notification (subject, bodies, attachments, machine data) as JSON-safe data, written
 * by the policy when the decision is recorded and read back by the dispatcher.
 *
 * Rendering at decision time keeps the outbox an exact record of what each person was
 * told, and keeps the dispatcher free of domain knowledge. A payload may also name
 * events whose recording makes it pointless (`skipIf`): a reminder to send questions is
 * not sent once the questions are in.
 *
 * @module
 */
import type { EventStore, Ids, Notifier, Outbox } from "@metodika/core"
import { Result, Schema } from "effect"

/** An attachment as stored: text (`utf8`, the default) or bytes (`base64`). */
export const StoredAttachment = Schema.Struct({
  filename: Schema.String,
  contentType: Schema.String,
  content: Schema.String,
  encoding: Schema.optionalKey(Schema.Literals(["utf8", "base64"])),
})
/** @see StoredAttachment */
export type StoredAttachment = typeof StoredAttachment.Type

/**
 * Events that make a message pointless once recorded: when the stream holds an event
 * of one of these types (after the event `after`, when given, and with the top-level
 * fields of its data equal to `match`, when given), the dispatcher settles the message
 * without sending it.
 */
export const SkipIf = Schema.Struct({
  streamId: Schema.String,
  eventTypes: Schema.Array(Schema.String),
  /** Only events recorded after this event id count (the event that scheduled the message). */
  after: Schema.optionalKey(Schema.String),
  /** Only events whose data has these field values count (`{ schoolId: "school-7" }`). */
  match: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
})
/** @see SkipIf */
export type SkipIf = typeof SkipIf.Type

/** What an outbox message of `@metodika/notify` carries. */
export const Payload = Schema.Struct({
  /** What kind of message this is (`emd.questions-reminder`): for logs and receivers, never personal. */
  kind: Schema.optionalKey(Schema.String),
  subject: Schema.String,
  text: Schema.String,
  html: Schema.optionalKey(Schema.String),
  attachments: Schema.optionalKey(Schema.Array(StoredAttachment)),
  /** Structured data for machine receivers (webhooks). */
  data: Schema.optionalKey(Schema.Unknown),
  /** Conditions any one of which makes the message pointless. */
  skipIf: Schema.optionalKey(Schema.Array(SkipIf)),
})
/** @see Payload */
export type Payload = typeof Payload.Type

/** The payload of an outbox message could not be read as a {@link Payload}. */
export class InvalidPayload extends Schema.TaggedError<InvalidPayload>()("InvalidPayload", {
  messageId: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `message ${this.messageId} has no valid payload: ${this.reason}`
  }
}

const decodePayload = Schema.decodeUnknownResult(Payload)

/** Reads the payload of an outbox message. */
export const decode = (message: {
  readonly id: Ids.MessageId
  readonly payload: unknown
}): Result.Result<Payload, InvalidPayload> => {
  const r = decodePayload(message.payload, { errors: "all" })
  return Result.isSuccess(r)
    ? Result.succeed(r.success)
    : Result.fail(new InvalidPayload({ messageId: message.id, reason: r.failure.message }))
}

/** The notification an outbox message asks to send: its payload with its id and recipient. */
export const toNotification = (
  message: Pick<Outbox.OutboxMessage, "id" | "recipient">,
  payload: Payload,
): Notifier.Notification => ({
  id: message.id,
  recipient: message.recipient,
  subject: payload.subject,
  text: payload.text,
  ...(payload.html === undefined ? {} : { html: payload.html }),
  ...(payload.attachments === undefined
    ? {}
    : {
        attachments: payload.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.encoding === "base64" ? Buffer.from(a.content, "base64") : a.content,
        })),
      }),
  ...(payload.data === undefined ? {} : { data: payload.data }),
})

/** Stores an attachment: text as it is, bytes as base64. */
export const storeAttachment = (a: Notifier.Attachment): StoredAttachment =>
  typeof a.content === "string"
    ? { filename: a.filename, contentType: a.contentType, content: a.content }
    : {
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content).toString("base64"),
        encoding: "base64",
      }

/** Whether the events of the condition's stream (in order) satisfy the condition. */
export const isSkipped = (
  skipIf: SkipIf,
  events: ReadonlyArray<Pick<EventStore.StoredEvent, "id" | "type" | "data">>,
): boolean => {
  const start = skipIf.after === undefined ? 0 : events.findIndex((e) => e.id === skipIf.after) + 1
  return events.slice(start).some((e) => {
    if (!skipIf.eventTypes.includes(e.type)) return false
    if (skipIf.match === undefined) return true
    const data = (typeof e.data === "object" && e.data !== null ? e.data : {}) as Record<
      string,
      unknown
    >
    return Object.entries(skipIf.match).every(([k, v]) => data[k] === v)
  })
}
