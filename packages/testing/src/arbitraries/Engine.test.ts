import { Actor, Ids } from "@metodika/core"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as E from "./Engine.ts"

describe("engine arbitraries (the schema is the oracle)", () => {
  const cases: ReadonlyArray<readonly [string, Schema.Top, fc.Arbitrary<unknown>]> = [
    ["roles", Actor.Role, E.role],
    ["role grants", Actor.RoleGrant, E.roleGrant],
    ["actors", Actor.Actor, E.actor],
    ["stream ids", Ids.StreamId, E.streamId],
    ["event ids", Ids.EventId, E.eventId],
    ["message ids", Ids.MessageId, E.messageId],
    ["topic ids", Ids.TopicId, E.topicId],
  ]
  for (const [label, schema, arb] of cases) {
    it(`generates only valid ${label}`, () => {
      const is = Schema.is(schema)
      fc.assert(
        fc.property(arb, (value) => is(value)),
        { numRuns: 300 },
      )
    })
  }

  it("generates events and outbox messages whose data survives JSON", () => {
    fc.assert(
      fc.property(E.newEvent, E.newOutboxMessage, (event, message) => {
        expect(JSON.parse(JSON.stringify(event.data))).toEqual(event.data)
        expect(Schema.is(Ids.EventId)(event.id)).toBe(true)
        expect(Schema.is(Ids.MessageId)(message.id)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
