/**
 * Eligibility for the municipal methodical asset (ASSET-3.1) as pure typed rules, judged
 * on a given date with the regulation in force that day.
 *
 * The bases are data (`Criteria`): a district changes thresholds or adds a basis in its
 * regulation. {@link compile} turns a regulation's bases once into a small program (an
 * opcode per distinct criterion, shared by the bases that use it) and closures that write
 * evidence and failures. The resulting {@link Screener} reads each teacher's records once
 * per date (category, education, flags, and the length of experience when a criterion
 * asks), judges every distinct criterion once, and allocates only the explanation it
 * returns.
 *
 * Only records dated on or before the date count: a category awarded later, a period
 * begun later, an assessment passed later are not seen.
 *
 * @module
 */
import type * as LocalDate from "../calendar/LocalDate.ts"
import type { Basis, BasisId, Criterion, Simple } from "../kernel/Criteria.ts"
import type { Education, EducationLevel } from "../kernel/Education.ts"
import * as Experience from "../kernel/Experience.ts"
import * as Qualification from "../kernel/Qualification.ts"
import type {
  CompetenceAssessment,
  MethodicalAssociationMember,
  StablyHighResults,
  SubjectAssociationHead,
  Support500Plus,
} from "../kernel/ResultFlag.ts"
import type { Teacher } from "../kernel/Teacher.ts"
import type { Eligible, Evidence, Explanation, Failure, SimpleFailure } from "./Explanation.ts"

/** What eligibility reads from the regulation in force: the bases and the attestation rules. */
export interface Rules {
  readonly asset: { readonly bases: ReadonlyArray<Basis> }
  readonly qualification: Qualification.QualificationSettings
}

/** The records of a teacher that eligibility reads. */
export type Candidate = Pick<
  Teacher,
  "categories" | "qualifications" | "education" | "experience" | "results"
>

/** A regulation's bases compiled for fast, repeated judgement. */
export interface Screener {
  /** The bases, in the regulation's order. */
  readonly bases: ReadonlyArray<Basis>
  /** The attestation rules categories are judged by. */
  readonly qualification: Qualification.QualificationSettings
  /** The eligibility of one teacher on `date`, with its explanation. */
  readonly evaluate: (teacher: Candidate, date: LocalDate.LocalDate) => Explanation
  /** Whether basis number `index` holds for the teacher on `date`. */
  readonly holds: (teacher: Candidate, date: LocalDate.LocalDate, index: number) => boolean
  /**
   * The experience thresholds the bases use, so a search for the day a teacher becomes
   * eligible knows on which days experience can make a criterion hold.
   */
  readonly experienceThresholds: ReadonlyArray<{ readonly years: number; readonly months: number }>
}

/** The facts about one teacher on one date, read once and shared by every criterion. */
interface Facts {
  teacher: Candidate
  date: LocalDate.LocalDate
  dateKey: number
  award: Qualification.CategoryAward | undefined
  awardValid: boolean
  educationMask: number
  stably: StablyHighResults | undefined
  head: SubjectAssociationHead | undefined
  member: MethodicalAssociationMember | undefined
  supportLeader: Support500Plus | undefined
  supportDeputy: Support500Plus | undefined
  assessment: CompetenceAssessment | undefined
  /** The length of experience in units; -1 until a criterion asks for it. */
  experienceUnits: number
}

interface CompiledCriterion {
  /** Whether it holds; used to pick the alternative of an `AnyOf` whose evidence is shown. */
  readonly test: (f: Facts) => boolean
  readonly evidence: (f: Facts) => Evidence
  readonly failure: (f: Facts, index: number) => Failure
}

interface CompiledSimple extends CompiledCriterion {
  readonly failure: (f: Facts, index: number) => SimpleFailure
}

