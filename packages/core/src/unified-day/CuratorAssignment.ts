/**
 * Curator assignment (EMD-2.3): every low-results school (школа, повышающая свои
 * результаты) gets exactly one curator (куратор), a leader of another school of the
 * district that is not itself low-results, and no curator takes more schools than the
 * regulation's maximum load.
 *
 * The rule is pure and deterministic: the same input gives the same output whatever the
 * order of the lists. It changes as little as possible: every previous pair that is still
 * valid is kept, and only the schools left without a curator are assigned, in order of
 * their ids, each to the least-loaded eligible leader (ties broken by id). Only when that
 * greedy step leaves a school without a curator although a complete assignment exists is
 * an existing pair moved, along the shortest chain of moves that frees a place
 * (an augmenting path), so a complete assignment is found whenever one exists. When none
 * exists the result is a {@link CuratorAssignmentInfeasible} that explains why.
 *
 * @module
 */
import { Result, Schema } from "effect"
import { OrganisationId, PersonId } from "../Ids.ts"

/** A school of the district as the rule sees it: its id, its low-results flag, its leader. */
export const School = Schema.Struct({
  id: OrganisationId,
  lowResults: Schema.Boolean,
  leaderId: PersonId,
})
/** @see School */
export type School = typeof School.Type

/** One low-results school and its curator (the leader of `curatorSchoolId`). */
export const Pair = Schema.Struct({
  schoolId: OrganisationId,
  curatorId: PersonId,
  curatorSchoolId: OrganisationId,
})
/** @see Pair */
export type Pair = typeof Pair.Type

/** The maximum number of schools one curator may take: a positive integer. */
export const MaxLoad = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
/** @see MaxLoad */
export type MaxLoad = typeof MaxLoad.Type

/** Why a previous pair was dropped or changed. */
export const RemovalReason = Schema.Literals([
  "school-gone",
  "school-no-longer-low-results",
  "curator-not-eligible",
  "over-max-load",
  "duplicate-school",
  "moved-to-complete-assignment",
])
/** @see RemovalReason */
export type RemovalReason = typeof RemovalReason.Type

/** A previous pair that the new assignment does not keep, and why. */
export const Removal = Schema.Struct({ pair: Pair, reason: RemovalReason })
/** @see Removal */
export type Removal = typeof Removal.Type

/** A complete assignment and how it differs from the previous one. */
export interface Assignment {
  /** One pair per low-results school, sorted by school id. */
  readonly pairs: ReadonlyArray<Pair>
  /** Previous pairs kept unchanged (the curator's school id may be refreshed). */
  readonly kept: ReadonlyArray<Pair>
  /** Pairs that are new in this assignment. */
  readonly added: ReadonlyArray<Pair>
  /** Previous pairs not kept, with the reason. */
  readonly removed: ReadonlyArray<Removal>
}

/** Why one low-results school could not get a curator. */
export const UnassignedReason = Schema.Literals(["no-eligible-leader", "all-eligible-leaders-full"])
/** @see UnassignedReason */
export type UnassignedReason = typeof UnassignedReason.Type

/** A low-results school left without a curator, and the leaders who could have taken it. */
export const Unassigned = Schema.Struct({
  schoolId: OrganisationId,
  reason: UnassignedReason,
  /** Leaders eligible for this school (all at full load when the reason says so). */
  eligible: Schema.Array(PersonId),
})
/** @see Unassigned */
export type Unassigned = typeof Unassigned.Type

/**
 * EMD-2.3: no complete curator assignment exists. Says how many schools need a curator,
 * how many leaders may act as curators and how many places they give at the maximum
 * load, and, for each school left out, why.
 */
export class CuratorAssignmentInfeasible extends Schema.TaggedError<CuratorAssignmentInfeasible>()(
  "CuratorAssignmentInfeasible",
  {
    /** Low-results schools that need a curator. */
    needed: Schema.Number,
    /** Distinct leaders of schools that are not low-results. */
    curators: Schema.Number,
    maxLoad: Schema.Number,
    /** `curators × maxLoad`: the most schools that can be curated. */
    capacity: Schema.Number,
    unassigned: Schema.Array(Unassigned),
  },
) {
  override get message(): string {
    return explain(this, "en")
  }
}

/**
 * The explanation of an infeasible assignment for the coordinator, in Russian by
 * default or in English.
 */
