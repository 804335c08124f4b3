import { Ids } from "@metodika/core"
import { NotifierSuite } from "@metodika/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as Net from "../test/Net.ts"
import * as SmtpReceiver from "../test/SmtpReceiver.ts"
import * as EmailChannel from "./EmailChannel.ts"

const from = { name: "Методический центр", address: "mmc@edu.example.ru" }

const channelFor = (port: number, extra: Partial<EmailChannel.EmailOptions> = {}) =>
  EmailChannel.make({
    from,
    smtp: {
      host: "127.0.0.1",
      port,
      ignoreTLS: true,
      connectionTimeoutMillis: 2_000,
      greetingTimeoutMillis: 2_000,
      socketTimeoutMillis: 5_000,
    },
    ...extra,
  })

NotifierSuite.suite("EmailChannel over smtp-server", () =>
  Effect.gen(function* () {
    const smtp = yield* SmtpReceiver.start
    smtp.refuse.add("refused@school.example")
    const channel = yield* channelFor(smtp.port)
    const unreachable = yield* channelFor(yield* Net.closedPort)
    return {
      channel,
      recipient: "ivanova@school.example",
      received: () =>
        smtp.mails.map((m) => ({
          id: m.idempotencyKey ?? "",
          recipient: m.envelopeTo.join(","),
          subject: m.parsed.subject ?? "",
          text: m.parsed.text ?? "",
        })),
      refusedRecipient: "refused@school.example",
      unreachable,
    }
  }),
)

describe("EmailChannel", () => {
  it("sends the same Message-ID and key on every attempt of one notification", async () => {
    const mails = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const smtp = yield* SmtpReceiver.start
          const channel = yield* channelFor(smtp.port)
          const n = {
            id: Ids.MessageId.make("emd/reminder/1"),
            recipient: "ivanova@school.example",
            subject: "Напоминание",
            text: "Текст",
            html: "<p>Текст</p>",
          }
          yield* channel.send(n)
          yield* channel.send(n)
          return smtp.mails
        }),
      ),
    )
    expect(mails).toHaveLength(2)
    expect(mails[0]?.messageId).toBe(mails[1]?.messageId)
    expect(mails[0]?.messageId).toBe(EmailChannel.messageIdFor("emd/reminder/1", "edu.example.ru"))
    expect(mails.map((m) => m.idempotencyKey)).toEqual(["emd/reminder/1", "emd/reminder/1"])
    expect(mails[0]?.parsed.html).toContain("<p>Текст</p>")
    expect(mails[0]?.parsed.from?.value[0]).toEqual({ name: from.name, address: from.address })
  })

  it("treats a 451 reply as retryable and a 550 reply as permanent", async () => {
    const [transient, permanent] = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const smtp = yield* SmtpReceiver.start
          smtp.refuse.add("gone@school.example")
          smtp.tempFailNext = 1
          const channel = yield* channelFor(smtp.port)
          const n = (recipient: string) => ({
            id: Ids.MessageId.make(`m-${recipient.split("@")[0]}`),
            recipient,
            subject: "s",
            text: "t",
          })
          const a = yield* Effect.flip(channel.send(n("busy@school.example")))
          const b = yield* Effect.flip(channel.send(n("gone@school.example")))
          return [a, b] as const
        }),
      ),
    )
    expect(transient.retryable).toBe(true)
    expect(transient.reason).toContain("451")
    expect(permanent.retryable).toBe(false)
    expect(permanent.reason).toContain("550")
    expect(permanent.reason).not.toContain("gone@school.example")
  })

  it("classifies nodemailer failures: connection and 4xx retryable, 5xx permanent, auth retryable", () => {
    expect(EmailChannel.classify({ code: "ECONNECTION", message: "closed" }).retryable).toBe(true)
    expect(EmailChannel.classify({ code: "ESOCKET", message: "ECONNREFUSED" }).retryable).toBe(true)
    expect(EmailChannel.classify({ code: "ETIMEDOUT", message: "timeout" }).retryable).toBe(true)
    expect(EmailChannel.classify({ code: "EMESSAGE", responseCode: 421 }).retryable).toBe(true)
    expect(EmailChannel.classify({ code: "EMESSAGE", responseCode: 452 }).retryable).toBe(true)
    expect(EmailChannel.classify({ code: "EENVELOPE", responseCode: 550 }).retryable).toBe(false)
    expect(EmailChannel.classify({ code: "EMESSAGE", responseCode: 554 }).retryable).toBe(false)
    expect(EmailChannel.classify({ code: "EPROTOCOL", responseCode: 503 }).retryable).toBe(true)
    expect(EmailChannel.classify({ code: "EAUTH", responseCode: 535 }).retryable).toBe(true)
    expect(EmailChannel.classify(new Error("anything else")).retryable).toBe(true)
  })
})
