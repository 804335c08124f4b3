/**
 * The webhook channel: each notification is an HTTP `POST` of a JSON body to the
 * integrator's endpoint (which may pass it on to a messenger bot, an SMS gateway, a
 * school portal), behind the core's `Notifier` port.
 *
 * Every request carries:
 * - `Idempotency-Key`: the outbox message id, the same on every attempt, so the
 *   receiver recognises a redelivery;
 * - `X-Metodika-Timestamp`: seconds since the epoch when the request was signed;
 * - `X-Metodika-Signature`: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` under the
 *   shared secret; receivers check it with {@link verifySignature}.
 *
 * A 2xx answer is a delivery. A 5xx answer, 408, 425, 429, a redirect, a timeout or a
 * network error is retryable; the channel retries them itself a few times with capped
 * exponential backoff (the same key, a fresh signature) before it reports the failure
 * to the dispatcher, which retries later still. Any other 4xx answer refuses the
 * notification for good and is not retried.
 *
 * @module
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import { Notifier } from "@metodika/core"
import { Clock, Config, type Duration, Effect, Layer, Redacted } from "effect"
import * as Backoff from "./Backoff.ts"
import * as Redact from "./Redact.ts"

/** The names of the headers the channel sends. */
export const headers = {
  idempotencyKey: "Idempotency-Key",
  timestamp: "X-Metodika-Timestamp",
  signature: "X-Metodika-Signature",
} as const

/** The JSON body of a webhook request. */
export interface WebhookBody {
  /** The idempotency key (also in the `Idempotency-Key` header). */
  readonly id: string
  /** The recipient's address on the receiving system. Personal data. */
  readonly recipient: string
  readonly subject: string
  readonly text: string
  readonly html?: string
  /** Attachments with their content in base64. */
  readonly attachments?: ReadonlyArray<{
    readonly filename: string
    readonly contentType: string
    readonly contentBase64: string
  }>
  /** Structured data for the receiving system. */
  readonly data?: unknown
}

/** The body sent for a notification. */
export const bodyOf = (n: Notifier.Notification): WebhookBody => ({
  id: n.id,
  recipient: n.recipient,
  subject: n.subject,
  text: n.text,
  ...(n.html === undefined ? {} : { html: n.html }),
  ...(n.attachments === undefined
    ? {}
    : {
        attachments: n.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          contentBase64: Buffer.from(a.content).toString("base64"),
        })),
      }),
  ...(n.data === undefined ? {} : { data: n.data }),
})

const secretValue = (secret: string | Redacted.Redacted<string>): string =>
  Redacted.isRedacted(secret) ? Redacted.value(secret) : secret

/**
 * The signature header value for a body signed at `timestamp` (seconds):
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
 */
export const sign = (
  secret: string | Redacted.Redacted<string>,
  timestamp: number | string,
  body: string,
): string =>
  `sha256=${createHmac("sha256", secretValue(secret)).update(`${timestamp}.${body}`).digest("hex")}`

/** What a receiver passes to {@link verifySignature}: the raw body and the two headers. */
export interface VerifyInput {
  readonly secret: string | Redacted.Redacted<string>
  /** The body exactly as received, before any JSON parsing. */
  readonly body: string
  /** The `X-Metodika-Timestamp` header. */
  readonly timestamp: string | null | undefined
  /** The `X-Metodika-Signature` header. */
  readonly signature: string | null | undefined
  /** How old a request may be, in seconds, to resist replays (300 when absent). */
  readonly toleranceSeconds?: number
  /** The receiver's time in seconds (the system clock when absent). */
  readonly nowSeconds?: number
}

/**
 * Whether a webhook request is authentic: signed with the shared secret, and recent.
 * Compares in constant time.
 *
 * @example
 * const ok = verifySignature({
 *   secret, body: rawBody,
 *   timestamp: req.headers["x-metodika-timestamp"],
 *   signature: req.headers["x-metodika-signature"],
 * })
 */
