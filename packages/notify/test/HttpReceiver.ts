/**
 * A real HTTP server for webhook tests (node:http) on 127.0.0.1 and a port the system
 * picks. It checks each request's signature with `WebhookChannel.verifySignature`,
 * records it, and answers with the next status a test scripted (200 when none is left).
 */

import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, type Scope } from "effect"
import * as WebhookChannel from "../src/WebhookChannel.ts"

/** One request as the receiver got it. */
export interface ReceivedRequest {
  readonly idempotencyKey: string | undefined
  readonly signatureValid: boolean
  readonly body: WebhookChannel.WebhookBody
  readonly rawBody: string
  readonly status: number
}

/** The running receiver and the knobs tests turn. */
export interface HttpReceiver {
  readonly url: string
  readonly requests: Array<ReceivedRequest>
  /** Statuses to answer with, in order; 200 once they run out. */
  readonly script: Array<number>
  /** Recipients answered with 422 (refused for good). */
  readonly refuse: Set<string>
  /** The keys answered with 200. */
  readonly seenKeys: Set<string>
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** Starts the receiver with the shared `secret`; it stops with the scope. */
export const start = (secret: string): Effect.Effect<HttpReceiver, never, Scope.Scope> =>
  Effect.gen(function* () {
    const state = {
      url: "",
      requests: [] as Array<ReceivedRequest>,
      script: [] as Array<number>,
      refuse: new Set<string>(),
      seenKeys: new Set<string>(),
    }
    const server = createServer((req, res) => {
      const chunks: Array<Buffer> = []
      req.on("data", (c: Buffer) => chunks.push(c))
      req.on("end", () => {
        const rawBody = Buffer.concat(chunks).toString("utf8")
        const signatureValid = WebhookChannel.verifySignature({
          secret,
          body: rawBody,
          timestamp: header(req, WebhookChannel.headers.timestamp),
          signature: header(req, WebhookChannel.headers.signature),
        })
        const body = JSON.parse(rawBody) as WebhookChannel.WebhookBody
        const status = !signatureValid
          ? 401
          : state.refuse.has(body.recipient)
            ? 422
            : (state.script.shift() ?? 200)
        const idempotencyKey = header(req, WebhookChannel.headers.idempotencyKey)
        state.requests.push({ idempotencyKey, signatureValid, body, rawBody, status })
        if (status === 200 && idempotencyKey !== undefined) state.seenKeys.add(idempotencyKey)
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify({ ok: status === 200 }))
      })
    })
    yield* Effect.acquireRelease(
      Effect.callback<void>((resume) => {
        server.listen(0, "127.0.0.1", () => {
          state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/metodika`
          resume(Effect.void)
        })
      }),
      () =>
        Effect.callback<void>((resume) => {
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        }),
    )
    return state
  })