/** `YYYYMMDD` as a number, read without allocating. */
const key = (date: string): number =>
  (date.charCodeAt(0) - 48) * 10_000_000 +
  (date.charCodeAt(1) - 48) * 1_000_000 +
  (date.charCodeAt(2) - 48) * 100_000 +
  (date.charCodeAt(3) - 48) * 10_000 +
  (date.charCodeAt(5) - 48) * 1000 +
  (date.charCodeAt(6) - 48) * 100 +
  (date.charCodeAt(8) - 48) * 10 +
  (date.charCodeAt(9) - 48)

const LEVEL_BIT: Readonly<Record<EducationLevel, number>> = {
  "higher-pedagogical": 1,
  "higher-non-pedagogical": 2,
  "higher-with-pedagogical-retraining": 4,
  "secondary-vocational-pedagogical": 8,
  "secondary-vocational-non-pedagogical": 16,
}

const holdsOn = (from: string, to: string | undefined, date: string): boolean =>
  from <= date && (to === undefined || date <= to)

let starts = new Float64Array(16)
let ends = new Float64Array(16)

/** The length of the experience periods on `date`, in units, through reused buffers. */
const experienceUnits = (
  records: ReadonlyArray<Experience.ExperienceRecord>,
  date: LocalDate.LocalDate,
): number => {
  const n = records.length
  if (n === 0) return 0
  if (starts.length < n) {
    starts = new Float64Array(n * 2)
    ends = new Float64Array(n * 2)
  }
  for (let i = 0; i < n; i++) {
    const r = records[i]!
    starts[i] = Experience.dayOf(r.from)
    ends[i] = r.to === undefined ? Experience.OPEN : Experience.dayOf(r.to)
  }
  return Experience.unitsOnDays(starts, ends, Experience.dayOf(date), n)
}

const experienceOf = (f: Facts): number => {
  if (f.experienceUnits < 0) f.experienceUnits = experienceUnits(f.teacher.experience, f.date)
  return f.experienceUnits
}

const withPeriod = <
  T extends { readonly from: LocalDate.LocalDate; readonly to?: LocalDate.LocalDate },
>(
  r: T,
): { readonly from: LocalDate.LocalDate; readonly to?: LocalDate.LocalDate } =>
  r.to === undefined ? { from: r.from } : { from: r.from, to: r.to }

