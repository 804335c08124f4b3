/**
 * The school year (учебный год): the span of days in which regular formats such as the
 * unified methodical day run, and its vacations (каникулы). By default a school year runs
 * from 1 September to 31 May of the next year; a district's regulation may set other
 * first and last days and its own vacations, given here as plain data.
 *
 * A school year is named by the calendar year it starts in: `startYear` 2025 is the year
 * 2025/26.
 *
 * @module
 */
import { Option, Result, Schema } from "effect"
import * as LocalDate from "./LocalDate.ts"

/** A vacation (каникулы) of a school year: both ends included. */
export const Vacation = Schema.Struct({
  name: Schema.NonEmptyString,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
})
/** @see Vacation */
export type Vacation = typeof Vacation.Type

/** A school year (учебный год): its first and last days and its vacations. */
export const SchoolYear = Schema.Struct({
  startYear: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 9998 })),
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate,
  vacations: Schema.Array(Vacation),
})
/** @see SchoolYear */
export type SchoolYear = typeof SchoolYear.Type

/** Refusal to build a school year whose days or vacations do not fit together. */
export class InvalidSchoolYear extends Schema.TaggedError<InvalidSchoolYear>()(
  "InvalidSchoolYear",
  { startYear: Schema.Number, reason: Schema.String },
) {
  override get message(): string {
    return `school year ${this.startYear}/${String((this.startYear + 1) % 100).padStart(2, "0")}: ${this.reason}`
  }
}

/** The default first day of a school year: 1 September of `startYear`. */
export const defaultStart = (startYear: number): LocalDate.LocalDate =>
  LocalDate.makeUnsafe(startYear, 9, 1)

/** The default last day of a school year: 31 May of the following calendar year. */
export const defaultEnd = (startYear: number): LocalDate.LocalDate =>
  LocalDate.makeUnsafe(startYear + 1, 5, 31)

const lastSaturdayOf = (year: number, month: number): LocalDate.LocalDate =>
  LocalDate.previousWeekday(
    LocalDate.addDays(LocalDate.lastDayOfMonth(year, month), 1),
    LocalDate.Weekday.Saturday,
  )

/**
 * A typical set of vacations, as a template for a regulation to adopt or override:
 * - autumn: nine days from the last Saturday of October to the Sunday a week later;
 * - winter: from 31 December to the first Sunday on or after 8 January;
 * - spring: nine days from the last Saturday of March to the Sunday a week later.
 * The extra February week for first-graders is left to the regulation.
 */
export const typicalVacations = (startYear: number): ReadonlyArray<Vacation> => {
  const autumn = lastSaturdayOf(startYear, 10)
  const spring = lastSaturdayOf(startYear + 1, 3)
  return [
    { name: "Осенние каникулы", from: autumn, to: LocalDate.addDays(autumn, 8) },
    {
      name: "Зимние каникулы",
      from: LocalDate.makeUnsafe(startYear, 12, 31),
      to: LocalDate.nextOrSameWeekday(
        LocalDate.makeUnsafe(startYear + 1, 1, 8),
        LocalDate.Weekday.Sunday,
      ),
    },
    { name: "Весенние каникулы", from: spring, to: LocalDate.addDays(spring, 8) },
  ]
}

const check = (year: SchoolYear): Result.Result<SchoolYear, InvalidSchoolYear> => {
  const fail = (reason: string) =>
    Result.fail(new InvalidSchoolYear({ startYear: year.startYear, reason }))
  if (year.end < year.start)
    return fail(`the last day ${year.end} is before the first ${year.start}`)
  if (LocalDate.diffDays(year.start, year.end) > 366) {
    return fail(`from ${year.start} to ${year.end} is longer than a year`)
  }
  const sorted = [...year.vacations].sort((a, b) => LocalDate.compare(a.from, b.from))
  for (const [i, v] of sorted.entries()) {
    if (v.to < v.from) return fail(`vacation "${v.name}" ends ${v.to} before it starts ${v.from}`)
    if (v.from < year.start || v.to > year.end) {
      return fail(`vacation "${v.name}" (${v.from}–${v.to}) lies outside ${year.start}–${year.end}`)
    }
    const previous = sorted[i - 1]
    if (previous !== undefined && v.from <= previous.to) {
      return fail(`vacations "${previous.name}" and "${v.name}" overlap`)
    }
  }
  return Result.succeed({ ...year, vacations: sorted })
}

/**
 * Builds a school year starting in `startYear`. The first and last days default to
 * 1 September and 31 May and the vacations to {@link typicalVacations}; pass `vacations: []`
 * for none. Refuses a year that ends before it starts, runs longer than a year, or has a
 * vacation outside it or overlapping another.
 */
export const make = (options: {
  readonly startYear: number
  readonly start?: LocalDate.LocalDate
  readonly end?: LocalDate.LocalDate
  readonly vacations?: ReadonlyArray<Vacation>
}): Result.Result<SchoolYear, InvalidSchoolYear> => {
  const { startYear } = options
  if (!Number.isInteger(startYear) || startYear < 1 || startYear > 9998) {
    return Result.fail(
      new InvalidSchoolYear({ startYear, reason: "the start year must be 1–9998" }),
    )
  }
  return check({
    startYear,
    start: options.start ?? defaultStart(startYear),
    end: options.end ?? defaultEnd(startYear),
    vacations: options.vacations ?? typicalVacations(startYear),
  })
}

/**
 * The default school year starting in `startYear`: 1 September to 31 May with the
 * typical vacations. Throws only for a start year outside 1–9998.
 */
export const standard = (startYear: number): SchoolYear => Result.getOrThrow(make({ startYear }))

/**
 * The start year of the school year a date belongs to under the default calendar: dates
 * from September to December belong to the year starting that autumn, dates from January
 * to August to the year that started the autumn before (summer is the tail of the year
 * just ended). 2026-03-10 → 2025, 2025-09-01 → 2025.
 */
export const schoolYearOf = (date: LocalDate.LocalDate): number =>
  LocalDate.month(date) >= 9 ? LocalDate.year(date) : LocalDate.year(date) - 1

/** Whether the date lies between the first and last days of the school year, inclusive. */
export const contains = (year: SchoolYear, date: LocalDate.LocalDate): boolean =>
  LocalDate.isBetween(date, year.start, year.end)

/** The vacation the date falls in, if any. */
export const vacationOn = (year: SchoolYear, date: LocalDate.LocalDate): Option.Option<Vacation> =>
  Option.fromNullishOr(year.vacations.find((v) => LocalDate.isBetween(date, v.from, v.to)))

/** Whether the date falls in one of the school year's vacations. */
export const isInVacation = (year: SchoolYear, date: LocalDate.LocalDate): boolean =>
  Option.isSome(vacationOn(year, date))

/** The usual label of a school year, e.g. "2025/26". */
export const label = (year: SchoolYear): string =>
  `${year.startYear}/${String((year.startYear + 1) % 100).padStart(2, "0")}`
