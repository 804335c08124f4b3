/**
 * The e-mail channel: notifications sent over SMTP with nodemailer, behind the core's
 * `Notifier` port. Each message carries its idempotency key twice: in the
 * `X-Metodika-Idempotency-Key` header and in a `Message-ID` derived from it, so every
 * attempt of one outbox message is the same e-mail to the receiving side, which
 * recognises a redelivery. iCalendar invites travel as `.ics` attachments.
 *
 * Failures are sorted for the dispatcher: a server that cannot be reached, times out or
 * answers 4xx (or 503, a session in the wrong state) is worth trying again; a 5xx reply
 * refuses the message for good. Authentication, TLS and configuration failures are the
 * channel's fault, not the message's, so they are retryable too: once the operator fixes
 * the settings the message goes out instead of being lost.
 *
 * Recipients' addresses never reach a log: failure reasons are redacted.
 *
 * @module
 */
import { createHash } from "node:crypto"
import { Notifier } from "@metodika/core"
import { Config, Effect, Layer, Redacted, type Scope } from "effect"
import nodemailer from "nodemailer"
import * as Redact from "./Redact.ts"

/** How to reach the SMTP server. */
export interface SmtpOptions {
  readonly host: string
  readonly port: number
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure?: boolean
  /** Refuse to send unless the connection is upgraded with STARTTLS. */
  readonly requireTLS?: boolean
  /** Never upgrade with STARTTLS (a local relay or a test server). */
  readonly ignoreTLS?: boolean
  readonly auth?: { readonly user: string; readonly pass: string | Redacted.Redacted<string> }
  /** Options of the TLS socket (a private CA, a server name). */
  readonly tls?: { readonly rejectUnauthorized?: boolean; readonly servername?: string }
  /** Keep a pool of connections open between sends (for a busy dispatcher). */
  readonly pool?: boolean
  /** How long to wait for the connection (default 10 000 ms). */
  readonly connectionTimeoutMillis?: number
  /** How long to wait for the server's greeting (default 10 000 ms). */
  readonly greetingTimeoutMillis?: number
  /** How long the socket may stay idle (default 30 000 ms). */
  readonly socketTimeoutMillis?: number
}

/** Options of {@link make}. */
export interface EmailOptions {
  /** The channel name outbox messages use (`"email"` when absent). */
  readonly name?: string
  /** The sender: an address, or a name and an address. */
  readonly from: string | { readonly name: string; readonly address: string }
  readonly replyTo?: string
  readonly smtp: SmtpOptions
  /** The domain of the `Message-ID`s (the sender's domain when absent). */
  readonly messageIdDomain?: string
  /** The longest one send may take before it is abandoned as retryable (default 60 000 ms). */
  readonly sendTimeoutMillis?: number
}

/** The header that carries the idempotency key. */
export const idempotencyHeader = "X-Metodika-Idempotency-Key"

const fromAddress = (from: EmailOptions["from"]): string =>
  typeof from === "string" ? from : from.address

/**
 * The `Message-ID` of a notification: the same for every attempt, so receivers and
 * mail clients recognise a redelivery.
 */
export const messageIdFor = (id: string, domain: string): string =>
  `<${createHash("sha256").update(id).digest("hex").slice(0, 40)}@${domain}>`

interface SmtpError {
  readonly code?: unknown
  readonly responseCode?: unknown
  readonly message?: unknown
}

const transientCodes = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "EPROXY",
  "ETLS",
  "EREQUIRETLS",
  "EAUTH",
  "ENOAUTH",
  "EOAUTH2",
  "ECONFIG",
  "EMAXLIMIT",
  "EABORT",
  "ECONNREFUSED",
  "ECONNRESET",
])

/**
 * Sorts a nodemailer failure: `retryable` when trying again later may succeed.
 * The reason is redacted: no address survives in it.
 */
export const classify = (
  error: unknown,
  recipient?: string,
): { readonly retryable: boolean; readonly reason: string } => {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpError
  const code = typeof e.code === "string" ? e.code : undefined
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined
  const message =
    typeof e.message === "string"
      ? e.message
      : error instanceof Error
        ? error.message
        : String(error)
  const reason = Redact.reason(
    [code, responseCode === undefined ? undefined : String(responseCode), message]
      .filter((p) => p !== undefined)
      .join(" "),
    recipient,
  )
  if (code !== undefined && ["EAUTH", "ENOAUTH", "EOAUTH2", "ETLS", "EREQUIRETLS"].includes(code)) {
    return { retryable: true, reason }
  }
  if (responseCode !== undefined) {
    const permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503
    return { retryable: !permanent, reason }
  }
  if (code === "EENVELOPE" || code === "EMESSAGE") return { retryable: false, reason }
  return { retryable: code === undefined || transientCodes.has(code), reason }
}

