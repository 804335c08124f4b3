/**
 * The batch form of eligibility (ASSET-3.1): screens a district's teachers on a date and
 * returns the eligible, the ineligible with every failed criterion, and those who become
 * eligible within a horizon (their fifth year completes, a category is awarded, …) with
 * the day they do.
 *
 * @module
 */
import type * as LocalDate from "../calendar/LocalDate.ts"
import * as Experience from "../kernel/Experience.ts"
import type { Teacher } from "../kernel/Teacher.ts"
import { type Candidate, type Rules, type Screener, screenerFor } from "./Eligibility.ts"
import type { Eligible, Ineligible } from "./Explanation.ts"

/** A teacher to screen: their records and the person they belong to. */
export type Screenee = Candidate & Pick<Teacher, "personId">

/** One teacher's eligibility in a screening. */
export interface Screened<E> {
  readonly personId: Teacher["personId"]
  readonly explanation: E
}

/** A teacher not eligible on the screening date who becomes eligible on `on`. */
export interface Upcoming {
  readonly personId: Teacher["personId"]
  /** The first day within the horizon on which a basis holds. */
  readonly on: LocalDate.LocalDate
  readonly explanation: Eligible
}

/** The result of screening a district's teachers. */
export interface Screening {
  readonly date: LocalDate.LocalDate
  readonly eligible: ReadonlyArray<Screened<Eligible>>
  readonly ineligible: ReadonlyArray<Screened<Ineligible>>
  /** Of the ineligible, those eligible by the horizon's last day, earliest first. */
  readonly upcoming: ReadonlyArray<Upcoming>
}

/**
 * The first day in `(after, until]` on which the teacher is eligible, or `undefined`.
 *
 * A basis can only start to hold on a day when one of its criteria starts to: when a
 * record begins (a category or qualification is awarded, an education completed, a
 * period or role begun, an assessment passed) or when the experience reaches a
 * threshold the bases use. Only those days are judged.
 */
export const becomesEligible = (
  screener: Screener,
  teacher: Candidate,
  after: LocalDate.LocalDate,
  until: LocalDate.LocalDate,
): { readonly on: LocalDate.LocalDate; readonly explanation: Eligible } | undefined => {
  const days = new Set<LocalDate.LocalDate>()
  const consider = (d: LocalDate.LocalDate) => {
    if (d > after && d <= until) days.add(d)
  }
  for (const c of teacher.categories) consider(c.awardedOn)
  for (const q of teacher.qualifications) consider(q.awardedOn)
  for (const e of teacher.education) consider(e.completedOn)
  for (const e of teacher.experience) consider(e.from)
  for (const r of teacher.results) consider(r._tag === "CompetenceAssessment" ? r.passedOn : r.from)
  for (const t of screener.experienceThresholds) {
    const reached = Experience.reachesOn(teacher.experience, t.years, t.months, after, until)
    if (reached !== undefined) days.add(reached)
  }
  for (const day of [...days].sort()) {
    const explanation = screener.evaluate(teacher, day)
    if (explanation._tag === "Eligible") return { on: day, explanation }
  }
  return undefined
}

/**
 * Screens teachers on `on` under the regulation's rules; with `until`, also finds who
 * becomes eligible after `on` and on or before `until`. Each teacher's result is the one
 * {@link Eligibility.evaluate} gives.
 *
 * @example
 * Screening.screen(teachers, settings, { on: "2025-09-01", until: "2026-02-28" })
 */
export const screen = (
  teachers: Iterable<Screenee>,
  rules: Rules,
  options: { readonly on: LocalDate.LocalDate; readonly until?: LocalDate.LocalDate },
): Screening => {
  const screener = screenerFor(rules)
  const eligible: Array<Screened<Eligible>> = []
  const ineligible: Array<Screened<Ineligible>> = []
  const upcoming: Array<Upcoming> = []
  for (const teacher of teachers) {
    const explanation = screener.evaluate(teacher, options.on)
    if (explanation._tag === "Eligible") {
      eligible.push({ personId: teacher.personId, explanation })
      continue
    }
    ineligible.push({ personId: teacher.personId, explanation })
    if (options.until !== undefined) {
      const later = becomesEligible(screener, teacher, options.on, options.until)
      if (later !== undefined) upcoming.push({ personId: teacher.personId, ...later })
    }
  }
  upcoming.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  return { date: options.on, eligible, ineligible, upcoming }
}
