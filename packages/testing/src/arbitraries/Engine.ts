/**
 * fast-check arbitraries for the engine's types of `@metodika/core`: roles, role
 * grants, actors, the remaining ids, and new events and outbox messages as adapters
 * receive them. Each generates only valid values (the schemas are the oracle).
 *
 * @module
 */
import { Actor, type EventStore, Ids, type Outbox } from "@metodika/core"
import { DateTime } from "effect"
import * as fc from "fast-check"
import { districtId, organisationId, personId } from "./Kernel.ts"

const idText = fc.stringMatching(/^[a-z0-9][a-z0-9_.:\-/]{0,23}$/)

/** A role of district methodical work. */
export const role: fc.Arbitrary<Actor.Role> = fc.constantFrom(...Actor.Role.literals)

/** A role, district-wide or within one organisation. */
export const roleGrant: fc.Arbitrary<Actor.RoleGrant> = fc.oneof(
  role.map((r) => ({ role: r })),
  fc.record({ role, organisationId }),
)

/** An actor with zero to four role grants. */
export const actor: fc.Arbitrary<Actor.Actor> = fc.record({
  personId,
  districtId,
  roles: fc.array(roleGrant, { maxLength: 4 }),
})

/** A stream id. */
export const streamId: fc.Arbitrary<Ids.StreamId> = idText.map((s) => Ids.StreamId.make(s))
/** An event id. */
export const eventId: fc.Arbitrary<Ids.EventId> = fc.uuid().map((s) => Ids.EventId.make(s))
/** An outbox message id. */
export const messageId: fc.Arbitrary<Ids.MessageId> = fc.uuid().map((s) => Ids.MessageId.make(s))
/** A topic id. */
export const topicId: fc.Arbitrary<Ids.TopicId> = idText.map((s) => Ids.TopicId.make(s))

/** JSON-safe data as events and outbox payloads carry it (Cyrillic text included). */
export const jsonData: fc.Arbitrary<unknown> = fc
  .jsonValue()
  .map((v) => JSON.parse(JSON.stringify(v)))

/** An event to append, with JSON-safe data and metadata. */
export const newEvent: fc.Arbitrary<EventStore.NewEvent> = fc.record({
  id: eventId,
  type: fc.stringMatching(/^[A-Z][A-Za-z]{2,30}$/),
  data: jsonData,
  metadata: fc.record(
    { actorId: personId, command: fc.stringMatching(/^[A-Z][A-Za-z]{2,30}$/) },
    { requiredKeys: [] },
  ),
})

/** An outbox message to enqueue, due now or at an instant in 2020–2030. */
export const newOutboxMessage: fc.Arbitrary<Outbox.NewOutboxMessage> = fc.record(
  {
    id: messageId,
    channel: fc.constantFrom("email", "webhook", "memory"),
    recipient: fc.emailAddress(),
    payload: jsonData,
    notBefore: fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
      .map((ms) => DateTime.makeUnsafe(ms)),
  },
  { requiredKeys: ["id", "channel", "recipient", "payload"] },
)
