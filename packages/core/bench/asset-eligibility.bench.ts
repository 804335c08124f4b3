/**
 * Screening speed of the municipal methodical asset's eligibility (ASSET-3.1): one
 * million generated teachers judged on one date under the seed regulation's four bases,
 * by the compiled rules (`Eligibility.compile`, bases as data) and by a plain-TypeScript
 * baseline that hard-codes the same four bases, in the same run. Both return the same
 * explanations (checked on a sample first); each pass is measured twice, with the
 * structured explanations alone and with every explanation also rendered as Russian text.
 * The target is at least half the baseline's rate.
 *
 * Run: node --conditions=@metodika/source bench/asset-eligibility.bench.ts [teachers]
 */
import { isDeepStrictEqual } from "node:util"
import * as Eligibility from "../src/asset/Eligibility.ts"
import type {
  Eligible,
  Evidence,
  Explanation,
  Failure,
  Ineligible,
} from "../src/asset/Explanation.ts"
import * as Messages from "../src/asset/Messages.ts"
import * as Screening from "../src/asset/Screening.ts"
import * as LocalDate from "../src/calendar/LocalDate.ts"
import { PersonId } from "../src/Ids.ts"
import type { BasisId } from "../src/kernel/Criteria.ts"
import type { Education } from "../src/kernel/Education.ts"
import * as Experience from "../src/kernel/Experience.ts"
import * as Presets from "../src/kernel/Presets.ts"
import * as Qualification from "../src/kernel/Qualification.ts"
import type { ResultFlag } from "../src/kernel/ResultFlag.ts"

const COUNT = Number(process.argv[2] ?? 1_000_000)
const settings = Presets.partizansky.regulation.versions[0].content
const bases = settings.asset.bases
const q = settings.qualification
const date = LocalDate.unsafeFromString("2025-09-01")

// ---- generation: a seeded PRNG, dates interned so a million teachers fit in memory ----

let seed = 20250901
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const chance = (p: number) => random() < p
const firstDay = LocalDate.toEpochDay(LocalDate.unsafeFromString("1985-01-01"))
const lastDay = LocalDate.toEpochDay(LocalDate.unsafeFromString("2027-12-31"))
const days: Array<LocalDate.LocalDate> = []
for (let n = firstDay; n <= lastDay; n++) days.push(LocalDate.fromEpochDay(n))
const epochDays = new Map<string, number>()
const epochDay = (text: string): number => {
  let n = epochDays.get(text)
  if (n === undefined) {
    n = LocalDate.toEpochDay(LocalDate.unsafeFromString(text))
    epochDays.set(text, n)
  }
  return n
}
const day = (from: string, to: string) => days[int(epochDay(from), epochDay(to)) - firstDay]!
const after = (d: LocalDate.LocalDate, min: number, max: number) =>
  days[Math.min(LocalDate.toEpochDay(d) + int(min, max), lastDay) - firstDay]!

const generate = (i: number): Screening.Screenee => {
  const categories: Array<Qualification.CategoryAward> = []
  for (let k = int(0, 2); k > 0; k--) {
    categories.push({
      category: chance(0.55) ? "highest" : "first",
      awardedOn: day("2012-01-01", "2026-06-30"),
    })
  }
  const education: Array<Education> = [
    {
      level: chance(0.7)
        ? "higher-pedagogical"
        : chance(0.5)
          ? "higher-non-pedagogical"
          : "secondary-vocational-pedagogical",
      completedOn: day("1990-01-01", "2024-06-30"),
    },
  ]
  const experience: Array<Experience.ExperienceRecord> = []
  for (let k = int(1, 3); k > 0; k--) {
    const from = day("1995-01-01", "2025-06-30")
    experience.push(chance(0.5) ? { from } : { from, to: after(from, 30, 3000) })
  }
  const results: Array<ResultFlag> = []
  for (let k = int(0, 3); k > 0; k--) {
    const from = day("2015-01-01", "2026-06-30")
    const to = chance(0.3) ? after(from, 100, 1500) : undefined
    const kind = int(0, 4)
    if (kind === 0)
      results.push(
        to === undefined
          ? { _tag: "StablyHighResults", from }
          : { _tag: "StablyHighResults", from, to },
      )
    else if (kind === 1) results.push({ _tag: "CompetenceAssessment", passedOn: from })
    else if (kind === 2 && chance(0.3))
      results.push({ _tag: "SubjectAssociationHead", from, subject: "математика" })
    else if (kind === 3 && chance(0.3)) results.push({ _tag: "MethodicalAssociationMember", from })
    else if (kind === 4 && chance(0.2))
      results.push({ _tag: "Support500Plus", from, role: chance(0.5) ? "leader" : "deputy-leader" })
  }
  return {
    personId: PersonId.make(`t${i}`),
    categories,
    qualifications: [],
    education,
    experience,
    results,
  }
}

// ---- the baseline: the seed's four bases written out by hand ----

