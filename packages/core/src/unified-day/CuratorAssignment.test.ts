import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { OrganisationId, PersonId } from "../Ids.ts"
import * as CuratorAssignment from "./CuratorAssignment.ts"

type School = CuratorAssignment.School
type Pair = CuratorAssignment.Pair

const school = (id: string, lowResults: boolean, leader = `leader-${id}`): School => ({
  id: OrganisationId.make(id),
  lowResults,
  leaderId: PersonId.make(leader),
})

/**
 * An independent oracle: the largest number of low-results schools that can get a
 * curator, by Kuhn's matching over one slot per unit of load.
 */
const maxCurated = (schools: ReadonlyArray<School>, maxLoad: number): number => {
  const curators = [...new Set(schools.filter((s) => !s.lowResults).map((s) => s.leaderId))]
  const slots = curators.flatMap((c) => Array.from({ length: maxLoad }, () => c))
  const owner: Array<number> = slots.map(() => -1)
  const low = schools.filter((s) => s.lowResults)
  const tryAssign = (i: number, seen: Array<boolean>): boolean => {
    for (let k = 0; k < slots.length; k++) {
      if (seen[k] || slots[k] === low[i]!.leaderId) continue
      seen[k] = true
      if (owner[k] === -1 || tryAssign(owner[k]!, seen)) {
        owner[k] = i
        return true
      }
    }
    return false
  }
  let matched = 0
  for (let i = 0; i < low.length; i++)
    if (
      tryAssign(
        i,
        slots.map(() => false),
      )
    )
      matched++
  return matched
}

/** Districts of 1–24 schools; some leaders lead two schools when `sharedLeaders`. */
const district = (sharedLeaders: boolean) =>
  fc
    .array(
      fc.record({
        lowResults: fc.integer({ min: 0, max: 9 }).map((n) => n < 4),
        leader: sharedLeaders ? fc.integer({ min: 0, max: 30 }) : fc.constant(-1),
      }),
      { minLength: 1, maxLength: 24 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        school(
          `s${String(i).padStart(2, "0")}`,
          r.lowResults,
          r.leader < 0 ? `p${i}` : `p${r.leader}`,
        ),
      ),
    )

const maxLoadArb = fc.integer({ min: 1, max: 4 })

