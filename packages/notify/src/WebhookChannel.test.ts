import { Ids, Notifier } from "@metodika/core"
import { NotifierSuite } from "@metodika/testing"
import { Config, ConfigProvider, Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import * as HttpReceiver from "../test/HttpReceiver.ts"
import * as Net from "../test/Net.ts"
import * as WebhookChannel from "./WebhookChannel.ts"

const secret = "s3cret-of-the-district"

NotifierSuite.suite("WebhookChannel over node:http", () =>
  Effect.gen(function* () {
    const receiver = yield* HttpReceiver.start(secret)
    receiver.refuse.add("refused-person")
    const port = yield* Net.closedPort
    return {
      channel: WebhookChannel.make({ url: receiver.url, secret }),
      recipient: "person-42",
      received: () =>
        receiver.requests
          .filter((r) => r.status === 200)
          .map((r) => ({
            id: r.idempotencyKey ?? "",
            recipient: r.body.recipient,
            subject: r.body.subject,
            text: r.body.text,
          })),
      refusedRecipient: "refused-person",
      unreachable: WebhookChannel.make({
        url: `http://127.0.0.1:${port}/hooks`,
        secret,
        retry: { times: 1, base: "10 millis" },
      }),
    }
  }),
)

const notification = {
  id: Ids.MessageId.make("emd/materials/school-7/2025-12-04/person-1"),
  recipient: "person-1",
  subject: "Материалы к ЕМД",
  text: "Текст",
  data: { kind: "emd.materials-issued", dayDate: "2025-12-04" },
}

describe("WebhookChannel", () => {
  it("answers 500 then 200: one retry, one delivery, the same idempotency key", async () => {
    const receiver = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const receiver = yield* HttpReceiver.start(secret)
          receiver.script.push(500)
          const channel = WebhookChannel.make({
            url: receiver.url,
            secret,
            retry: { times: 3, base: "20 millis" },
          })
          const delivery = yield* channel.send(notification)
          expect(delivery).toEqual({})
          return receiver
        }),
      ),
    )
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 200])
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true)
    expect(new Set(receiver.requests.map((r) => r.idempotencyKey))).toEqual(
      new Set([notification.id]),
    )
    expect(receiver.requests.map((r) => r.body.id)).toEqual([notification.id, notification.id])
    expect(receiver.requests[1]?.body).toMatchObject({
      id: notification.id,
      recipient: "person-1",
      subject: "Материалы к ЕМД",
      data: { kind: "emd.materials-issued", dayDate: "2025-12-04" },
    })
  })

  it("does not retry a 4xx answer and reports it as permanent", async () => {
    const [failure, receiver] = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const receiver = yield* HttpReceiver.start(secret)
          receiver.script.push(400)
          const channel = WebhookChannel.make({ url: receiver.url, secret })
          const failure = yield* Effect.flip(channel.send(notification))
          return [failure, receiver] as const
        }),
      ),
    )
    expect(failure.retryable).toBe(false)
    expect(failure.reason).toBe("HTTP 400 Bad Request")
    expect(receiver.requests).toHaveLength(1)
  })

  it("gives up after its retries on 5xx and leaves the next attempt to the dispatcher", async () => {
    const [failure, receiver] = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const receiver = yield* HttpReceiver.start(secret)
          receiver.script.push(503, 503, 503, 503)
          const channel = WebhookChannel.make({
            url: receiver.url,
            secret,
            retry: { times: 2, base: "10 millis" },
          })
          const failure = yield* Effect.flip(channel.send(notification))
          return [failure, receiver] as const
        }),
      ),
    )
    expect(failure.retryable).toBe(true)
    expect(receiver.requests).toHaveLength(3)
  })

  it("times out a receiver that does not answer, as retryable", async () => {
    const failure = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const { createServer } = yield* Effect.promise(() => import("node:http"))
          const server = createServer(() => undefined)
          const port = yield* Effect.acquireRelease(
            Effect.callback<number>((resume) => {
              server.listen(0, "127.0.0.1", () => {
                const address = server.address()
                resume(Effect.succeed(typeof address === "object" && address ? address.port : 0))
              })
            }),
            () =>
              Effect.callback<void>((resume) => {
                server.closeAllConnections()
                server.close(() => resume(Effect.void))
              }),
          )
          const channel = WebhookChannel.make({
            url: `http://127.0.0.1:${port}/`,
            secret,
            timeoutMillis: 200,
            retry: false,
          })
          return yield* Effect.flip(channel.send(notification))
        }),
      ),
    )
    expect(failure.retryable).toBe(true)
    expect(failure.reason).toContain("TimeoutError")
  })

  it("signs timestamp.body with HMAC-SHA256 and rejects a tampered or stale request", () => {
    const body = JSON.stringify({ id: "m1" })
    const signature = WebhookChannel.sign(secret, 1_764_000_000, body)
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/)
    const check = (over: Partial<WebhookChannel.VerifyInput>) =>
      WebhookChannel.verifySignature({
        secret,
        body,
        timestamp: "1764000000",
        signature,
        nowSeconds: 1_764_000_100,
        ...over,
      })
    expect(check({})).toBe(true)
    expect(check({ body: JSON.stringify({ id: "m2" }) })).toBe(false)
    expect(check({ secret: "other" })).toBe(false)
    expect(check({ timestamp: "1764000001" })).toBe(false)
    expect(check({ nowSeconds: 1_764_000_000 + 301 })).toBe(false)
    expect(check({ signature: undefined })).toBe(false)
    expect(check({ signature: "sha256=00" })).toBe(false)
  })
})

describe("WebhookChannel.layerConfig", () => {
  it("reads its options from configuration and refuses missing ones", async () => {
    const layer = WebhookChannel.layerConfig({
      url: Config.String("WEBHOOK_URL"),
      secret: Config.Redacted("WEBHOOK_SECRET"),
    })
    const names = (env: Record<string, string>) =>
      Effect.runPromiseExit(
        Effect.map(Notifier.Notifier, (n) => [...n.channels.keys()]).pipe(
          Effect.provide(
            layer.pipe(Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(env)))),
          ),
        ),
      )
    const ok = await names({ WEBHOOK_URL: "http://127.0.0.1:1/h", WEBHOOK_SECRET: "s" })
    expect(ok._tag === "Success" && ok.value).toEqual(["webhook"])
    const missing = await names({ WEBHOOK_URL: "http://127.0.0.1:1/h" })
    expect(missing._tag).toBe("Failure")
  })
})
