/**
 * A civil date: a day on the wall calendar with no time of day and no time zone, such as
 * the date of a methodical day or the first day of a vacation. It is stored as the ISO
 * string `YYYY-MM-DD`, so it sorts, compares and serialises as plain text.
 *
 * Arithmetic here is calendar arithmetic on day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar); it never touches instants, so no zone or clock can shift
 * a date. Turning a date into an instant is the job of `Deadline`.
 *
 * Weekdays follow ISO 8601: 1 = Monday … 7 = Sunday, as in a Russian wall calendar.
 *
 * @module
 */
import { type Option, type Order as Ord, Result, Schema } from "effect"

const isLeapYear = (year: number): boolean =>
  year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Number of days in the given month (1 = January … 12 = December) of the given year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Why a text is not a date, or `undefined` when it is one. */
const problemWith = (text: string): string | undefined => {
  const m = SHAPE.exec(text)
  if (m === null) return `Expected a date as YYYY-MM-DD, got ${JSON.stringify(text)}`
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (year < 1) return `${text} is not a date: the year must be between 0001 and 9999`
  if (month < 1 || month > 12) return `${text} is not a date: the month must be 01 to 12`
  const last = daysInMonth(year, month)
  if (day < 1 || day > last) {
    return `${text} is not a date: ${pad(year, 4)}-${pad(month, 2)} has ${last} days`
  }
  return undefined
}

/**
 * Schema of a civil date `YYYY-MM-DD` (years 0001–9999). Decoding refuses impossible dates
 * with a readable message, e.g. "2025-02-30 is not a date: 2025-02 has 28 days".
 */
export const LocalDate = Schema.String.check(
  Schema.makeFilter((text: string) => problemWith(text) ?? true, {
    identifier: "LocalDate",
    description: "a civil date YYYY-MM-DD",
  }),
).pipe(Schema.brand("LocalDate"))

/** A civil date `YYYY-MM-DD`, branded so only validated text is accepted. */
export type LocalDate = typeof LocalDate.Type

/** An ISO weekday: 1 = Monday, 2 = Tuesday, … 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/** Named ISO weekdays, so rules read `Weekday.Thursday` rather than `4`. */
export const Weekday = {
  Monday: 1,
  Tuesday: 2,
  Wednesday: 3,
  Thursday: 4,
  Friday: 5,
  Saturday: 6,
  Sunday: 7,
} as const satisfies Record<string, IsoWeekday>

/** A year, month and day that do not form a date (or text that is not `YYYY-MM-DD`). */
export class InvalidLocalDate extends Schema.TaggedError<InvalidLocalDate>()("InvalidLocalDate", {
  input: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return this.reason
  }
}

const unchecked = (year: number, month: number, day: number): LocalDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate

/**
 * Builds a date from its parts (month 1–12), refusing impossible combinations with a
 * typed error.
 */
export const make = (
  year: number,
  month: number,
  day: number,
): Result.Result<LocalDate, InvalidLocalDate> => {
  const allIntegers = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
  const text = allIntegers ? unchecked(year, month, day) : `${year}-${month}-${day}`
  const problem = allIntegers
    ? year > 9999
      ? `${text} is not a date: the year must be between 0001 and 9999`
      : problemWith(text)
    : `${text} is not a date: year, month and day must be integers`
  return problem === undefined
    ? Result.succeed(text as LocalDate)
    : Result.fail(new InvalidLocalDate({ input: text, reason: problem }))
}

/**
 * Builds a date from parts known to be valid, such as constants in data files.
 * Throws on an impossible date: use {@link make} or {@link parse} for anything untrusted.
 */
export const makeUnsafe = (year: number, month: number, day: number): LocalDate =>
  Result.getOrThrow(make(year, month, day))

/** Reads a date from text `YYYY-MM-DD`, refusing anything else with a typed error. */
export const parse = (text: string): Result.Result<LocalDate, InvalidLocalDate> => {
  const problem = problemWith(text)
  return problem === undefined
    ? Result.succeed(text as LocalDate)
    : Result.fail(new InvalidLocalDate({ input: text, reason: problem }))
}

/**
 * Reads a date from trusted text `YYYY-MM-DD` (constants, test data). Throws on anything
 * else: use {@link parse} or the {@link LocalDate} schema for untrusted input.
 */
export const unsafeFromString = (text: string): LocalDate => Result.getOrThrow(parse(text))

/** Type guard: is this value a valid civil date string? */
export const isLocalDate = (u: unknown): u is LocalDate =>
  typeof u === "string" && problemWith(u) === undefined