export const verifySignature = (input: VerifyInput): boolean => {
  if (typeof input.timestamp !== "string" || typeof input.signature !== "string") return false
  if (!/^\d{1,12}$/.test(input.timestamp)) return false
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000)
  const tolerance = input.toleranceSeconds ?? 300
  if (Math.abs(now - Number(input.timestamp)) > tolerance) return false
  const expected = Buffer.from(sign(input.secret, input.timestamp, input.body))
  const given = Buffer.from(input.signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** How the channel retries within one send; `false` leaves all retrying to the dispatcher. */
export type RetryOptions =
  | false
  | {
      /** Retries after the first request (2 when absent). */
      readonly times?: number
      /** First delay (250 ms when absent). */
      readonly base?: Duration.Input
      /** Longest delay (2 s when absent). */
      readonly cap?: Duration.Input
    }

/** Options of {@link make}. */
export interface WebhookOptions {
  /** The channel name outbox messages use (`"webhook"` when absent). */
  readonly name?: string
  /** The endpoint every notification is posted to. */
  readonly url: string | URL
  /** The shared secret of the signature. */
  readonly secret: string | Redacted.Redacted<string>
  /** How long one request may take (10 000 ms when absent). */
  readonly timeoutMillis?: number
  /** Retries within one send for retryable failures. */
  readonly retry?: RetryOptions
  /** Extra headers (an API key of the receiving system). */
  readonly headers?: Readonly<Record<string, string>>
}

/** Whether an HTTP status is worth retrying. */
export const isRetryableStatus = (status: number): boolean =>
  status >= 500 ||
  status === 408 ||
  status === 425 ||
  status === 429 ||
  (status >= 300 && status < 400)

const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    const inner =
      cause instanceof Error
        ? `: ${(cause as { code?: unknown }).code ?? ""} ${cause.message}`.trimEnd()
        : ""
    return `${error.name} ${error.message}${inner}`
  }
  return String(error)
}

/**
 * Makes a webhook channel.
 *
 * @example
 * const webhook = WebhookChannel.make({ url: "https://portal.example.ru/metodika", secret: Redacted.make(s) })
 */
export const make = (options: WebhookOptions): Notifier.Channel => {
  const name = options.name ?? "webhook"
  const url = String(options.url)
  const timeout = options.timeoutMillis ?? 10_000
  const retry = options.retry ?? {}

  const attempt = (n: Notifier.Notification, body: string) =>
    Effect.gen(function* () {
      const timestamp = String(Math.floor((yield* Clock.currentTimeMillis) / 1000))
      const response = yield* Effect.tryPromise({
        try: async (signal) => {
          const res = await fetch(url, {
            method: "POST",
            redirect: "manual",
            headers: {
              ...options.headers,
              "content-type": "application/json; charset=utf-8",
              [headers.idempotencyKey]: n.id,
              [headers.timestamp]: timestamp,
              [headers.signature]: sign(options.secret, timestamp, body),
            },
            body,
            signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]),
          })
          // The body is drained so the connection can be reused; its text is not kept,
          // since a receiver may echo the recipient back.
          await res.arrayBuffer().catch(() => undefined)
          return res
        },
        catch: (error) =>
          new Notifier.SendFailed({
            channel: name,
            retryable: true,
            reason: Redact.reason(describe(error), n.recipient),
            cause: error,
          }),
      })
      if (response.status >= 200 && response.status < 300) {
        const requestId = response.headers.get("x-request-id")
        return requestId === null ? {} : { providerId: requestId }
      }
      return yield* Effect.fail(
        new Notifier.SendFailed({
          channel: name,
          retryable: isRetryableStatus(response.status),
          reason: Redact.reason(
            `HTTP ${response.status} ${response.statusText}`.trimEnd(),
            n.recipient,
          ),
        }),
      )
    })

  const send = (
    n: Notifier.Notification,
  ): Effect.Effect<Notifier.Delivery, Notifier.SendFailed> => {
    const body = JSON.stringify(bodyOf(n))
    const once = attempt(n, body)
    if (retry === false) return once
    return once.pipe(
      Effect.retry({
        schedule: Backoff.schedule({
          base: retry.base ?? "250 millis",
          cap: retry.cap ?? "2 seconds",
        }),
        times: retry.times ?? 2,
        while: (e) => e.retryable,
      }),
    )
  }

  return { name, send }
}

/** A layer providing a `Notifier` with this one webhook channel. */
export const layer = (options: WebhookOptions): Layer.Layer<Notifier.Notifier> =>
  Layer.succeed(Notifier.Notifier, Notifier.fromChannels([make(options)]))

/**
 * A layer like {@link layer} whose options come from configuration (environment
 * variables by default).
 *
 * @example
 * WebhookChannel.layerConfig({
 *   url: Config.String("METODIKA_WEBHOOK_URL"),
 *   secret: Config.Redacted("METODIKA_WEBHOOK_SECRET"),
 * })
 */
export const layerConfig = (
  config: Config.Wrap<WebhookOptions>,
): Layer.Layer<Notifier.Notifier, Config.ConfigError> =>
  Layer.unwrap(Effect.map(Config.unwrap(config), layer))