const compileSimple = (
  c: Simple,
  settings: Qualification.QualificationSettings,
): CompiledSimple => {
  switch (c._tag) {
    case "StablyHighResults":
      return {
        test: (f) => f.stably !== undefined,
        evidence: (f) => ({ _tag: "StablyHighResults", ...withPeriod(f.stably!) }),
        failure: (_, index) => ({ _tag: "StablyHighResults", index }),
      }
    case "CategoryAtLeast": {
      const required = c.category
      const rank = Qualification.rank(required)
      return {
        test: (f) => f.awardValid && Qualification.rank(f.award!.category) >= rank,
        evidence: (f) => {
          const award = f.award!
          const end = Qualification.validThrough(award, settings)
          return end === undefined
            ? { _tag: "CategoryAtLeast", category: award.category, awardedOn: award.awardedOn }
            : {
                _tag: "CategoryAtLeast",
                category: award.category,
                awardedOn: award.awardedOn,
                validThrough: end,
              }
        },
        failure: (f, index) => {
          if (f.award === undefined)
            return { _tag: "CategoryAtLeast", index, required, category: "none" }
          if (f.awardValid) {
            return { _tag: "CategoryAtLeast", index, required, category: f.award.category }
          }
          const validThrough = Qualification.validThrough(f.award, settings)
          return validThrough === undefined
            ? { _tag: "CategoryAtLeast", index, required, category: "none" }
            : {
                _tag: "CategoryAtLeast",
                index,
                required,
                category: "none",
                lapsed: { category: f.award.category, validThrough },
              }
        },
      }
    }
    case "EducationIn": {
      const levels = c.levels
      let mask = 0
      for (const level of levels) mask |= LEVEL_BIT[level]
      return {
        test: (f) => (f.educationMask & mask) !== 0,
        evidence: (f) => {
          const e = f.teacher.education.find(
            (x: Education) => x.completedOn <= f.date && (LEVEL_BIT[x.level] & mask) !== 0,
          )!
          return { _tag: "EducationIn", level: e.level, completedOn: e.completedOn }
        },
        failure: (_, index) => ({ _tag: "EducationIn", index, levels }),
      }
    }
    case "ExperienceAtLeast": {
      const years = c.years
      const months = c.months ?? 0
      const target = years * 360 + months * 30
      return {
        test: (f) => experienceOf(f) >= target,
        evidence: (f) => ({
          _tag: "ExperienceAtLeast",
          experience: Experience.fromUnits(experienceOf(f)),
          years,
          months,
        }),
        failure: (f, index) => ({
          _tag: "ExperienceAtLeast",
          index,
          experience: Experience.fromUnits(experienceOf(f)),
          years,
          months,
        }),
      }
    }
    case "CompetenceAssessmentPassed": {
      const within = c.withinYears
      return {
        test: (f) =>
          f.assessment !== undefined &&
          (within === undefined || f.dateKey - within * 10_000 < key(f.assessment.passedOn)),
        evidence: (f) => ({ _tag: "CompetenceAssessmentPassed", passedOn: f.assessment!.passedOn }),
        failure: (f, index) => {
          const base: { _tag: "CompetenceAssessmentPassed"; index: number } = {
            _tag: "CompetenceAssessmentPassed",
            index,
          }
          if (within === undefined) return base
          return f.assessment === undefined
            ? { ...base, withinYears: within }
            : { ...base, withinYears: within, lastPassedOn: f.assessment.passedOn }
        },
      }
    }
    case "SubjectAssociationHead":
      return {
        test: (f) => f.head !== undefined,
        evidence: (f) => ({
          _tag: "SubjectAssociationHead",
          ...withPeriod(f.head!),
          subject: f.head!.subject,
        }),
        failure: (_, index) => ({ _tag: "SubjectAssociationHead", index }),
      }
    case "MethodicalAssociationMember":
      return {
        test: (f) => f.member !== undefined,
        evidence: (f) => ({ _tag: "MethodicalAssociationMember", ...withPeriod(f.member!) }),
        failure: (_, index) => ({ _tag: "MethodicalAssociationMember", index }),
      }
    case "Support500PlusExperience": {
      const roles = c.roles
      const leader = roles.includes("leader")
      const deputy = roles.includes("deputy-leader")
      const found = (f: Facts) =>
        (leader ? f.supportLeader : undefined) ?? (deputy ? f.supportDeputy : undefined)
      return {
        test: (f) => found(f) !== undefined,
        evidence: (f) => {
          const r = found(f)!
          return { _tag: "Support500PlusExperience", role: r.role, ...withPeriod(r) }
        },
        failure: (_, index) => ({ _tag: "Support500PlusExperience", index, roles }),
      }
    }
    case "QualificationHeld": {
      const kinds = c.qualifications
      const found = (f: Facts) => {
        if (!f.awardValid || f.award!.category !== "highest") return undefined
        for (const q of f.teacher.qualifications) {
          if (q.awardedOn <= f.date && kinds.includes(q.qualification)) return q
        }
        return undefined
      }
      return {
        test: (f) => found(f) !== undefined,
        evidence: (f) => {
          const q = found(f)!
          return {
            _tag: "QualificationHeld",
            qualification: q.qualification,
            awardedOn: q.awardedOn,
          }
        },
        failure: (_, index) => ({ _tag: "QualificationHeld", index, qualifications: kinds }),
      }
    }
  }
}

const compileCriterion = (
  c: Criterion,
  settings: Qualification.QualificationSettings,
): CompiledCriterion => {
  if (c._tag !== "AnyOf") return compileSimple(c, settings)
  const alternatives = c.anyOf.map((a) => compileSimple(a, settings))
  const n = alternatives.length
  return {
    test: (f) => {
      for (let i = 0; i < n; i++) if (alternatives[i]!.test(f)) return true
      return false
    },
    evidence: (f) => alternatives.find((a) => a.test(f))!.evidence(f),
    failure: (f, index) => ({
      _tag: "AnyOf",
      index,
      failures: alternatives.map((a, i) => a.failure(f, i)) as [
        SimpleFailure,
        ...Array<SimpleFailure>,
      ],
    }),
  }
}