const BASIS = { a: "a" as BasisId, b: "b" as BasisId, c: "c" as BasisId, d: "d" as BasisId }
type Period = { readonly from: LocalDate.LocalDate; readonly to?: LocalDate.LocalDate }
const period = (r: Period): Period =>
  r.to === undefined ? { from: r.from } : { from: r.from, to: r.to }
const on = (r: Period, d: string) => r.from <= d && (r.to === undefined || d <= r.to)

const baseline = (t: Screening.Screenee, d: LocalDate.LocalDate): Explanation => {
  const award = Qualification.latestAwardOn(t, d)
  const valid = award !== undefined && Qualification.isValidOn(award, d, q)
  const highest = valid && award.category === "highest"
  const education = t.education.find((e) => e.completedOn <= d && e.level === "higher-pedagogical")
  const experience = Experience.experienceOn(t.experience, d)
  const fiveYears = Experience.atLeast(experience, 5)
  let stably: (Period & { _tag: "StablyHighResults" }) | undefined
  let assessment: LocalDate.LocalDate | undefined
  let head: (Period & { subject: string }) | undefined
  let member: Period | undefined
  let leader: (Period & { role: "leader" | "deputy-leader" }) | undefined
  let deputy: (Period & { role: "leader" | "deputy-leader" }) | undefined
  for (const r of t.results) {
    if (r._tag === "StablyHighResults") {
      if (stably === undefined && on(r, d)) stably = r
    } else if (r._tag === "CompetenceAssessment") {
      if (r.passedOn <= d && (assessment === undefined || r.passedOn > assessment))
        assessment = r.passedOn
    } else if (r._tag === "SubjectAssociationHead") {
      if (head === undefined && on(r, d)) head = r
    } else if (r._tag === "MethodicalAssociationMember") {
      if (member === undefined && on(r, d)) member = r
    } else if (r.from <= d) {
      if (r.role === "leader") {
        if (leader === undefined || r.from < leader.from) leader = r
      } else if (deputy === undefined || r.from < deputy.from) deputy = r
    }
  }
  const categoryEvidence = (): Evidence => {
    const end = Qualification.validThrough(award!, q)
    return end === undefined
      ? { _tag: "CategoryAtLeast", category: award!.category, awardedOn: award!.awardedOn }
      : {
          _tag: "CategoryAtLeast",
          category: award!.category,
          awardedOn: award!.awardedOn,
          validThrough: end,
        }
  }
  const common = (): Array<Evidence> => [
    categoryEvidence(),
    { _tag: "EducationIn", level: education!.level, completedOn: education!.completedOn },
    { _tag: "ExperienceAtLeast", experience, years: 5, months: 0 },
  ]
  if (stably !== undefined && highest && education !== undefined && fiveYears) {
    const e: Eligible = {
      _tag: "Eligible",
      date: d,
      basis: BASIS.a,
      evidence: [{ _tag: "StablyHighResults", ...period(stably) }, ...common()],
    }
    return e
  }
  if (assessment !== undefined && highest && education !== undefined && fiveYears) {
    const e: Eligible = {
      _tag: "Eligible",
      date: d,
      basis: BASIS.b,
      evidence: [{ _tag: "CompetenceAssessmentPassed", passedOn: assessment }, ...common()],
    }
    return e
  }
  if (head !== undefined) {
    return {
      _tag: "Eligible",
      date: d,
      basis: BASIS.c,
      evidence: [{ _tag: "SubjectAssociationHead", ...period(head), subject: head.subject }],
    }
  }
  if (member !== undefined) {
    return {
      _tag: "Eligible",
      date: d,
      basis: BASIS.c,
      evidence: [{ _tag: "MethodicalAssociationMember", ...period(member) }],
    }
  }
  const support = leader ?? deputy
  if (support !== undefined) {
    return {
      _tag: "Eligible",
      date: d,
      basis: BASIS.d,
      evidence: [{ _tag: "Support500PlusExperience", role: support.role, ...period(support) }],
    }
  }
  const category = (index: number): Failure => {
    if (award === undefined)
      return { _tag: "CategoryAtLeast", index, required: "highest", category: "none" }
    if (valid)
      return { _tag: "CategoryAtLeast", index, required: "highest", category: award.category }
    const validThrough = Qualification.validThrough(award, q)
    return validThrough === undefined
      ? { _tag: "CategoryAtLeast", index, required: "highest", category: "none" }
      : {
          _tag: "CategoryAtLeast",
          index,
          required: "highest",
          category: "none",
          lapsed: { category: award.category, validThrough },
        }
  }
  const rest = (failures: Array<Failure>) => {
    if (!highest) failures.push(category(1))
    if (education === undefined)
      failures.push({ _tag: "EducationIn", index: 2, levels: ["higher-pedagogical"] })
    if (!fiveYears)
      failures.push({ _tag: "ExperienceAtLeast", index: 3, experience, years: 5, months: 0 })
    return failures as [Failure, ...Array<Failure>]
  }
  const ineligible: Ineligible = {
    _tag: "Ineligible",
    date: d,
    bases: [
      {
        basis: BASIS.a,
        failures: rest(stably === undefined ? [{ _tag: "StablyHighResults", index: 0 }] : []),
      },
      {
        basis: BASIS.b,
        failures: rest(
          assessment === undefined ? [{ _tag: "CompetenceAssessmentPassed", index: 0 }] : [],
        ),
      },
      {
        basis: BASIS.c,
        failures: [
          {
            _tag: "AnyOf",
            index: 0,
            failures: [
              { _tag: "SubjectAssociationHead", index: 0 },
              { _tag: "MethodicalAssociationMember", index: 1 },
            ],
          },
        ],
      },
      {
        basis: BASIS.d,
        failures: [
          { _tag: "Support500PlusExperience", index: 0, roles: ["leader", "deputy-leader"] },
        ],
      },
    ],
  }
  return ineligible
}

