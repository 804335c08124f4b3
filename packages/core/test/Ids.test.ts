import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "../src/Actor.ts"
import * as Ids from "../src/Ids.ts"

const schemas = {
  DistrictId: Ids.DistrictId,
  OrganisationId: Ids.OrganisationId,
  PersonId: Ids.PersonId,
  OrderId: Ids.OrderId,
  RegulationId: Ids.RegulationId,
  StreamId: Ids.StreamId,
  EventId: Ids.EventId,
  MessageId: Ids.MessageId,
  TopicId: Ids.TopicId,
  Actor: Actor.Actor,
  Role: Actor.Role,
}

describe("identifiers and actors decode untrusted input", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} refuses random junk with a typed error, never a throw`, () => {
      const decode = Schema.decodeUnknownResult(schema)
      fc.assert(
        fc.property(fc.anything(), (junk) => {
          const r = decode(junk)
          if (Result.isFailure(r)) {
            expect(r.failure._tag).toBe("SchemaError")
            expect(r.failure.message.length).toBeGreaterThan(0)
          } else {
            expect(Schema.is(schema)(r.success)).toBe(true)
          }
        }),
        { numRuns: 300 },
      )
    })
  }

  it("says what was wrong with a bad id", () => {
    const r = Schema.decodeUnknownResult(Ids.OrganisationId)("школа 5; drop")
    expect(Result.isFailure(r) && r.failure.message).toContain(
      "OrganisationId may contain only letters, digits",
    )
    expect(Result.isSuccess(Schema.decodeUnknownResult(Ids.OrganisationId)("школа-5"))).toBe(true)
  })
})

describe("Actor.authorize", () => {
  const district = Ids.DistrictId.make("d")
  const school = Ids.OrganisationId.make("school-1")
  const other = Ids.OrganisationId.make("school-2")
  const table: Actor.PermissionTable<"ChooseForm" | "IssueMaterials"> = {
    ChooseForm: ["school-leader", "day-responsible"],
    IssueMaterials: ["municipal-coordinator"],
  }

  it("lets an actor with one of the roles through, scoped to the organisation", () => {
    const leader = Actor.make(Ids.PersonId.make("p"), district, [
      { role: "school-leader", organisationId: school },
    ])
    expect(Result.isSuccess(Actor.authorize(table, { _tag: "ChooseForm" }, leader, school))).toBe(
      true,
    )
    const refused = Actor.authorize(table, { _tag: "ChooseForm" }, leader, other)
    expect(Result.isFailure(refused) && refused.failure.needed).toEqual([
      "school-leader",
      "day-responsible",
    ])
  })

  it("refuses with a typed error naming the role needed", () => {
    const teacher = Actor.make(Ids.PersonId.make("p"), district, ["teacher"])
    const r = Actor.authorize(table, { _tag: "IssueMaterials" }, teacher)
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure._tag).toBe("Forbidden")
      expect(r.failure.message).toBe(
        "IssueMaterials needs the role municipal-coordinator; p has none of them",
      )
    }
  })

  it("a district-wide grant covers every organisation", () => {
    const coordinator = Actor.make(Ids.PersonId.make("c"), district, ["municipal-coordinator"])
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,20}$/), (org) =>
        Actor.hasRole(coordinator, "municipal-coordinator", Ids.OrganisationId.make(org)),
      ),
    )
  })
})
