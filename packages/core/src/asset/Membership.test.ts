import { DateTime, Effect, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { deciderSpec } from "../../../testing/src/DeciderSpec.ts"
import * as Actor from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { fold } from "../Decider.ts"
import * as Engine from "../Engine.ts"
import { EventStore } from "../EventStore.ts"
import { ActivityId, DistrictId, OrganisationId, PersonId } from "../Ids.ts"
import * as InMemory from "../InMemory.ts"
import * as Presets from "../kernel/Presets.ts"
import type { Settings } from "../kernel/Settings.ts"
import type { Teacher } from "../kernel/Teacher.ts"
import * as Membership from "./Membership.ts"

const d = LocalDate.unsafeFromString
const district = DistrictId.make("partizansky")
const school = OrganisationId.make("school-1")
const other = OrganisationId.make("school-2")
const memberId = PersonId.make("ivanova")
const regulation: Settings = Presets.partizansky.regulation.versions[0].content
const withTerm = (() => {
  const r = Presets.copy(Presets.partizansky, { asset: { membershipTermYears: 3 } })
  if (Result.isFailure(r)) throw r.failure
  return r.success
})()

const leader = Actor.make(PersonId.make("leader-1"), district, [
  { role: "school-leader", organisationId: school },
])
const otherLeader = Actor.make(PersonId.make("leader-2"), district, [
  { role: "school-leader", organisationId: other },
])
const specialist = Actor.make(PersonId.make("uo-1"), district, ["department-specialist"])
const methodist = Actor.make(PersonId.make("methodist-1"), district, ["methodist"])
const member = Actor.make(memberId, district, ["asset-member", "teacher"])
const system = Actor.make(PersonId.make("system"), district, ["system"])

/** A teacher eligible on basis (a) from 2024-09-01 until the 2020 category lapses in 2025. */
const teacher: Teacher = {
  personId: memberId,
  districtId: district,
  organisationId: school,
  position: "teacher",
  subjects: ["математика"],
  categories: [{ category: "highest", awardedOn: d("2020-12-15") }],
  qualifications: [],
  education: [{ level: "higher-pedagogical", completedOn: d("2008-06-30") }],
  experience: [{ from: d("2008-09-01") }],
  results: [{ _tag: "StablyHighResults", from: d("2022-09-01") }],
}

const at = (iso: string) => DateTime.makeUnsafe(iso)
const ctx = (
  actor: Actor.Actor,
  now = "2025-09-10T03:00:00Z",
  reg: Membership.AssetRegulation = regulation,
) => ({
  now: at(now),
  actor,
  regulation: reg,
})
const spec = deciderSpec(Membership.definition)
const order = {
  number: "01-05/112",
  date: d("2025-09-15"),
  issuer: OrganisationId.make("partizansky-uo"),
  title: "О составе муниципального методического актива",
}

const run = (
  steps: ReadonlyArray<readonly [Membership.MembershipCommand, ReturnType<typeof ctx>]>,
): {
  readonly events: Array<Membership.MembershipEvent>
  readonly state: Membership.MembershipState
} => {
  const events: Array<Membership.MembershipEvent> = []
  let state = Membership.initialState
  for (const [command, context] of steps) {
    const r = Membership.decide(command, state, context)
    if (Result.isFailure(r)) throw r.failure
    for (const e of r.success) {
      events.push(e)
      state = Membership.evolve(state, e)
    }
  }
  return { events, state }
}

const nominate = new Membership.Nominate({ teacher, nominatedOn: d("2025-09-01") })
const approve = new Membership.Approve({ order, from: d("2025-09-15") })
const assign = new Membership.AssignTeachers({
  on: d("2025-09-20"),
  teachers: [{ personId: PersonId.make("petrov"), organisationId: other }],
})
const consultation = (teachers: ReadonlyArray<string>, on = "2025-10-01") =>
  new Membership.RecordActivity({
    activity: {
      _tag: "Consultation",
      id: ActivityId.make(`a-${teachers.join("-")}-${on}`),
      on: d(on),
      teachers: teachers.map((t) => PersonId.make(t)),
      organisations: [other],
      topic: "Формирующее оценивание",
      format: teachers.length === 1 ? "individual" : "group",
    },
  })
const active = run([
  [nominate, ctx(leader)],
  [approve, ctx(specialist, "2025-09-16T01:00:00Z")],
  [assign, ctx(methodist, "2025-09-20T01:00:00Z")],
])

describe("Membership", () => {
  it("ASSET-3.1 nominates an eligible teacher and records the check on the nomination date", () => {
    const events = run([[nominate, ctx(leader)]]).events
    expect(events).toHaveLength(1)
    const nominated = events[0] as Membership.Nominated
    expect(nominated._tag).toBe("Nominated")
    expect(nominated.eligibility.basis).toBe("a")
    expect(nominated.eligibility.date).toBe("2025-09-01")
    expect(nominated.nominatedBy).toBe("leader-1")
  })

  it("ASSET-3.1 refuses a teacher not eligible on the nomination date, naming every failed criterion", () => {
    const junior = { ...teacher, experience: [{ from: d("2021-02-02") }] }
    const error = spec
      .given([])
      .when(new Membership.Nominate({ teacher: junior, nominatedOn: d("2025-09-01") }), ctx(leader))
      .thenFails("NotEligible")
    expect(error.explanation.bases.map((b) => b.basis)).toEqual(["a", "b", "c", "d"])
    expect(error.message).toContain("стаж 4 г. 7 мес. на 01.09.2025, требуется 5 лет")
  })

  it("refuses a nomination by the leader of another school, naming the role needed", () => {
    const error = spec.given([]).when(nominate, ctx(otherLeader)).thenFails("Forbidden")
    expect(error.needed).toContain("school-leader")
    expect(error.organisationId).toBe(school)
  })

  it("refuses a nomination dated after today in the district's zone", () => {
    // 2025-09-10T20:00Z is already 11 September in Vladivostok (UTC+10).
    const early = new Membership.Nominate({ teacher, nominatedOn: d("2025-09-11") })
    spec
      .given([])
      .when(early, ctx(leader, "2025-09-10T13:00:00Z"))
      .thenFails("InvalidMembershipCommand")
    const later = Membership.decide(
      early,
      Membership.initialState,
      ctx(leader, "2025-09-10T20:00:00Z"),
    )
    expect(Result.isSuccess(later) && later.success.map((e) => e._tag)).toEqual(["Nominated"])
  })

  it("ASSET-6 approves a nomination by an order; a term set by the regulation gives the last day", () => {
    const plain = run([
      [nominate, ctx(leader)],
      [approve, ctx(specialist)],
    ])
    expect(plain.state._tag === "Active" && plain.state.until).toBe(undefined)
    const termed = run([
      [nominate, ctx(leader, undefined, withTerm)],
      [approve, ctx(specialist, undefined, withTerm)],
    ])
    expect(termed.state._tag === "Active" && termed.state.until).toBe("2028-09-14")
    expect(termed.state._tag === "Active" && termed.state.order.number).toBe("01-05/112")
  })

  it("refuses an approval by anyone but the department, or dated before the nomination", () => {
    const nominated = run([[nominate, ctx(leader)]]).events
    spec.given(nominated).when(approve, ctx(leader)).thenFails("Forbidden")
    const early = new Membership.Approve({
      order: { ...order, date: d("2025-08-01") },
      from: d("2025-08-01"),
    })
    spec.given(nominated).when(early, ctx(specialist)).thenFails("InvalidMembershipCommand")
  })

  it("ASSET-3.1 flags a member whose category lapses instead of keeping them silently", () => {
    const review = (on: string, t: Teacher = teacher) =>
      new Membership.ReviewStanding({ on: d(on), teacher: t })
    spec.given(active.events).when(review("2025-12-14"), ctx(system)).thenNothing()
    const lapsed = spec.given(active.events).when(review("2025-12-15"), ctx(system))
    const [event] = Membership.decide(review("2025-12-15"), active.state, ctx(system)).pipe(
      Result.getOrThrow,
    )
    expect(event?._tag).toBe("StandingLapsed")
    expect(event?._tag === "StandingLapsed" && event.categoryLapsed).toBe(true)
    const flagged = lapsed.then([event!])
    expect(flagged._tag === "Active" && flagged.lapse).toEqual({
      on: "2025-12-15",
      categoryLapsed: true,
    })
    const after = [...active.events, event!]
    spec.given(after).when(review("2026-01-10"), ctx(system)).thenNothing()
    const reattested = {
      ...teacher,
      categories: [
        ...teacher.categories,
        { category: "highest" as const, awardedOn: d("2026-02-01") },
      ],
    }
    const restored = Membership.decide(
      review("2026-02-01", reattested),
      fold(Membership.definition, after),
      ctx(system),
    )
    expect(Result.isSuccess(restored) && restored.success.map((e) => e._tag)).toEqual([
      "StandingRestored",
    ])
    const state = fold(Membership.definition, [...after, ...Result.getOrThrow(restored)])
    expect(state._tag === "Active" && state.lapse).toBe(undefined)
  })

  it("ASSET-5.2 lets a member record activities only for the teachers assigned to them", () => {
    const error = spec
      .given(active.events)
      .when(consultation(["sidorova"]), ctx(member, "2025-10-02T00:00:00Z"))
      .thenFails("NotAssigned")
    expect(error.teachers).toEqual(["sidorova"])
    const state = spec
      .given(active.events)
      .when(consultation(["petrov"]), ctx(member, "2025-10-02T00:00:00Z"))
      .then([
        new Membership.ActivityRecorded({
          personId: memberId,
          activity: consultation(["petrov"]).activity,
        }),
      ])
    expect(state._tag === "Active" && state.activities).toBe(1)
  })

  it("ASSET-4.1 lets only the member record their own activities, within their membership", () => {
    const stranger = Actor.make(PersonId.make("someone"), district, ["asset-member"])
    spec
      .given(active.events)
      .when(consultation(["petrov"]), ctx(stranger, "2025-10-02T00:00:00Z"))
      .thenFails("NotTheMember")
    spec
      .given(active.events)
      .when(consultation(["petrov"]), ctx(methodist, "2025-10-02T00:00:00Z"))
      .thenFails("Forbidden")
    spec
      .given(active.events)
      .when(consultation(["petrov"], "2025-09-01"), ctx(member, "2025-10-02T00:00:00Z"))
      .thenFails("InvalidMembershipCommand")
  })

  it("assigns each teacher once and never the member to themselves", () => {
    spec.given(active.events).when(assign, ctx(methodist)).thenNothing()
    const self = new Membership.AssignTeachers({
      on: d("2025-09-21"),
      teachers: [{ personId: memberId, organisationId: school }],
    })
    spec.given(active.events).when(self, ctx(methodist)).thenFails("InvalidMembershipCommand")
  })

  it("ends a membership when its term is over, and not before", () => {
    const termed = run([
      [nominate, ctx(leader, undefined, withTerm)],
      [approve, ctx(specialist, undefined, withTerm)],
    ])
    spec
      .given(termed.events)
      .when(new Membership.Expire({ on: d("2028-09-14") }), ctx(system))
      .thenFails("InvalidMembershipCommand")
    const ended = spec
      .given(termed.events)
      .when(new Membership.Expire({ on: d("2028-09-15") }), ctx(system))
      .then([
        new Membership.MembershipEnded({
          personId: memberId,
          on: d("2028-09-15"),
          reason: "expired",
        }),
      ])
    expect(ended._tag).toBe("Ended")
    spec
      .given(active.events)
      .when(new Membership.Expire({ on: d("2030-01-01") }), ctx(system))
      .thenFails("InvalidMembershipCommand")
  })

  it("excludes a member with a reason, after which the stream takes no commands", () => {
    const exclude = new Membership.Exclude({
      on: d("2026-03-01"),
      reason: "eligibility-lapsed",
      note: "категория истекла",
    })
    const state = spec
      .given(active.events)
      .when(exclude, ctx(specialist))
      .then([
        new Membership.MembershipEnded({
          personId: memberId,
          on: d("2026-03-01"),
          reason: "excluded",
          exclusion: "eligibility-lapsed",
          note: "категория истекла",
        }),
      ])
    expect(state).toMatchObject({
      _tag: "Ended",
      reason: "excluded",
      exclusion: "eligibility-lapsed",
    })
    const ended = [
      ...active.events,
      ...Result.getOrThrow(Membership.decide(exclude, active.state, ctx(specialist))),
    ]
    spec
      .given(ended)
      .when(consultation(["petrov"]), ctx(member))
      .thenFails("WrongMembershipState")
    spec.given(ended).when(nominate, ctx(leader)).thenFails("WrongMembershipState")
  })

  it("round-trips every event through JSON and replays to the same state", () => {
    const events = [
      ...active.events,
      ...Result.getOrThrow(
        Membership.decide(
          consultation(["petrov"]),
          active.state,
          ctx(member, "2025-10-02T00:00:00Z"),
        ),
      ),
    ]
    const json = JSON.parse(
      JSON.stringify(events.map((e) => Schema.encodeSync(Membership.MembershipEvent)(e))),
    )
    const back = json.map((e: unknown) => Schema.decodeUnknownSync(Membership.MembershipEvent)(e))
    expect(back).toEqual(events)
    expect(fold(Membership.definition, back)).toEqual(fold(Membership.definition, events))
  })

  it("keeps evolve total: any event in any state gives a state (property)", () => {
    const events = [
      ...active.events,
      new Membership.StandingLapsed({
        personId: memberId,
        on: d("2026-01-01"),
        categoryLapsed: true,
        explanation: { _tag: "Ineligible", date: d("2026-01-01"), bases: [] },
      }),
      new Membership.MembershipEnded({
        personId: memberId,
        on: d("2026-02-01"),
        reason: "expired",
      }),
      new Membership.NominationRejected({
        personId: memberId,
        reason: "нет",
        by: specialist.personId,
      }),
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 12 }), (sequence) => {
        const state = fold(Membership.definition, sequence)
        expect(["None", "Nominated", "Active", "Ended"]).toContain(state._tag)
      }),
    )
  })

  it("runs through the engine with the district's settings as the regulation", async () => {
    const engine = Engine.make({ regulationFor: () => Effect.succeed(regulation) })
    const stream = Membership.streamId(district, memberId, d("2025-09-01"))
    const program = Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2025-09-10T03:00:00Z"))
      yield* engine.execute(Membership.definition, stream, nominate, leader)
      yield* TestClock.setTime(Date.parse("2025-09-16T03:00:00Z"))
      const done = yield* engine.execute(Membership.definition, stream, approve, specialist)
      const stored = yield* EventStore.use((s) => s.readStream(stream))
      return { done, stored }
    })
    const { done, stored } = await Effect.runPromise(
      program.pipe(Effect.provide(InMemory.layer), Effect.provide(TestClock.layer())),
    )
    expect(done.state._tag).toBe("Active")
    expect(stored.map((e) => e.type)).toEqual(["Nominated", "Approved"])
    expect(String(stream)).toBe("asset-membership:partizansky:ivanova:2025-09-01")
  })
})
