import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "../../../testing/src/arbitraries/Kernel.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import type * as Criteria from "../kernel/Criteria.ts"
import * as Experience from "../kernel/Experience.ts"
import * as Presets from "../kernel/Presets.ts"
import * as Qualification from "../kernel/Qualification.ts"
import * as ResultFlag from "../kernel/ResultFlag.ts"
import type { Settings } from "../kernel/Settings.ts"
import type { Teacher } from "../kernel/Teacher.ts"
import * as Eligibility from "./Eligibility.ts"
import * as Messages from "./Messages.ts"

const d = LocalDate.unsafeFromString
const seed: Settings = Presets.partizansky.regulation.versions[0].content
const federal = Qualification.federalSettings
const range = { min: d("2008-01-01"), max: d("2030-12-31") }
const onDate = K.localDate({ min: d("2012-01-01"), max: d("2030-12-31") })

/** An independent, slow statement of each criterion, straight from the kernel functions. */
const anniversary = (date: LocalDate.LocalDate, years: number): LocalDate.LocalDate => {
  const { year, month, day } = LocalDate.toParts(date)
  return Result.getOrElse(LocalDate.make(year + years, month, day), () =>
    LocalDate.makeUnsafe(year + years, month + 1, 1),
  )
}
const simpleHolds = (
  c: Criteria.Simple,
  t: Eligibility.Candidate,
  date: LocalDate.LocalDate,
  q: Qualification.QualificationSettings,
): boolean => {
  const flags = t.results.filter((r) => ResultFlag.beginsOn(r) <= date)
  switch (c._tag) {
    case "StablyHighResults":
      return flags.some((r) => r._tag === "StablyHighResults" && ResultFlag.holdsOn(r, date))
    case "CategoryAtLeast":
      return (
        Qualification.rank(Qualification.categoryOn(t, date, q)) >= Qualification.rank(c.category)
      )
    case "EducationIn":
      return t.education.some((e) => e.completedOn <= date && c.levels.includes(e.level))
    case "ExperienceAtLeast":
      return Experience.atLeast(Experience.experienceOn(t.experience, date), c.years, c.months ?? 0)
    case "CompetenceAssessmentPassed": {
      const passed = flags
        .flatMap((r) => (r._tag === "CompetenceAssessment" ? [r.passedOn] : []))
        .sort()
        .at(-1)
      return (
        passed !== undefined &&
        (c.withinYears === undefined || date < anniversary(passed, c.withinYears))
      )
    }
    case "SubjectAssociationHead":
      return flags.some((r) => r._tag === "SubjectAssociationHead" && ResultFlag.holdsOn(r, date))
    case "MethodicalAssociationMember":
      return flags.some(
        (r) => r._tag === "MethodicalAssociationMember" && ResultFlag.holdsOn(r, date),
      )
    case "Support500PlusExperience":
      return flags.some((r) => r._tag === "Support500Plus" && c.roles.includes(r.role))
    case "QualificationHeld":
      return Qualification.qualificationsOn(t, date, q).some((k) => c.qualifications.includes(k))
  }
}
const holds = (
  c: Criteria.Criterion,
  t: Eligibility.Candidate,
  date: LocalDate.LocalDate,
  q: Qualification.QualificationSettings,
): boolean =>
  c._tag === "AnyOf" ? c.anyOf.some((a) => simpleHolds(a, t, date, q)) : simpleHolds(c, t, date, q)

