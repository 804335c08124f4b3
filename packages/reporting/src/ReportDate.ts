/**
 * Calendar dates as reports print them. A report speaks of days (the day of a
 * methodical day, a due date, the date of an order), not instants, so its dates are
 * plain year-month-day values taken in the district's time zone by the report model.
 * Official documents write them «04» июня 2020 г. (ГОСТ Р 7.0.97-2016 allows the
 * verbal-numeric form and the numeric 04.06.2020); English reports write 4 June 2020.
 *
 * The domain (`@metodika/core`) keeps civil dates as validated text `YYYY-MM-DD`
 * (`LocalDate`); a report keeps them as parts, so a date cell can never be mistaken for
 * a text cell that happens to look like one. {@link fromCore} crosses that boundary.
 */
import type { LocalDate as CoreLocalDate } from "@metodika/core"
import { DateTime, Result, Schema } from "effect"
import { type Locale, words } from "./Locale.ts"

/** A calendar date with no time of day and no zone. `month` is 1–12. */
export interface LocalDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** Refusal to build a {@link LocalDate} from parts or text that name no real day. */
export class InvalidDate extends Schema.TaggedError<InvalidDate>()("InvalidDate", {
  input: Schema.String,
}) {
  override get message(): string {
    return `not a calendar date: ${this.input}`
  }
}

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/** Whether `date` names a real day of the Gregorian calendar (years 1–9999). */
export const isValid = (date: LocalDate): boolean =>
  Number.isInteger(date.year) &&
  Number.isInteger(date.month) &&
  Number.isInteger(date.day) &&
  date.year >= 1 &&
  date.year <= 9999 &&
  date.month >= 1 &&
  date.month <= 12 &&
  date.day >= 1 &&
  date.day <= daysInMonth(date.year, date.month)

/** A date from its parts, or {@link InvalidDate} when they name no real day. */
export const make = (
  year: number,
  month: number,
  day: number,
): Result.Result<LocalDate, InvalidDate> => {
  const date = { year, month, day }
  return isValid(date)
    ? Result.succeed(date)
    : Result.fail(new InvalidDate({ input: `${year}-${month}-${day}` }))
}

/**
 * A date from its parts, for literals in code and tests.
 *
 * @throws InvalidDate when the parts name no real day (a programming error).
 */
export const makeUnsafe = (year: number, month: number, day: number): LocalDate => {
  const result = make(year, month, day)
  if (Result.isFailure(result)) throw result.failure
  return result.success
}

/** A date from ISO 8601 text `YYYY-MM-DD`. */
export const fromIso = (text: string): Result.Result<LocalDate, InvalidDate> => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) return Result.fail(new InvalidDate({ input: text }))
  return Result.mapError(
    make(Number(match[1]), Number(match[2]), Number(match[3])),
    () => new InvalidDate({ input: text }),
  )
}

/**
 * The calendar date of an instant as seen in its zone: a zoned `DateTime` gives the
 * day in that zone (pass one zoned to the district's time zone), a UTC one the UTC day.
 */
export const fromDateTime = (dateTime: DateTime.DateTime): LocalDate => {
  const parts = DateTime.toParts(dateTime)
  return { year: parts.year, month: parts.month, day: parts.day }
}

/**
 * The report date of a civil date of `@metodika/core` (`LocalDate`, validated text
 * `YYYY-MM-DD`). Total: a core date is valid by construction.
 *
 * @example
 * ```ts
 * ReportDate.fromCore(LocalDate.unsafeFromString("2025-12-18")) // { year: 2025, month: 12, day: 18 }
 * ```
 */
export const fromCore = (date: CoreLocalDate.LocalDate): LocalDate => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
})

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** ISO 8601 text of a date: `2020-06-04`. */
export const toIso = (date: LocalDate): string =>
  `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`

/**
 * The date line of an official document: «04» июня 2020 г. in Russian, 4 June 2020
 * in English.
 */
export const formatOfficial = (date: LocalDate, locale: Locale = "ru"): string => {
  const month = words(locale).monthsGenitive[date.month - 1] ?? String(date.month)
  return locale === "en"
    ? `${date.day} ${month} ${date.year}`
    : `«${pad(date.day, 2)}» ${month} ${date.year} г.`
}

/** The numeric form used in tables: 04.06.2020 in Russian, 2020-06-04 in English. */
export const formatNumeric = (date: LocalDate, locale: Locale = "ru"): string =>
  locale === "en" ? toIso(date) : `${pad(date.day, 2)}.${pad(date.month, 2)}.${pad(date.year, 4)}`

/**
 * The date as a JavaScript `Date` at midnight UTC, which is how spreadsheet writers
 * store a day without shifting it by the machine's zone.
 */
export const toUtcMidnight = (date: LocalDate): Date => {
  const result = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  result.setUTCFullYear(date.year, date.month - 1, date.day)
  return result
}

/** Orders dates: negative when `a` is earlier, zero when equal, positive when later. */
export const compare = (a: LocalDate, b: LocalDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day

/** Whether `value` has the shape of a {@link LocalDate} (three numeric fields). */
export const isLocalDate = (value: unknown): value is LocalDate =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { year?: unknown }).year === "number" &&
  typeof (value as { month?: unknown }).month === "number" &&
  typeof (value as { day?: unknown }).day === "number"
