import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Actor from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { ActivityId, DistrictId, OrganisationId, PersonId } from "../Ids.ts"
import type { Person } from "../kernel/Person.ts"
import type { Eligible } from "./Explanation.ts"
import {
  ActivityRecorded,
  Approved,
  MembershipEnded,
  type MembershipEvent,
  Nominated,
  TeachersAssigned,
  TeachersUnassigned,
} from "./MembershipMessages.ts"
import * as Roster from "./Roster.ts"

const d = LocalDate.unsafeFromString
const district = DistrictId.make("partizansky")
const school = OrganisationId.make("school-1")
const eligibility: Eligible = {
  _tag: "Eligible",
  date: d("2025-09-01"),
  basis: "c" as Eligible["basis"],
  evidence: [{ _tag: "MethodicalAssociationMember", from: d("2020-01-01") }],
}
const order = {
  number: "1",
  date: d("2025-09-10"),
  issuer: OrganisationId.make("uo"),
  title: "О составе актива",
}
const person = (id: string): Person => ({
  id: PersonId.make(id),
  districtId: district,
  fullName: { surname: `Фамилия-${id}`, name: "Имя" },
})

const joined = (memberId: PersonId, inDistrict = district): ReadonlyArray<MembershipEvent> => [
  new Nominated({
    personId: memberId,
    districtId: inDistrict,
    organisationId: school,
    nominatedOn: d("2025-09-01"),
    nominatedBy: PersonId.make("leader"),
    eligibility,
  }),
  new Approved({ personId: memberId, order, from: d("2025-09-10") }),
]
const assigned = (memberId: PersonId, teachers: ReadonlyArray<PersonId>) =>
  new TeachersAssigned({
    personId: memberId,
    on: d("2025-09-12"),
    teachers: teachers.map((t) => ({ personId: t, organisationId: school })) as [
      { personId: PersonId; organisationId: OrganisationId },
      ...Array<{ personId: PersonId; organisationId: OrganisationId }>,
    ],
  })
const deficitsFound = (memberId: PersonId, teachers: ReadonlyArray<PersonId>, n: number) =>
  new ActivityRecorded({
    personId: memberId,
    activity: {
      _tag: "DeficitsFound",
      id: ActivityId.make(`act-${memberId}-${n}`),
      on: d("2025-10-01"),
      teachers,
      organisations: [school],
      topic: "Диагностика",
      method: "diagnostics",
      deficits: teachers.map((t) => ({
        personId: t,
        area: "methodical" as const,
        description: `дефицит ${t}`,
      })) as [
        { personId: PersonId; area: "methodical"; description: string },
        ...Array<{ personId: PersonId; area: "methodical"; description: string }>,
      ],
    },
  })

const ids = (...xs: Array<string>) => xs.map((x) => PersonId.make(x))
const [m1, m2] = ids("m1", "m2") as [PersonId, PersonId]
const [t1, t2, t3] = ids("t1", "t2", "t3") as [PersonId, PersonId, PersonId]
const events: ReadonlyArray<MembershipEvent> = [
  ...joined(m1),
  ...joined(m2),
  assigned(m1, [t1, t2]),
  assigned(m2, [t3]),
  deficitsFound(m1, [t1, t2], 1),
  deficitsFound(m2, [t3], 2),
]
const people = ["m1", "m2", "t1", "t2", "t3"].map(person)
const memberActor = (id: PersonId) => Actor.make(id, district, ["asset-member", "teacher"])
const staff = Actor.make(PersonId.make("uo"), district, ["department-specialist"])