/** The e-mail channel made by {@link make}; `close` ends its SMTP connections. */
export interface EmailChannel extends Notifier.Channel {
  readonly close: () => void
}

/**
 * Makes an e-mail channel; the SMTP connections close with the scope.
 *
 * @example
 * const email = yield* EmailChannel.make({
 *   from: { name: "Методический центр", address: "mmc@edu.example.ru" },
 *   smtp: { host: "smtp.example.ru", port: 587, auth: { user, pass: Redacted.make(pass) } },
 * })
 */
export const make = (options: EmailOptions): Effect.Effect<EmailChannel, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => unsafeMake(options)),
    (channel) => Effect.sync(() => channel.close()),
  )

/** Makes an e-mail channel whose connections the caller closes with `close()`. */
export const unsafeMake = (options: EmailOptions): EmailChannel => {
  const name = options.name ?? "email"
  const smtp = options.smtp
  const base = {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? false,
    ...(smtp.requireTLS === undefined ? {} : { requireTLS: smtp.requireTLS }),
    ...(smtp.ignoreTLS === undefined ? {} : { ignoreTLS: smtp.ignoreTLS }),
    ...(smtp.tls === undefined ? {} : { tls: { ...smtp.tls } }),
    ...(smtp.auth === undefined
      ? {}
      : {
          auth: {
            user: smtp.auth.user,
            pass: Redacted.isRedacted(smtp.auth.pass)
              ? Redacted.value(smtp.auth.pass)
              : smtp.auth.pass,
          },
        }),
    connectionTimeout: smtp.connectionTimeoutMillis ?? 10_000,
    greetingTimeout: smtp.greetingTimeoutMillis ?? 10_000,
    socketTimeout: smtp.socketTimeoutMillis ?? 30_000,
    logger: false,
  }
  const transport =
    smtp.pool === true
      ? nodemailer.createTransport({ ...base, pool: true })
      : nodemailer.createTransport(base)
  const sender = fromAddress(options.from)
  const domain = options.messageIdDomain ?? sender.slice(sender.lastIndexOf("@") + 1)
  const timeout = options.sendTimeoutMillis ?? 60_000

  const send = (n: Notifier.Notification): Effect.Effect<Notifier.Delivery, Notifier.SendFailed> =>
    Effect.tryPromise({
      try: (signal) =>
        transport.sendMail({
          from: options.from,
          to: n.recipient,
          ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
          subject: n.subject,
          text: n.text,
          ...(n.html === undefined ? {} : { html: n.html }),
          messageId: messageIdFor(n.id, domain),
          headers: { [idempotencyHeader]: n.id },
          attachments: (n.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: typeof a.content === "string" ? a.content : Buffer.from(a.content),
          })),
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]),
        }),
      catch: (error) => {
        const { retryable, reason } = classify(error, n.recipient)
        return new Notifier.SendFailed({ channel: name, retryable, reason, cause: error })
      },
    }).pipe(
      Effect.flatMap((info) =>
        info.rejected.length > 0
          ? Effect.fail(
              new Notifier.SendFailed({
                channel: name,
                retryable: false,
                reason: Redact.reason(
                  `the server refused the recipient: ${info.response}`,
                  n.recipient,
                ),
              }),
            )
          : Effect.succeed<Notifier.Delivery>({ providerId: info.messageId }),
      ),
    )

  return { name, send, close: () => transport.close() }
}

/**
 * A layer providing a `Notifier` with this one e-mail channel; combine several
 * channels with `Channels.layer`.
 */
export const layer = (options: EmailOptions): Layer.Layer<Notifier.Notifier> =>
  Layer.effect(
    Notifier.Notifier,
    Effect.map(make(options), (channel) => Notifier.fromChannels([channel])),
  )

/**
 * A layer like {@link layer} whose options come from configuration (environment
 * variables by default), each option a `Config` or the whole a `Config`.
 *
 * @example
 * EmailChannel.layerConfig({
 *   from: Config.String("MAIL_FROM"),
 *   smtp: { host: Config.String("SMTP_HOST"), port: Config.Port("SMTP_PORT") },
 * })
 */
export const layerConfig = (
  config: Config.Wrap<EmailOptions>,
): Layer.Layer<Notifier.Notifier, Config.ConfigError> =>
  Layer.unwrap(Effect.map(Config.unwrap(config), layer))