interface CompiledBasis {
  readonly id: BasisId
  /** For each criterion of the basis, its slot among the regulation's distinct criteria. */
  readonly slots: ReadonlyArray<number>
  readonly criteria: ReadonlyArray<CompiledCriterion>
}

// The tests of the criteria run as a small program: an opcode and a numeric parameter per
// distinct criterion, dispatched by one switch over facts held in local variables. That
// keeps the judgement of a teacher free of calls through closures; the closures compiled
// above only build the evidence and the failures that go into the explanation.
const OP_STABLY = 0
const OP_CATEGORY = 1
const OP_EDUCATION = 2
const OP_EXPERIENCE = 3
const OP_ASSESSMENT = 4
const OP_HEAD = 5
const OP_MEMBER = 6
const OP_SUPPORT = 7
const OP_QUALIFICATION = 8

const QUALIFICATION_BIT: Readonly<Record<Qualification.QualificationKind, number>> = {
  methodist: 1,
  mentor: 2,
}

const opcode = (c: Simple): readonly [number, number] => {
  switch (c._tag) {
    case "StablyHighResults":
      return [OP_STABLY, 0]
    case "CategoryAtLeast":
      return [OP_CATEGORY, Qualification.rank(c.category)]
    case "EducationIn":
      return [OP_EDUCATION, c.levels.reduce((m, l) => m | LEVEL_BIT[l], 0)]
    case "ExperienceAtLeast":
      return [OP_EXPERIENCE, c.years * 360 + (c.months ?? 0) * 30]
    case "CompetenceAssessmentPassed":
      return [OP_ASSESSMENT, c.withinYears ?? 0]
    case "SubjectAssociationHead":
      return [OP_HEAD, 0]
    case "MethodicalAssociationMember":
      return [OP_MEMBER, 0]
    case "Support500PlusExperience":
      return [
        OP_SUPPORT,
        (c.roles.includes("leader") ? 1 : 0) | (c.roles.includes("deputy-leader") ? 2 : 0),
      ]
    case "QualificationHeld":
      return [OP_QUALIFICATION, c.qualifications.reduce((m, k) => m | QUALIFICATION_BIT[k], 0)]
  }
}

/**
 * Compiles a regulation's bases once, for any number of teachers and dates.
 *
 * @example
 * const screener = Eligibility.compile(settings)
 * screener.evaluate(teacher, LocalDate.unsafeFromString("2025-09-01"))
 */