export const explain = (error: CuratorAssignmentInfeasible, locale: "ru" | "en" = "ru"): string => {
  const ids = error.unassigned.map((u) => u.schoolId).join(", ")
  if (locale === "en") {
    const head =
      error.needed > error.capacity
        ? `${error.needed} low-results schools need a curator, but ${error.curators} leaders of other schools with at most ${error.maxLoad} schools each can take only ${error.capacity}`
        : `no complete curator assignment exists`
    const detail = error.unassigned
      .map((u) =>
        u.reason === "no-eligible-leader"
          ? `${u.schoolId}: no leader of another school that is not low-results is eligible`
          : `${u.schoolId}: every eligible leader (${u.eligible.join(", ")}) already has ${error.maxLoad} schools`,
      )
      .join("; ")
    return `${head}; left without a curator: ${ids}${detail === "" ? "" : ` (${detail})`}`
  }
  const head =
    error.needed > error.capacity
      ? `кураторы нужны ${error.needed} школам с низкими результатами, а ${error.curators} руководителей других школ при нагрузке не более ${error.maxLoad} могут взять только ${error.capacity}`
      : `полное закрепление кураторов невозможно`
  const detail = error.unassigned
    .map((u) =>
      u.reason === "no-eligible-leader"
        ? `${u.schoolId}: нет руководителя другой школы, не относящейся к ШНОР`
        : `${u.schoolId}: все подходящие руководители (${u.eligible.join(", ")}) уже курируют по ${error.maxLoad} школ`,
    )
    .join("; ")
  return `${head}; без куратора остаются: ${ids}${detail === "" ? "" : ` (${detail})`}`
}