// ---- the run ----

const t0 = performance.now()
const teachers: Array<Screening.Screenee> = []
for (let i = 0; i < COUNT; i++) teachers.push(generate(i))
console.log(
  `generated ${COUNT.toLocaleString("en")} teachers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
)

const screener = Eligibility.compile(settings)
const compiled = (t: Screening.Screenee, d: LocalDate.LocalDate) => screener.evaluate(t, d)

for (let i = 0; i < Math.min(COUNT, 50_000); i++) {
  const a = compiled(teachers[i]!, date)
  const b = baseline(teachers[i]!, date)
  if (!isDeepStrictEqual(a, b)) {
    console.error(
      "the two forms disagree on",
      JSON.stringify(teachers[i]),
      JSON.stringify(a),
      JSON.stringify(b),
    )
    process.exit(1)
  }
}

type Judge = (t: Screening.Screenee, d: LocalDate.LocalDate) => Explanation
let sink = 0
const run = (judge: Judge, render: boolean, from: number, to: number): number => {
  const start = performance.now()
  for (let i = from; i < to; i++) {
    const x = judge(teachers[i]!, date)
    if (render) for (const line of Messages.explain(x, bases, "ru")) sink += line.length
    else sink += x._tag === "Eligible" ? x.evidence.length : x.bases.length
  }
  return performance.now() - start
}

// The two forms run in alternating slices of the same teachers, so a busy machine slows
// both alike; each is measured over every teacher, three times after a warm-up.
const CHUNK = 10_000
const compare = (render: boolean): { readonly base: number; readonly ours: number } => {
  run(baseline, render, 0, Math.min(COUNT, 100_000))
  run(compiled, render, 0, Math.min(COUNT, 100_000))
  let baseTime = 0
  let oursTime = 0
  for (let round = 0; round < 3; round++) {
    for (let from = 0; from < COUNT; from += CHUNK) {
      const to = Math.min(from + CHUNK, COUNT)
      if ((from / CHUNK + round) % 2 === 0) {
        baseTime += run(baseline, render, from, to)
        oursTime += run(compiled, render, from, to)
      } else {
        oursTime += run(compiled, render, from, to)
        baseTime += run(baseline, render, from, to)
      }
    }
  }
  return { base: (3 * COUNT) / (baseTime / 1000), ours: (3 * COUNT) / (oursTime / 1000) }
}

const rate = (n: number) => `${Math.round(n).toLocaleString("en").padStart(11)} teachers/s`
let ok = true
for (const render of [false, true]) {
  const { base, ours } = compare(render)
  const ratio = ours / base
  ok &&= ratio >= 0.5
  const label = render ? "explanations rendered as Russian text" : "structured explanations"
  console.log(`\n${label}:`)
  console.log(`  plain-TypeScript baseline  ${rate(base)}`)
  console.log(
    `  compiled rules (data)      ${rate(ours)}   ${ratio.toFixed(2)}x baseline (target >= 0.5x)`,
  )
}

const eligible = teachers.filter((t) => compiled(t, date)._tag === "Eligible").length
console.log(
  `\n${eligible.toLocaleString("en")} of ${COUNT.toLocaleString("en")} eligible on ${date}`,
)

const sample = teachers.slice(0, Math.min(COUNT, 100_000))
const s0 = performance.now()
const screening = Screening.screen(sample, settings, {
  on: date,
  until: LocalDate.unsafeFromString("2026-02-28"),
})
const s1 = (performance.now() - s0) / 1000
console.log(
  `batch with a six-month horizon: ${rate(sample.length / s1)} (${screening.upcoming.length.toLocaleString("en")} of ${sample.length.toLocaleString("en")} become eligible by 2026-02-28)`,
)
if (sink === 0) console.log("")
if (!ok) {
  console.error("compiled rules are slower than half the baseline")
  process.exit(1)
}