export const compile = (rules: Rules): Screener => {
  const settings = rules.qualification

  // Distinct simple criteria get one slot each, shared by every basis and alternative
  // that uses them (the highest category of (a) and (b) is judged once); an `AnyOf`
  // gets a slot after them, holding when one of its alternatives' slots holds.
  const ops: Array<number> = []
  const params: Array<number> = []
  const slotOf = new Map<string, number>()
  const simpleSlot = (c: Simple): number => {
    const k = JSON.stringify(c)
    let slot = slotOf.get(k)
    if (slot === undefined) {
      slot = ops.length
      const [op, param] = opcode(c)
      ops.push(op)
      params.push(param)
      slotOf.set(k, slot)
    }
    return slot
  }
  const alternatives: Array<ReadonlyArray<number>> = []
  const basisSlots = rules.asset.bases.map((b) =>
    b.criteria.map((c) => {
      if (c._tag !== "AnyOf") return simpleSlot(c)
      alternatives.push(c.anyOf.map(simpleSlot))
      return -alternatives.length
    }),
  )
  const simpleCount = ops.length
  // An AnyOf's slot number is placed after the simple ones.
  const bases: ReadonlyArray<CompiledBasis> = rules.asset.bases.map((b, i) => ({
    id: b.id,
    slots: basisSlots[i]!.map((slot) => (slot >= 0 ? slot : simpleCount - slot - 1)),
    criteria: b.criteria.map((c) => compileCriterion(c, settings)),
  }))
  const opOf = Int32Array.from(ops)
  const paramOf = Float64Array.from(params)
  const anyOf = alternatives.map((a) => Int32Array.from(a))
  const verdicts = new Uint8Array(simpleCount + alternatives.length)

  const facts: Facts = {
    teacher: { categories: [], qualifications: [], education: [], experience: [], results: [] },
    date: "" as LocalDate.LocalDate,
    dateKey: 0,
    award: undefined,
    awardValid: false,
    educationMask: 0,
    stably: undefined,
    head: undefined,
    member: undefined,
    supportLeader: undefined,
    supportDeputy: undefined,
    assessment: undefined,
    experienceUnits: -1,
  }

  /** Judges every distinct criterion for the teacher on the date into `verdicts`. */
  const judge = (teacher: Candidate, date: LocalDate.LocalDate): void => {
    const dateKey = key(date)
    const award = Qualification.latestAwardOn(teacher, date)
    const awardValid = award !== undefined && Qualification.isValidOn(award, date, settings)
    const awardRank = awardValid ? Qualification.rank(award.category) : 0
    let educationMask = 0
    for (const e of teacher.education)
      if (e.completedOn <= date) educationMask |= LEVEL_BIT[e.level]
    let stably: StablyHighResults | undefined
    let head: SubjectAssociationHead | undefined
    let member: MethodicalAssociationMember | undefined
    let supportLeader: Support500Plus | undefined
    let supportDeputy: Support500Plus | undefined
    let assessment: CompetenceAssessment | undefined
    for (const r of teacher.results) {
      switch (r._tag) {
        case "StablyHighResults":
          if (stably === undefined && holdsOn(r.from, r.to, date)) stably = r
          break
        case "SubjectAssociationHead":
          if (head === undefined && holdsOn(r.from, r.to, date)) head = r
          break
        case "MethodicalAssociationMember":
          if (member === undefined && holdsOn(r.from, r.to, date)) member = r
          break
        case "Support500Plus":
          if (r.from <= date) {
            if (r.role === "leader") {
              if (supportLeader === undefined || r.from < supportLeader.from) supportLeader = r
            } else if (supportDeputy === undefined || r.from < supportDeputy.from) {
              supportDeputy = r
            }
          }
          break
        case "CompetenceAssessment":
          if (
            r.passedOn <= date &&
            (assessment === undefined || r.passedOn > assessment.passedOn)
          ) {
            assessment = r
          }
          break
      }
    }
    let units = -1
    for (let slot = 0; slot < simpleCount; slot++) {
      const param = paramOf[slot]!
      let holds = false
      switch (opOf[slot]) {
        case OP_STABLY:
          holds = stably !== undefined
          break
        case OP_CATEGORY:
          holds = awardRank >= param
          break
        case OP_EDUCATION:
          holds = (educationMask & param) !== 0
          break
        case OP_EXPERIENCE:
          if (units < 0) units = experienceUnits(teacher.experience, date)
          holds = units >= param
          break
        case OP_ASSESSMENT:
          holds =
            assessment !== undefined &&
            (param === 0 || dateKey - param * 10_000 < key(assessment.passedOn))
          break
        case OP_HEAD:
          holds = head !== undefined
          break
        case OP_MEMBER:
          holds = member !== undefined
          break
        case OP_SUPPORT:
          holds =
            ((param & 1) !== 0 && supportLeader !== undefined) ||
            ((param & 2) !== 0 && supportDeputy !== undefined)
          break
        case OP_QUALIFICATION:
          if (awardValid && award.category === "highest") {
            for (const q of teacher.qualifications) {
              if (q.awardedOn <= date && (QUALIFICATION_BIT[q.qualification] & param) !== 0) {
                holds = true
                break
              }
            }
          }
          break
      }
      verdicts[slot] = holds ? 1 : 0
    }
    for (let a = 0; a < anyOf.length; a++) {
      const alternativesOf = anyOf[a]!
      let holds = 0
      for (let i = 0; i < alternativesOf.length; i++) holds |= verdicts[alternativesOf[i]!]!
      verdicts[simpleCount + a] = holds
    }
    // The facts, for the closures that write evidence and failures.
    const f = facts
    f.teacher = teacher
    f.date = date
    f.dateKey = dateKey
    f.award = award
    f.awardValid = awardValid
    f.educationMask = educationMask
    f.stably = stably
    f.head = head
    f.member = member
    f.supportLeader = supportLeader
    f.supportDeputy = supportDeputy
    f.assessment = assessment
    f.experienceUnits = units
  }

  const basisHolds = (b: CompiledBasis): boolean => {
    const slots = b.slots
    for (let i = 0; i < slots.length; i++) if (verdicts[slots[i]!] === 0) return false
    return true
  }

  const evaluate = (teacher: Candidate, date: LocalDate.LocalDate): Explanation => {
    judge(teacher, date)
    const f = facts
    for (const b of bases) {
      if (basisHolds(b)) {
        const criteria = b.criteria
        const evidence: Array<Evidence> = []
        for (let i = 0; i < criteria.length; i++) evidence.push(criteria[i]!.evidence(f))
        const eligible: Eligible = {
          _tag: "Eligible",
          date,
          basis: b.id,
          evidence: evidence as [Evidence, ...Array<Evidence>],
        }
        return eligible
      }
    }
    const failed: Array<{ basis: BasisId; failures: [Failure, ...Array<Failure>] }> = []
    for (const b of bases) {
      const failures: Array<Failure> = []
      const slots = b.slots
      for (let i = 0; i < slots.length; i++) {
        if (verdicts[slots[i]!] === 0) failures.push(b.criteria[i]!.failure(f, i))
      }
      failed.push({ basis: b.id, failures: failures as [Failure, ...Array<Failure>] })
    }
    return { _tag: "Ineligible", date, bases: failed }
  }

  const thresholds = new Map<number, { readonly years: number; readonly months: number }>()
  const collect = (c: Simple) => {
    if (c._tag === "ExperienceAtLeast") {
      const months = c.months ?? 0
      thresholds.set(c.years * 360 + months * 30, { years: c.years, months })
    }
  }
  for (const b of rules.asset.bases) {
    for (const c of b.criteria) {
      if (c._tag === "AnyOf") c.anyOf.forEach(collect)
      else collect(c)
    }
  }

  return {
    bases: rules.asset.bases,
    qualification: settings,
    evaluate,
    holds: (teacher, date, index) => {
      const b = bases[index]
      if (b === undefined) return false
      judge(teacher, date)
      return basisHolds(b)
    },
    experienceThresholds: [...thresholds.values()],
  }
}

const cache = new WeakMap<
  ReadonlyArray<Basis>,
  WeakMap<Qualification.QualificationSettings, Screener>
>()

/**
 * The screener for a regulation's rules, compiled once per (bases, attestation settings)
 * pair and reused while they live.
 */
export const screenerFor = (rules: Rules): Screener => {
  let bySettings = cache.get(rules.asset.bases)
  if (bySettings === undefined) {
    bySettings = new WeakMap()
    cache.set(rules.asset.bases, bySettings)
  }
  let screener = bySettings.get(rules.qualification)
  if (screener === undefined) {
    screener = compile(rules)
    bySettings.set(rules.qualification, screener)
  }
  return screener
}

/**
 * The eligibility of one teacher on `date` under the regulation's rules (ASSET-3.1):
 * the first basis that holds with its evidence, or every failed criterion of every basis.
 */
export const evaluate = (
  teacher: Candidate,
  date: LocalDate.LocalDate,
  rules: Rules,
): Explanation => screenerFor(rules).evaluate(teacher, date)