/** The year of a date. */
export const year = (date: LocalDate): number => Number(date.slice(0, 4))

/** The month of a date, 1 = January … 12 = December. */
export const month = (date: LocalDate): number => Number(date.slice(5, 7))

/** The day of the month of a date, 1–31. */
export const day = (date: LocalDate): number => Number(date.slice(8, 10))

/** The year, month (1–12) and day of a date. */
export const toParts = (
  date: LocalDate,
): { readonly year: number; readonly month: number; readonly day: number } => ({
  year: year(date),
  month: month(date),
  day: day(date),
})

// Day-number conversions after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms":
// exact integer arithmetic on the proleptic Gregorian calendar, no Date object involved.

/** Days since 1970-01-01 (negative before it). */
export const toEpochDay = (date: LocalDate): number => {
  const m = month(date)
  const d = day(date)
  const y = year(date) - (m <= 2 ? 1 : 0)
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The date a given number of days after 1970-01-01. Throws a RangeError outside the years
 * 0001–9999, which no calendar question of this library reaches.
 */
export const fromEpochDay = (epochDay: number): LocalDate => {
  if (!Number.isInteger(epochDay)) throw new RangeError(`epoch day must be an integer`)
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  if (y < 1 || y > 9999) throw new RangeError(`epoch day ${epochDay} is outside years 0001–9999`)
  return unchecked(y, m, d)
}

/** The date `days` days after `date` (before it when negative). */
export const addDays = (date: LocalDate, days: number): LocalDate =>
  fromEpochDay(toEpochDay(date) + days)

/** Number of days from `from` to `to`: positive when `to` is later, 0 on the same date. */
export const diffDays = (from: LocalDate, to: LocalDate): number =>
  toEpochDay(to) - toEpochDay(from)

/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const weekday = (date: LocalDate): IsoWeekday =>
  ((((toEpochDay(date) % 7) + 7 + 3) % 7) + 1) as IsoWeekday

/** Whether a date falls on Saturday or Sunday. */
export const isWeekend = (date: LocalDate): boolean => weekday(date) >= 6

/** Compares two dates: -1 when `a` is earlier, 1 when later, 0 when equal. */
export const compare = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/** Effect `Order` of dates, for `Array.sort`, `Order.min` and friends. */
export const Order: Ord.Order<LocalDate> = compare

/** Whether `a` is strictly earlier than `b`. */
export const isBefore = (a: LocalDate, b: LocalDate): boolean => a < b

/** Whether `a` is strictly later than `b`. */
export const isAfter = (a: LocalDate, b: LocalDate): boolean => a > b

/** Whether `date` lies in the inclusive range `[from, to]`. */
export const isBetween = (date: LocalDate, from: LocalDate, to: LocalDate): boolean =>
  from <= date && date <= to

/** The earlier of two dates. */
export const min = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b)

/** The later of two dates. */
export const max = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b)

/** The first day of the given month (1–12). Throws on an impossible year or month. */
export const firstDayOfMonth = (year: number, month: number): LocalDate =>
  makeUnsafe(year, month, 1)

/** The last day of the given month (1–12), e.g. 2024-02-29. Throws on an impossible month. */
export const lastDayOfMonth = (year: number, month: number): LocalDate =>
  makeUnsafe(year, month, daysInMonth(year, month))

/**
 * Every date from `from` to `to`, both included, in order; nothing when `to` is earlier.
 * Lazy, so a long range costs nothing until it is read.
 */
export function* range(from: LocalDate, to: LocalDate): Generator<LocalDate, void, undefined> {
  const last = toEpochDay(to)
  for (let n = toEpochDay(from); n <= last; n++) yield fromEpochDay(n)
}

/** The first date on or after `date` that falls on `target` weekday. */
export const nextOrSameWeekday = (date: LocalDate, target: IsoWeekday): LocalDate =>
  addDays(date, (target - weekday(date) + 7) % 7)

/** The last date strictly before `date` that falls on `target` weekday. */
export const previousWeekday = (date: LocalDate, target: IsoWeekday): LocalDate =>
  addDays(date, -((weekday(date) - target + 6) % 7) - 1)

/** Decodes untrusted input to a date, with the schema's readable message on failure. */
export const decodeUnknown = (u: unknown): Result.Result<LocalDate, Schema.SchemaError> =>
  Schema.decodeUnknownResult(LocalDate)(u)

/** Reads a date from text when it is one, `Option.none()` otherwise. */
export const fromString = (text: string): Option.Option<LocalDate> => Result.getSuccess(parse(text))