const shuffle = <A>(xs: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...xs]
  let s = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe("CuratorAssignment (EMD-2.3)", () => {
  it("EMD-2.3 gives each low-results school a leader of another school, least loaded first", () => {
    const schools = [
      school("a", true),
      school("b", true),
      school("c", true),
      school("x", false),
      school("y", false),
    ]
    const r = CuratorAssignment.assign({ schools, previous: [], maxLoad: 2 })
    expect(Result.isSuccess(r)).toBe(true)
    const pairs = Result.getOrThrow(r).pairs
    expect(pairs.map((p) => [p.schoolId, p.curatorId, p.curatorSchoolId])).toEqual([
      ["a", "leader-x", "x"],
      ["b", "leader-y", "y"],
      ["c", "leader-x", "x"],
    ])
  })

  it("EMD-2.3 explains an infeasible assignment: too few places", () => {
    const schools = [school("a", true), school("b", true), school("c", true), school("x", false)]
    const r = CuratorAssignment.assign({ schools, previous: [], maxLoad: 2 })
    expect(Result.isFailure(r)).toBe(true)
    const e = (r as Result.Failure<never, CuratorAssignment.CuratorAssignmentInfeasible>).failure
    expect(e._tag).toBe("CuratorAssignmentInfeasible")
    expect(e.needed).toBe(3)
    expect(e.capacity).toBe(2)
    expect(e.unassigned.map((u) => u.schoolId)).toEqual(["c"])
    expect(e.message).toContain("3 low-results schools need a curator")
    expect(CuratorAssignment.explain(e)).toContain("без куратора остаются: c")
  })

  it("EMD-2.3 explains a school whose only candidate is its own leader", () => {
    const schools = [school("a", true, "p1"), school("x", false, "p1")]
    const r = CuratorAssignment.assign({ schools, previous: [], maxLoad: 3 })
    const e = (r as Result.Failure<never, CuratorAssignment.CuratorAssignmentInfeasible>).failure
    expect(e.unassigned).toEqual([{ schoolId: "a", reason: "no-eligible-leader", eligible: [] }])
  })

  it("EMD-2.3 moves an existing pair only when that completes the assignment", () => {
    // b is led by q, who also leads y: only p may curate b, and p is taken by a.
    const schools = [
      school("a", true, "r"),
      school("b", true, "q"),
      school("x", false, "p"),
      school("y", false, "q"),
    ]
    const r = Result.getOrThrow(CuratorAssignment.assign({ schools, previous: [], maxLoad: 1 }))
    expect(r.pairs.map((p) => [p.schoolId, p.curatorId])).toEqual([
      ["a", "q"],
      ["b", "p"],
    ])
  })

  it("EMD-2.3 keeps valid pairs and reports removed ones with the reason", () => {
    const schools = [school("a", true), school("b", false), school("x", false), school("y", false)]
    const previous: Array<Pair> = [
      {
        schoolId: OrganisationId.make("a"),
        curatorId: PersonId.make("leader-y"),
        curatorSchoolId: OrganisationId.make("y"),
      },
      {
        schoolId: OrganisationId.make("b"),
        curatorId: PersonId.make("leader-x"),
        curatorSchoolId: OrganisationId.make("x"),
      },
      {
        schoolId: OrganisationId.make("gone"),
        curatorId: PersonId.make("leader-x"),
        curatorSchoolId: OrganisationId.make("x"),
      },
    ]
    const r = Result.getOrThrow(CuratorAssignment.assign({ schools, previous, maxLoad: 1 }))
    expect(r.kept.map((p) => p.schoolId)).toEqual(["a"])
    expect(r.added).toEqual([])
    expect(r.removed.map((x) => [x.pair.schoolId, x.reason])).toEqual([
      ["b", "school-no-longer-low-results"],
      ["gone", "school-gone"],
    ])
  })

  it("EMD-2.3 property: no self-curation, load bound, exactly one curator each exactly when feasible", () => {
    fc.assert(
      fc.property(district(true), maxLoadArb, (schools, maxLoad) => {
        const r = CuratorAssignment.assign({ schools, previous: [], maxLoad })
        const needed = schools.filter((s) => s.lowResults).length
        const feasible = maxCurated(schools, maxLoad) === needed
        expect(Result.isSuccess(r)).toBe(feasible)
        if (Result.isSuccess(r)) {
          expect(CuratorAssignment.validate(schools, r.success.pairs, maxLoad)).toEqual([])
          expect(r.success.pairs.length).toBe(needed)
        } else {
          expect(r.failure.needed).toBe(needed)
          expect(r.failure.unassigned.length).toBe(needed - maxCurated(schools, maxLoad))
          expect(r.failure.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 },
    )
  })

  it("EMD-2.3 property: deterministic whatever the order of schools and previous pairs", () => {
    fc.assert(
      fc.property(
        district(true),
        maxLoadArb,
        fc.integer(),
        fc.nat(),
        (schools, maxLoad, seed, cut) => {
          const base = CuratorAssignment.assign({
            schools: schools.slice(0, Math.max(1, schools.length - (cut % 3))),
            previous: [],
            maxLoad,
          })
          const previous = Result.isSuccess(base) ? base.success.pairs : []
          const a = CuratorAssignment.assign({ schools, previous, maxLoad })
          const b = CuratorAssignment.assign({
            schools: shuffle(schools, seed),
            previous: shuffle(previous, seed + 1),
            maxLoad,
          })
          expect(b).toEqual(a)
        },
      ),
      { numRuns: 200 },
    )
  })

  it("EMD-2.3 property: minimal change when a school is added, removed or changes its flag", () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), low: fc.boolean() }),
      fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("flip" as const), at: fc.nat() }),
    )
    fc.assert(
      fc.property(district(false), maxLoadArb, change, (schools, maxLoad, ch) => {
        const before = CuratorAssignment.assign({ schools, previous: [], maxLoad })
        fc.pre(Result.isSuccess(before))
        const previous = (before as Result.Success<CuratorAssignment.Assignment, never>).success
          .pairs
        let next: Array<School>
        if (ch.kind === "add") next = [...schools, school("s99", ch.low, "p99")]
        else if (ch.kind === "remove") next = schools.filter((_, i) => i !== ch.at % schools.length)
        else
          next = schools.map((s, i) =>
            i === ch.at % schools.length ? { ...s, lowResults: !s.lowResults } : s,
          )
        const after = CuratorAssignment.assign({ schools: next, previous, maxLoad })
        if (Result.isFailure(after)) {
          expect(maxCurated(next, maxLoad)).toBeLessThan(next.filter((s) => s.lowResults).length)
          return
        }
        const stillValid = previous.filter(
          (p) =>
            CuratorAssignment.validate(next, [p], maxLoad).filter(
              (x) => !x.includes("has no curator"),
            ).length === 0,
        )
        // Distinct leaders: no pair ever has to move, so every still-valid pair is kept.
        for (const p of stillValid) expect(after.success.pairs).toContainEqual(p)
        expect(after.success.added.length).toBe(after.success.pairs.length - stillValid.length)
      }),
      { numRuns: 300 },
    )
  })

  it("EMD-2.3 property: re-running on its own output changes nothing", () => {
    fc.assert(
      fc.property(district(true), maxLoadArb, (schools, maxLoad) => {
        const r = CuratorAssignment.assign({ schools, previous: [], maxLoad })
        fc.pre(Result.isSuccess(r))
        const pairs = (r as Result.Success<CuratorAssignment.Assignment, never>).success.pairs
        const again = Result.getOrThrow(
          CuratorAssignment.assign({ schools, previous: pairs, maxLoad }),
        )
        expect(again.pairs).toEqual(pairs)
        expect(again.added).toEqual([])
        expect(again.removed).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
