import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Redact from "./Redact.ts"

describe("Redact", () => {
  it("removes any e-mail address from a server's reply, whatever surrounds it", () => {
    const part = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/)
    const address = fc
      .tuple(part, part, fc.constantFrom("ru", "example", "рф"))
      .map(([local, host, tld]) => `${local}@${host}.${tld}`)
    const wrap = fc.constantFrom(
      (a: string) => `550 5.1.1 <${a}>: Recipient address rejected`,
      (a: string) => `mailbox ${a} is full`,
      (a: string) => `"${a}"; unknown`,
      (a: string) => `RCPT TO:<${a}> refused, (${a})`,
    )
    fc.assert(
      fc.property(address, wrap, (a, w) => {
        const out = Redact.reason(w(a), a)
        expect(out).not.toContain(a)
        expect(out).toContain(Redact.placeholder)
      }),
      { numRuns: 300 },
    )
  })

  it("removes a recipient that is not an e-mail address too (a chat id)", () => {
    expect(Redact.reason("chat 12345 blocked the bot", "12345")).toBe(
      "chat [recipient] blocked the bot",
    )
  })
})
