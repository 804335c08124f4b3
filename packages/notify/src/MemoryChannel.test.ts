import { Ids } from "@metodika/core"
import { NotifierSuite } from "@metodika/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as MemoryChannel from "./MemoryChannel.ts"

NotifierSuite.suite("MemoryChannel", () =>
  Effect.sync(() => {
    const channel = MemoryChannel.make({
      reject: (n) =>
        n.recipient === "refused@school.example"
          ? { retryable: false, reason: "550 no such mailbox" }
          : undefined,
    })
    return {
      channel,
      recipient: "ivanova@school.example",
      received: () =>
        channel.attempts().map((n) => ({
          id: n.id,
          recipient: n.recipient,
          subject: n.subject,
          text: n.text,
        })),
      refusedRecipient: "refused@school.example",
      unreachable: MemoryChannel.make({
        name: "memory",
        reject: () => ({ retryable: true, reason: "the receiver is down" }),
      }),
    }
  }),
)

describe("MemoryChannel", () => {
  const n = (id: string) => ({
    id: Ids.MessageId.make(id),
    recipient: "a@school.example",
    subject: "s",
    text: "t",
  })

  it("fails the next sends it is told to, then delivers", async () => {
    const channel = MemoryChannel.make()
    channel.failNext(2, { retryable: true, reason: "down" })
    const results = await Effect.runPromise(
      Effect.forEach([1, 2, 3], () => Effect.result(channel.send(n("m1")))),
    )
    expect(results.map((r) => r._tag)).toEqual(["Failure", "Failure", "Success"])
    expect(channel.delivered().map((d) => d.id)).toEqual(["m1"])
  })

  it("reports one delivery per idempotency key however often it is sent", async () => {
    const channel = MemoryChannel.make()
    await Effect.runPromise(
      Effect.forEach(["m1", "m1", "m2"], (id) => channel.send(n(id)), { discard: true }),
    )
    expect(channel.attempts()).toHaveLength(3)
    expect(channel.delivered().map((d) => d.id)).toEqual(["m1", "m2"])
  })
})