/** A teacher who meets basis (a) on `date`: every one of its criteria holds. */
const meetsBasisA = (date: LocalDate.LocalDate): fc.Arbitrary<Teacher> =>
  fc
    .record({
      t: K.teacher(range),
      stablySince: fc.integer({ min: 0, max: 2000 }),
      awardAgo: fc.integer({ min: 0, max: 1800 }),
      studyAgo: fc.integer({ min: 0, max: 8000 }),
      extraYears: fc.integer({ min: 0, max: 2000 }),
    })
    .map(({ t, stablySince, awardAgo, studyAgo, extraYears }) => ({
      ...t,
      categories: [
        ...t.categories.filter((c) => c.awardedOn > date),
        { category: "highest" as const, awardedOn: LocalDate.addDays(date, -awardAgo) },
      ],
      qualifications: [],
      education: [
        ...t.education,
        { level: "higher-pedagogical" as const, completedOn: LocalDate.addDays(date, -studyAgo) },
      ],
      experience: [...t.experience, { from: LocalDate.addDays(date, -(5 * 366 + extraYears)) }],
      results: [
        ...t.results,
        { _tag: "StablyHighResults" as const, from: LocalDate.addDays(date, -stablySince) },
      ],
    }))

const teachers = K.teacher(range)
const rules = fc.oneof(
  fc.constant<Eligibility.Rules>(seed),
  fc.record({ asset: fc.record({ bases: K.bases }), qualification: K.qualificationSettings }),
)

