/**
 * Experience in the specialty (стаж работы по специальности) as dated periods, and its
 * length on a date.
 *
 * The length is counted as Russian rules of service length count it: each period in
 * calendar order (years, months, days), then every 30 days make a month and every
 * 12 months a year. Periods that overlap or touch are joined first, so a day is counted
 * once however many records cover it.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { OrganisationId } from "../Ids.ts"
import { periodFields, periodInOrder } from "./Period.ts"
import { Name } from "./Text.ts"

/**
 * One period of work in the specialty, both ends included; `to` is absent while it runs.
 */
export const ExperienceRecord = Schema.Struct({
  ...periodFields,
  organisationId: Schema.optionalKey(OrganisationId),
  position: Schema.optionalKey(Name),
}).check(periodInOrder())
/** @see ExperienceRecord */
export type ExperienceRecord = typeof ExperienceRecord.Type

/** A length of service: whole years, months (0–11) and days (0–29). */
export const Experience = Schema.Struct({
  years: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  months: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 11 })),
  days: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 29 })),
})
/** @see Experience */
export type Experience = typeof Experience.Type

/** A length as a count of 30-day months' days: years × 360 + months × 30 + days. */
export const toUnits = (e: Experience): number => e.years * 360 + e.months * 30 + e.days

/** The length that `units` (years × 360 + months × 30 + days) stands for. */
export const fromUnits = (units: number): Experience => ({
  years: Math.floor(units / 360),
  months: Math.floor((units % 360) / 30),
  days: units % 30,
})

/** Whether a length reaches `years` and `months`. */
export const atLeast = (e: Experience, years: number, months = 0): boolean =>
  toUnits(e) >= years * 360 + months * 30

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)

const monthLength = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

// Day numbers are days since 1970-01-01, as `LocalDate.toEpochDay`; the conversions follow
// H. Hinnant's civil-date algorithms and work on numbers only, so the hot path of a
// screening of many teachers allocates nothing.

const daysFromCivil = (year: number, m: number, d: number): number => {
  const y = year - (m <= 2 ? 1 : 0)
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

let civilYear = 0
let civilMonth = 0
let civilDay = 0

const civilFromDays = (n: number): void => {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  civilDay = doy - Math.floor((153 * mp + 2) / 5) + 1
  civilMonth = mp < 10 ? mp + 3 : mp - 9
  civilYear = yoe + era * 400 + (civilMonth <= 2 ? 1 : 0)
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48

/** The day number (days since 1970-01-01) of an ISO date string, read without allocating. */
export const dayOf = (date: string): number =>
  daysFromCivil(
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    digit(date, 5) * 10 + digit(date, 6),
    digit(date, 8) * 10 + digit(date, 9),
  )

/**
 * The calendar length, in units, of the days `start` … `end` (day numbers, both
 * included): whole months first, the start day clamped to a shorter month (31 January
 * plus one month is the last day of February), then the days left.
 */
const periodUnits = (start: number, end: number): number => {
  civilFromDays(start)
  const sy = civilYear
  const sm = civilMonth
  const sd = civilDay
  civilFromDays(end + 1)
  let months = (civilYear - sy) * 12 + (civilMonth - sm)
  let days = civilDay - sd
  if (months > 0 && days < 0) {
    months -= 1
    const total = sy * 12 + (sm - 1) + months
    const y = Math.floor(total / 12)
    const m = (total % 12) + 1
    days = end + 1 - daysFromCivil(y, m, Math.min(sd, monthLength(y, m)))
  }
  return months * 30 + days
}

let order = new Int32Array(16)

/**
 * The length, in units, of the periods on or before `date` (day number), joined where
 * they overlap or touch. `starts`/`ends` are day numbers (the first `count` of them); an
 * open period ends at `date`. Reused by compiled rules that read the records' dates into
 * buffers of their own.
 */
export const unitsOnDays = (
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  date: number,
  count: number = starts.length,
): number => {
  const n = count
  if (n === 0) return 0
  // Teachers have a few periods each: an insertion sort of their indices into a buffer
  // kept between calls allocates nothing.
  if (order.length < n) order = new Int32Array(Math.max(n, order.length * 2))
  let used = 0
  for (let i = 0; i < n; i++) {
    const s = starts[i]!
    if (s > date) continue
    let j = used
    while (j > 0 && starts[order[j - 1]!]! > s) {
      order[j] = order[j - 1]!
      j -= 1
    }
    order[j] = i
    used += 1
  }
  let units = 0
  let runStart = 0
  let runEnd = 0
  for (let k = 0; k < used; k++) {
    const i = order[k]!
    const s = starts[i]!
    const e = Math.min(ends[i]!, date)
    if (k === 0) {
      runStart = s
      runEnd = e
    } else if (s <= runEnd + 1) {
      if (e > runEnd) runEnd = e
    } else {
      units += periodUnits(runStart, runEnd)
      runStart = s
      runEnd = e
    }
  }
  if (used > 0) units += periodUnits(runStart, runEnd)
  return units
}

/** The day number standing for "no end yet" in {@link unitsOnDays}. */
export const OPEN = Number.MAX_SAFE_INTEGER

/**
 * The experience in the specialty on `date`: only what lies on or before `date` counts,
 * overlapping periods count once.
 *
 * @example
 * experienceOn([{ from: "2020-09-01" }], "2025-08-31") // { years: 5, months: 0, days: 0 }
 */
export const experienceOn = (
  records: ReadonlyArray<ExperienceRecord>,
  date: LocalDate.LocalDate,
): Experience => {
  const starts = records.map((r) => dayOf(r.from))
  const ends = records.map((r) => (r.to === undefined ? OPEN : dayOf(r.to)))
  return fromUnits(unitsOnDays(starts, ends, dayOf(date)))
}

/**
 * The first date in `(after, until]` on which the experience reaches `years` and
 * `months`, or `undefined` when it does not within that range. The length never
 * decreases as the date moves on, so a binary search finds it.
 */
export const reachesOn = (
  records: ReadonlyArray<ExperienceRecord>,
  years: number,
  months: number,
  after: LocalDate.LocalDate,
  until: LocalDate.LocalDate,
): LocalDate.LocalDate | undefined => {
  const target = years * 360 + months * 30
  const starts = records.map((r) => dayOf(r.from))
  const ends = records.map((r) => (r.to === undefined ? OPEN : dayOf(r.to)))
  const base = dayOf(after)
  let lo = 1
  let hi = LocalDate.diffDays(after, until)
  if (hi < 1 || unitsOnDays(starts, ends, base + hi) < target) return undefined
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (unitsOnDays(starts, ends, base + mid) >= target) hi = mid
    else lo = mid + 1
  }
  return LocalDate.addDays(after, lo)
}