describe("Roster (ASSET-5.2)", () => {
  it("ASSET-5.2 shows a member the personal data and deficits of their assigned teachers only", () => {
    const roster = Roster.project(events, people)
    const cards = roster.teachersFor(memberActor(m2))
    expect(cards.map((c) => c.personId)).toEqual(["t3"])
    expect(cards[0]?.person?.fullName.surname).toBe("Фамилия-t3")
    expect(roster.deficitsFor(memberActor(m2)).map((x) => x.personId)).toEqual(["t3"])
    const refused = roster.teacherCard(memberActor(m2), t1)
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("NotPermitted")
  })

  it("ASSET-5.2 hides the other teachers of a group activity from someone who may not see them", () => {
    const roster = Roster.project(events, people)
    const own = Result.getOrThrow(roster.teacherCard(Actor.make(t1, district, ["teacher"]), t1))
    expect(own.activities[0]?.activity.teachers).toEqual(["t1"])
    const theirMember = Result.getOrThrow(roster.teacherCard(memberActor(m1), t1))
    expect(theirMember.activities[0]?.activity.teachers).toEqual(["t1", "t2"])
  })

  it("ASSET-5.2 shows the district's staff every teacher of their district, and no other district's", () => {
    const roster = Roster.project(
      [
        ...events,
        ...joined(PersonId.make("far"), DistrictId.make("other")),
        assigned(PersonId.make("far"), ids("tx")),
      ],
      people,
    )
    expect(
      roster
        .teachersFor(staff)
        .map((c) => c.personId)
        .sort(),
    ).toEqual(["t1", "t2", "t3"])
    expect(
      roster
        .membersFor(staff)
        .map((m) => m.personId)
        .sort(),
    ).toEqual(["m1", "m2"])
    const leader = Actor.make(PersonId.make("leader"), district, [
      { role: "school-leader", organisationId: school },
    ])
    expect(roster.teachersFor(leader)).toEqual([])
    expect(roster.deficitsFor(leader)).toEqual([])
  })

  it("ASSET-5.2 takes a member's view away when the assignment or the membership ends", () => {
    const unassigned = Roster.project(
      [...events, new TeachersUnassigned({ personId: m1, on: d("2025-11-01"), teachers: [t2] })],
      people,
    )
    expect(unassigned.teachersFor(memberActor(m1)).map((c) => c.personId)).toEqual(["t1"])
    const ended = Roster.project(
      [
        ...events,
        new MembershipEnded({
          personId: m1,
          on: d("2026-01-01"),
          reason: "excluded",
          exclusion: "own-request",
        }),
      ],
      people,
    )
    expect(ended.teachersFor(memberActor(m1))).toEqual([])
    expect(ended.size(district, 5)).toEqual({ active: 1, planned: 5, vacancies: 4 })
  })

  it("ASSET-5.2 never shows anyone a teacher outside the rule, for any assignments (property)", () => {
    const world = fc.record({
      members: fc.integer({ min: 1, max: 4 }),
      teachers: fc.integer({ min: 1, max: 8 }),
      links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 16 }),
      ended: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    })
    fc.assert(
      fc.property(world, ({ members, teachers, links, ended }) => {
        const ms = Array.from({ length: members }, (_, i) => PersonId.make(`m${i}`))
        const ts = Array.from({ length: teachers }, (_, i) => PersonId.make(`t${i}`))
        const byMember = new Map(ms.map((m) => [m, new Set<PersonId>()]))
        for (const [a, b] of links) byMember.get(ms[a % members]!)!.add(ts[b % teachers]!)
        const log: Array<MembershipEvent> = []
        ms.forEach((m, i) => {
          log.push(...joined(m))
          const mine = [...byMember.get(m)!]
          if (mine.length > 0) {
            log.push(assigned(m, mine), deficitsFound(m, mine, i))
          }
        })
        ms.forEach((m, i) => {
          if (ended[i])
            log.push(new MembershipEnded({ personId: m, on: d("2026-01-01"), reason: "expired" }))
        })
        const roster = Roster.project(
          log,
          [...ms, ...ts].map((id) => person(id)),
        )
        ms.forEach((m, i) => {
          const allowed = ended[i] ? new Set<PersonId>() : byMember.get(m)!
          const seen = roster.teachersFor(memberActor(m))
          for (const c of seen) expect(allowed.has(c.personId) || c.personId === m).toBe(true)
          expect(seen.length).toBe(allowed.size)
          for (const x of roster.deficitsFor(memberActor(m)))
            expect(allowed.has(x.personId)).toBe(true)
          for (const t of ts) {
            expect(Result.isSuccess(roster.teacherCard(memberActor(m), t))).toBe(allowed.has(t))
          }
          for (const c of seen) {
            for (const a of c.activities)
              for (const x of a.activity.teachers) expect(allowed.has(x)).toBe(true)
          }
        })
        for (const t of ts) {
          const self = roster.teachersFor(Actor.make(t, district, ["teacher"]))
          expect(self.every((c) => c.personId === t)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})
