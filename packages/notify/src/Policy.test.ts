import { Actor, Ids } from "@metodika/core"
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import * as Directory from "./Directory.ts"
import type * as Payload from "./Payload.ts"
import * as Policy from "./Policy.ts"

const district = Ids.DistrictId.make("district-1")
const school = Ids.OrganisationId.make("school-7")
const now = DateTime.makeUnsafe("2025-11-20T03:00:00Z")

const directory = Directory.fromList([
  {
    personId: Ids.PersonId.make("p1"),
    districtId: district,
    roles: [{ role: "school-leader", organisationId: school }],
    name: "Мария Петровна",
    addresses: { email: "p1@school.example", webhook: "p1-chat" },
  },
  {
    personId: Ids.PersonId.make("p2"),
    districtId: district,
    roles: [
      { role: "day-responsible", organisationId: school },
      { role: "school-leader", organisationId: school },
    ],
    locale: "en",
    addresses: { webhook: "p2-chat" },
  },
  {
    personId: Ids.PersonId.make("p3"),
    districtId: Ids.DistrictId.make("other-district"),
    roles: [{ role: "school-leader", organisationId: school }],
    addresses: { email: "p3@elsewhere.example" },
  },
])

const rule: Policy.Rule = {
  streamType: "test-stream",
  messagesFor: (ctx) => [
    {
      key: `${ctx.decision.streamId}/hello`,
      kind: "test.hello",
      to: [
        ...ctx.directory.withRole(district, "school-leader", school),
        ...ctx.directory.withRole(district, "day-responsible", school),
      ],
      render: (locale, c) => ({
        subject: locale === "en" ? "Hello" : "Привет",
        text: `${c.name ?? "-"} ${ctx.settings.zone} ${ctx.leadHours("x").join(",")}`,
        html: "<p></p>",
      }),
      notBefore: DateTime.makeUnsafe("2025-11-21T00:00:00Z"),
    },
  ],
}

const decision = (regulation: unknown) => ({
  streamType: "test-stream",
  streamId: Ids.StreamId.make("test-stream:1"),
  events: [{ id: "e1", event: { _tag: "Something" } }],
  state: {},
  now,
  actor: Actor.make(Ids.PersonId.make("p9"), district, ["system"]),
  regulation,
})

describe("Policy", () => {
  const policy = Policy.make({
    directory,
    organizer: { email: "mmc@edu.example.ru" },
    rules: [rule],
    channels: ["email", "webhook"],
  })

  it("addresses each recipient once per channel they can be reached on, in their locale", () => {
    const messages = policy.messagesFor(
      decision({
        calendar: { timeZone: DateTime.zoneMakeNamedUnsafe("Asia/Omsk") },
        notifications: {
          reminders: [
            { target: "x", hoursBefore: 2 },
            { target: "x", hoursBefore: 24 },
          ],
        },
      }),
    )
    expect(messages.map((m) => [m.id, m.channel, m.recipient])).toEqual([
      ["test-stream:1/hello/email/p1", "email", "p1@school.example"],
      ["test-stream:1/hello/webhook/p1", "webhook", "p1-chat"],
      ["test-stream:1/hello/webhook/p2", "webhook", "p2-chat"],
    ])
    const p1 = messages[0]!.payload as Payload.Payload
    expect(p1.subject).toBe("Привет")
    expect(p1.text).toBe("Мария Петровна Asia/Omsk 24,2")
    expect(p1.data).toEqual({ kind: "test.hello" })
    expect((messages[2]!.payload as Payload.Payload).subject).toBe("Hello")
    expect(DateTime.formatIso(messages[0]!.notBefore!)).toBe("2025-11-21T00:00:00.000Z")
  })

  it("is deterministic, so a retried decision enqueues the same ids", () => {
    const regulation = { calendar: { timeZone: "Asia/Omsk" } }
    expect(policy.messagesFor(decision(regulation))).toEqual(
      policy.messagesFor(decision(regulation)),
    )
  })

  it("takes what the regulation does not say from the defaults, and ignores other streams", () => {
    const [m] = policy.messagesFor(decision({ calendar: { timeZone: "Not/AZone" } }))
    expect((m!.payload as Payload.Payload).text).toBe("Мария Петровна Europe/Moscow ")
    expect(policy.messagesFor({ ...decision({}), streamType: "other" })).toEqual([])
  })

  it("keeps message ids within 200 characters, hashing long ones", () => {
    const short = Policy.messageId("k", "email", "p1")
    expect(short).toBe("k/email/p1")
    const long = Policy.messageId("x".repeat(300), "email", "p1")
    expect(long.length).toBeLessThanOrEqual(200)
    expect(long).toMatch(/\/[0-9a-f]{40}$/)
    expect(Policy.messageId("x".repeat(300), "email", "p2")).not.toBe(long)
  })

  it("reads the kernel's settings shape", () => {
    expect(
      Policy.settingsFromRegulation(
        {
          calendar: { timeZone: DateTime.zoneMakeNamedUnsafe("Asia/Kamchatka") },
          notifications: { reminders: [{ target: "emd.questions", hoursBefore: 48 }] },
        },
        Policy.defaultSettings,
      ),
    ).toEqual({ zone: "Asia/Kamchatka", reminders: [{ target: "emd.questions", hoursBefore: 48 }] })
  })
})
