/**
 * Weekly formats: the dates on which something held "every Thursday of the school year"
 * actually happens (EMD-1.2). Each week's candidate date is kept when it is a working
 * day of the production calendar and, when asked, not in a vacation; otherwise it is
 * skipped, with the reason, so a plan can show why a week has no meeting.
 *
 * @module
 */
import { Result } from "effect"
import * as LocalDate from "./LocalDate.ts"
import * as ProductionCalendar from "./ProductionCalendar.ts"
import type * as SchoolYear from "./SchoolYear.ts"

/** Why a week's date is not held. */
export type SkipReason = "non-working-day" | "vacation"

/** One week's candidate date and whether it is held. */
export type WeeklySlot =
  | { readonly date: LocalDate.LocalDate; readonly held: true }
  | {
      readonly date: LocalDate.LocalDate
      readonly held: false
      readonly reason: SkipReason
      /** The calendar's explanation (holiday, transfer, act) or the vacation's name. */
      readonly detail: string
    }

/** What to schedule: a weekday in a school year, against a production calendar. */
export interface WeeklyOptions {
  readonly schoolYear: SchoolYear.SchoolYear
  /** ISO weekday, 1 = Monday … 7 = Sunday (EMD-1.2: Thursday, a regulation setting). */
  readonly weekday: LocalDate.IsoWeekday
  readonly calendar: ProductionCalendar.ProductionCalendar
  /** Skip weeks whose date falls in a vacation of the school year. Default: false. */
  readonly skipVacations?: boolean
}

const describeDay = (info: ProductionCalendar.DayInfo): string =>
  info.name ?? (info.kind === "weekend" ? "выходной день" : info.kind)

/**
 * Every date of the given weekday from the first to the last day of the school year, in
 * order, each marked held or skipped with its reason. Refuses with `YearNotCovered` when
 * the school year reaches beyond the calendar's data.
 */
export const weeklySlots = (
  options: WeeklyOptions,
): Result.Result<ReadonlyArray<WeeklySlot>, ProductionCalendar.YearNotCovered> => {
  const { schoolYear, weekday, calendar } = options
  const skipVacations = options.skipVacations ?? false
  const slots: Array<WeeklySlot> = []
  for (
    let date = LocalDate.nextOrSameWeekday(schoolYear.start, weekday);
    date <= schoolYear.end;
    date = LocalDate.addDays(date, 7)
  ) {
    const info = ProductionCalendar.dayInfo(calendar, date)
    if (Result.isFailure(info)) return Result.fail(info.failure)
    const vacation = skipVacations
      ? schoolYear.vacations.find((v) => LocalDate.isBetween(date, v.from, v.to))
      : undefined
    if (!info.success.working) {
      slots.push({
        date,
        held: false,
        reason: "non-working-day",
        detail: describeDay(info.success),
      })
    } else if (vacation !== undefined) {
      slots.push({ date, held: false, reason: "vacation", detail: vacation.name })
    } else {
      slots.push({ date, held: true })
    }
  }
  return Result.succeed(slots)
}

/**
 * EMD-1.2: the dates a weekly format is held, e.g. every Thursday of the school year with
 * non-working days (and, when asked, vacations) skipped. Strictly increasing.
 */
export const weeklyDates = (
  options: WeeklyOptions,
): Result.Result<ReadonlyArray<LocalDate.LocalDate>, ProductionCalendar.YearNotCovered> =>
  Result.map(weeklySlots(options), (slots) => slots.filter((s) => s.held).map((s) => s.date))