describe("Eligibility (ASSET-3.1)", () => {
  it("ASSET-3.1 names exactly the failed criteria of every basis, or the first basis that holds", () => {
    fc.assert(
      fc.property(rules, teachers, onDate, (r, t, date) => {
        const explanation = Eligibility.evaluate(t, date, r)
        const table = r.asset.bases.map((b) =>
          b.criteria.map((c) => holds(c, t, date, r.qualification)),
        )
        const first = table.findIndex((row) => row.every(Boolean))
        if (first >= 0) {
          expect(explanation._tag).toBe("Eligible")
          if (explanation._tag === "Eligible") {
            expect(explanation.basis).toBe(r.asset.bases[first]!.id)
            expect(explanation.evidence.length).toBe(r.asset.bases[first]!.criteria.length)
          }
          return
        }
        expect(explanation._tag).toBe("Ineligible")
        if (explanation._tag !== "Ineligible") return
        expect(explanation.bases.map((b) => b.basis)).toEqual(r.asset.bases.map((b) => b.id))
        explanation.bases.forEach((b, i) => {
          const failed = table[i]!.flatMap((ok, j) => (ok ? [] : [j]))
          expect(b.failures.map((f) => f.index)).toEqual(failed)
          for (const f of b.failures) {
            const criterion = r.asset.bases[i]!.criteria[f.index]!
            expect(f._tag).toBe(criterion._tag)
            if (f._tag === "AnyOf" && criterion._tag === "AnyOf") {
              expect(f.failures.map((x) => x._tag)).toEqual(criterion.anyOf.map((x) => x._tag))
            }
          }
        })
      }),
      { numRuns: 1500 },
    )
  })

  it("ASSET-3.1 finds a teacher whose every criterion of basis (a) holds eligible", () => {
    fc.assert(
      fc.property(
        onDate.chain((date) => meetsBasisA(date).map((t) => [t, date] as const)),
        ([t, date]) => {
          const explanation = Eligibility.evaluate(t, date, seed)
          expect(explanation._tag).toBe("Eligible")
          expect(explanation._tag === "Eligible" && explanation.basis).toBe("a")
        },
      ),
      { numRuns: 500 },
    )
  })

  it("ASSET-3.1 never removes eligibility on basis (a) or (b) for more experience, all else equal", () => {
    const screener = Eligibility.compile(seed)
    fc.assert(
      fc.property(
        fc.oneof(teachers, onDate.chain(meetsBasisA)),
        K.experienceRecord(range),
        onDate,
        (t, more, date) => {
          const richer = { ...t, experience: [...t.experience, more] }
          for (const index of [0, 1]) {
            if (screener.holds(t, date, index))
              expect(screener.holds(richer, date, index)).toBe(true)
          }
        },
      ),
      { numRuns: 1500 },
    )
  })

  it("ASSET-3.1 judges on a date with only the records dated on or before it", () => {
    const later = (date: LocalDate.LocalDate) =>
      K.localDate({ min: LocalDate.addDays(date, 1), max: d("2040-12-31") })
    fc.assert(
      fc.property(
        rules,
        teachers,
        onDate.chain((date) =>
          fc.tuple(
            fc.constant(date),
            fc.record({
              award: fc.tuple(later(date), fc.constantFrom("first" as const, "highest" as const)),
              completedOn: later(date),
              from: later(date),
              passedOn: later(date),
              qualifiedOn: later(date),
            }),
          ),
        ),
        (r, t, [date, f]) => {
          const withFuture: Eligibility.Candidate = {
            categories: [...t.categories, { category: f.award[1], awardedOn: f.award[0] }],
            qualifications: [
              ...t.qualifications,
              { qualification: "mentor", awardedOn: f.qualifiedOn },
            ],
            education: [
              ...t.education,
              { level: "higher-pedagogical", completedOn: f.completedOn },
            ],
            experience: [...t.experience, { from: f.from }],
            results: [
              ...t.results,
              { _tag: "StablyHighResults", from: f.from },
              { _tag: "CompetenceAssessment", passedOn: f.passedOn },
              { _tag: "SubjectAssociationHead", from: f.from, subject: "математика" },
              { _tag: "MethodicalAssociationMember", from: f.from },
              { _tag: "Support500Plus", from: f.from, role: "leader" },
            ],
          }
          expect(Eligibility.evaluate(withFuture, date, r)).toEqual(
            Eligibility.evaluate(t, date, r),
          )
        },
      ),
      { numRuns: 1000 },
    )
  })

  it("ASSET-3.1 explains a short experience in Russian and in English", () => {
    const t: Eligibility.Candidate = {
      categories: [{ category: "highest", awardedOn: d("2024-02-01") }],
      qualifications: [],
      education: [{ level: "higher-pedagogical", completedOn: d("2010-06-30") }],
      experience: [{ from: d("2021-02-02") }],
      results: [{ _tag: "StablyHighResults", from: d("2023-09-01") }],
    }
    const explanation = Eligibility.evaluate(t, d("2025-09-01"), seed)
    expect(explanation._tag).toBe("Ineligible")
    if (explanation._tag !== "Ineligible") return
    const a = explanation.bases[0]!
    expect(a.failures).toEqual([
      {
        _tag: "ExperienceAtLeast",
        index: 3,
        experience: { years: 4, months: 7, days: 0 },
        years: 5,
        months: 0,
      },
    ])
    expect(Messages.failure(a.failures[0]!, explanation.date)).toBe(
      "стаж 4 г. 7 мес. на 01.09.2025, требуется 5 лет",
    )
    expect(Messages.failure(a.failures[0]!, explanation.date, "en")).toBe(
      "experience 4 y 7 m on 2025-09-01, 5 years needed",
    )
    const lines = Messages.explain(explanation, seed.asset.bases)
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe(
      "основание «a» (стабильно высокие результаты обучающихся): стаж 4 г. 7 мес. на 01.09.2025, требуется 5 лет",
    )
    expect(lines[1]).toContain(
      "оценка предметных и методических компетенций (ФИС ОКО) не пройдена к 01.09.2025",
    )
    expect(lines[2]).toContain("не выполнено ни одно из условий")
  })

  it("ASSET-3.1 explains a category that has lapsed, with its last day", () => {
    const t: Eligibility.Candidate = {
      categories: [{ category: "highest", awardedOn: d("2019-03-28") }],
      qualifications: [],
      education: [{ level: "higher-pedagogical", completedOn: d("2005-06-30") }],
      experience: [{ from: d("2005-09-01") }],
      results: [{ _tag: "StablyHighResults", from: d("2015-09-01") }],
    }
    expect(Eligibility.evaluate(t, d("2024-03-27"), seed)._tag).toBe("Eligible")
    const x = Eligibility.evaluate(t, d("2024-03-28"), seed)
    if (x._tag !== "Ineligible") throw new Error("expected ineligible")
    expect(x.bases[0]!.failures).toEqual([
      {
        _tag: "CategoryAtLeast",
        index: 1,
        required: "highest",
        category: "none",
        lapsed: { category: "highest", validThrough: d("2024-03-27") },
      },
    ])
    expect(Messages.failure(x.bases[0]!.failures[0]!, x.date)).toBe(
      "категории на 28.03.2024 нет (высшая действовала по 27.03.2024), требуется высшая",
    )
  })

  it("ASSET-3.1 gives the evidence of the basis that holds, (c) and (d) included", () => {
    const head: Eligibility.Candidate = {
      categories: [],
      qualifications: [],
      education: [],
      experience: [],
      results: [{ _tag: "SubjectAssociationHead", from: d("2022-09-01"), subject: "история" }],
    }
    const x = Eligibility.evaluate(head, d("2025-09-01"), seed)
    expect(x).toEqual({
      _tag: "Eligible",
      date: d("2025-09-01"),
      basis: "c",
      evidence: [{ _tag: "SubjectAssociationHead", from: d("2022-09-01"), subject: "история" }],
    })
    expect(Messages.explain(x, seed.asset.bases)).toEqual([
      "соответствует основанию «c» (руководитель городского предметного объединения или член муниципального УМО) на 01.09.2025",
      "руководитель городского предметного объединения (история) с 01.09.2022",
    ])
    const deputy = {
      ...head,
      results: [
        {
          _tag: "Support500Plus" as const,
          from: d("2021-01-10"),
          to: d("2022-05-31"),
          role: "deputy-leader" as const,
        },
      ],
    }
    const y = Eligibility.evaluate(deputy, d("2025-09-01"), seed)
    expect(y._tag === "Eligible" && y.basis).toBe("d")
  })

  it("ASSET-3.1 follows a district's own threshold and added basis, without code", () => {
    const t: Eligibility.Candidate = {
      categories: [{ category: "highest", awardedOn: d("2024-02-01") }],
      qualifications: [{ qualification: "mentor", awardedOn: d("2024-05-01") }],
      education: [{ level: "higher-pedagogical", completedOn: d("2010-06-30") }],
      experience: [{ from: d("2022-02-02") }],
      results: [],
    }
    const json = (b: unknown) => b as Presets.Overrides
    const base = Presets.copy(Presets.partizansky)
    if (Result.isFailure(base)) throw base.failure
    expect(Eligibility.evaluate(t, d("2025-09-01"), base.success)._tag).toBe("Ineligible")
    const mentors = Presets.copy(
      Presets.partizansky,
      json({
        asset: {
          bases: [
            {
              id: "e",
              title: { ru: "педагог-наставник", en: "teacher-mentor" },
              criteria: [
                { _tag: "QualificationHeld", qualifications: ["mentor"] },
                { _tag: "ExperienceAtLeast", years: 3 },
              ],
            },
          ],
        },
      }),
    )
    if (Result.isFailure(mentors)) throw mentors.failure
    const x = Eligibility.evaluate(t, d("2025-09-01"), mentors.success)
    expect(x._tag === "Eligible" && x.basis).toBe("e")
    expect(Eligibility.evaluate(t, d("2025-01-30"), mentors.success)._tag).toBe("Ineligible")
  })

  it("compiles once per regulation and judges like a freshly compiled screener", () => {
    expect(Eligibility.screenerFor(seed)).toBe(Eligibility.screenerFor(seed))
    fc.assert(
      fc.property(fc.array(fc.tuple(teachers, onDate), { maxLength: 20 }), (pairs) => {
        const shared = Eligibility.compile(seed)
        for (const [t, date] of pairs) {
          expect(shared.evaluate(t, date)).toEqual(Eligibility.compile(seed).evaluate(t, date))
        }
      }),
      { numRuns: 100 },
    )
  })

  it("uses the federal attestation settings of the preset", () => {
    expect(seed.qualification).toEqual(federal)
  })
})