/** What the rule is given. */
export interface Input {
  /** The district's schools (any order). */
  readonly schools: ReadonlyArray<School>
  /** The assignment in force before (any order); empty for the first one. */
  readonly previous: ReadonlyArray<Pair>
  /** At most this many schools per curator (EMD-2.3, a regulation setting). */
  readonly maxLoad: number
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Assigns curators to every low-results school (EMD-2.3), keeping every still-valid
 * previous pair, or explains why no complete assignment exists.
 *
 * @example
 * const r = assign({ schools, previous: [], maxLoad: 2 })
 * if (Result.isSuccess(r)) r.success.pairs // one pair per low-results school
 */
export const assign = (input: Input): Result.Result<Assignment, CuratorAssignmentInfeasible> => {
  const maxLoad = Number.isFinite(input.maxLoad) ? Math.max(0, Math.floor(input.maxLoad)) : 0
  const schools = [...input.schools].sort((a, b) => byString(a.id, b.id))
  const schoolById = new Map<OrganisationId, School>()
  for (const s of schools) if (!schoolById.has(s.id)) schoolById.set(s.id, s)

  // A leader of several eligible schools is one curator, named after the first of them.
  const curatorSchool = new Map<PersonId, OrganisationId>()
  for (const s of schoolById.values()) {
    if (!s.lowResults && !curatorSchool.has(s.leaderId)) curatorSchool.set(s.leaderId, s.id)
  }
  const curators = [...curatorSchool.keys()].sort(byString)
  const lowSchools = [...schoolById.values()].filter((s) => s.lowResults)
  const eligibleFor = (school: School): ReadonlyArray<PersonId> =>
    curators.filter((c) => c !== school.leaderId)

  const current = new Map<OrganisationId, PersonId>()
  const load = new Map<PersonId, number>(curators.map((c) => [c, 0]))
  const removed: Array<Removal> = []
  const previous = [...input.previous].sort(
    (a, b) => byString(a.schoolId, b.schoolId) || byString(a.curatorId, b.curatorId),
  )
  for (const pair of previous) {
    const school = schoolById.get(pair.schoolId)
    const reason: RemovalReason | undefined =
      school === undefined
        ? "school-gone"
        : !school.lowResults
          ? "school-no-longer-low-results"
          : !curatorSchool.has(pair.curatorId) || pair.curatorId === school.leaderId
            ? "curator-not-eligible"
            : current.has(pair.schoolId)
              ? "duplicate-school"
              : (load.get(pair.curatorId) ?? 0) >= maxLoad
                ? "over-max-load"
                : undefined
    if (reason !== undefined) {
      removed.push({ pair, reason })
      continue
    }
    current.set(pair.schoolId, pair.curatorId)
    load.set(pair.curatorId, (load.get(pair.curatorId) ?? 0) + 1)
  }

  const assignTo = (schoolId: OrganisationId, curatorId: PersonId) => {
    const before = current.get(schoolId)
    if (before !== undefined) load.set(before, (load.get(before) ?? 0) - 1)
    current.set(schoolId, curatorId)
    load.set(curatorId, (load.get(curatorId) ?? 0) + 1)
  }

  // The shortest chain of moves that frees a place for `school` (breadth-first search
  // over curators at full load), or undefined when none exists.
  const augment = (school: School): boolean => {
    type Step = {
      readonly curator: PersonId
      readonly via?: { school: OrganisationId; from: Step }
    }
    const visited = new Set<PersonId>()
    const queue: Array<Step> = []
    for (const c of eligibleFor(school)) {
      visited.add(c)
      queue.push({ curator: c })
    }
    for (let i = 0; i < queue.length; i++) {
      const step = queue[i]!
      if ((load.get(step.curator) ?? 0) < maxLoad) {
        // Walk back: each school on the chain moves to the curator after it.
        let s: Step = step
        while (s.via !== undefined) {
          assignTo(s.via.school, s.curator)
          s = s.via.from
        }
        assignTo(school.id, s.curator)
        return true
      }
      const theirs = [...current.entries()]
        .filter(([, c]) => c === step.curator)
        .map(([id]) => id)
        .sort(byString)
      for (const moved of theirs) {
        const movedSchool = schoolById.get(moved)
        if (movedSchool === undefined) continue
        for (const c of eligibleFor(movedSchool)) {
          if (visited.has(c)) continue
          visited.add(c)
          queue.push({ curator: c, via: { school: moved, from: step } })
        }
      }
    }
    return false
  }

  const unassigned: Array<Unassigned> = []
  for (const school of lowSchools) {
    if (current.has(school.id)) continue
    const eligible = eligibleFor(school)
    let best: PersonId | undefined
    for (const c of eligible) {
      const l = load.get(c) ?? 0
      if (l >= maxLoad) continue
      if (best === undefined || l < (load.get(best) ?? 0)) best = c
    }
    if (best !== undefined) assignTo(school.id, best)
    else if (!augment(school)) {
      unassigned.push({
        schoolId: school.id,
        reason: eligible.length === 0 ? "no-eligible-leader" : "all-eligible-leaders-full",
        eligible: [...eligible],
      })
    }
  }

  if (unassigned.length > 0) {
    return Result.fail(
      new CuratorAssignmentInfeasible({
        needed: lowSchools.length,
        curators: curators.length,
        maxLoad,
        capacity: curators.length * maxLoad,
        unassigned,
      }),
    )
  }

  const pairs: Array<Pair> = lowSchools.map((s) => {
    const curatorId = current.get(s.id)!
    return { schoolId: s.id, curatorId, curatorSchoolId: curatorSchool.get(curatorId)! }
  })
  const kept: Array<Pair> = []
  const added: Array<Pair> = []
  const keptIds = new Set<OrganisationId>()
  for (const pair of previous) {
    if (removed.some((r) => r.pair === pair)) continue
    const now = pairs.find((p) => p.schoolId === pair.schoolId)
    if (now !== undefined && now.curatorId === pair.curatorId) {
      kept.push(now)
      keptIds.add(now.schoolId)
    } else removed.push({ pair, reason: "moved-to-complete-assignment" })
  }
  for (const p of pairs) if (!keptIds.has(p.schoolId)) added.push(p)
  return Result.succeed({ pairs, kept, added, removed })
}

/**
 * Checks an assignment against the rule's invariants for a district (EMD-2.3): the
 * problems found, empty when it is valid. Useful for tests and for checking an
 * assignment entered by hand.
 */
export const validate = (
  schools: ReadonlyArray<School>,
  pairs: ReadonlyArray<Pair>,
  maxLoad: number,
): ReadonlyArray<string> => {
  const problems: Array<string> = []
  const byId = new Map(schools.map((s) => [s.id, s] as const))
  const load = new Map<PersonId, number>()
  const seen = new Set<OrganisationId>()
  for (const p of pairs) {
    const school = byId.get(p.schoolId)
    const curatorSchool = byId.get(p.curatorSchoolId)
    if (school === undefined || !school.lowResults) {
      problems.push(`${p.schoolId} is not a low-results school of the district`)
    }
    if (seen.has(p.schoolId)) problems.push(`${p.schoolId} has more than one curator`)
    seen.add(p.schoolId)
    if (curatorSchool === undefined || curatorSchool.lowResults) {
      problems.push(`${p.curatorSchoolId} is not a school of the district without low results`)
    } else if (curatorSchool.leaderId !== p.curatorId) {
      problems.push(`${p.curatorId} does not lead ${p.curatorSchoolId}`)
    }
    if (school !== undefined && school.leaderId === p.curatorId) {
      problems.push(`${p.curatorId} would curate their own school ${p.schoolId}`)
    }
    load.set(p.curatorId, (load.get(p.curatorId) ?? 0) + 1)
  }
  for (const [curator, n] of load) {
    if (n > maxLoad) problems.push(`${curator} curates ${n} schools, more than ${maxLoad}`)
  }
  for (const s of schools) {
    if (s.lowResults && !seen.has(s.id)) problems.push(`${s.id} has no curator`)
  }
  return problems
}
