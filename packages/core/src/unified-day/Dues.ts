/**
 * Due instants of the unified methodical day, derived from the day's date T and the
 * regulation in force, in the district's zone (Civil Code art. 193 moves off
 * non-working days, never onto or past the day itself). A cycle keeps the dues it was
 * opened with, so a later change of the regulation does not rewrite its history.
 *
 * - EMD-2.7: materials by Wednesday T−8 (end of day);
 * - EMD-2.8: the form chosen before the day starts;
 * - EMD-2.9: the videoconference on Friday T−6;
 * - EMD-2.10: questions by Monday T−3 11:00 local time;
 * - EMD-2.12: the day held on T, its decision sent by the end of T (+ `decisionDays`);
 * - EMD-2.16: the progress sheet by the end of the month's last working day.
 *
 * @module
 */
import { DateTime, Option, Result, Schema } from "effect"
import * as Deadline from "../calendar/Deadline.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import * as ProductionCalendar from "../calendar/ProductionCalendar.ts"
import { calendarOf, type EmdRegulation, zoneOf } from "./Regulation.ts"
import * as YearMonth from "./YearMonth.ts"

/** A due instant with the local date it falls on. */
export const Due = Schema.Struct({
  date: LocalDate.LocalDate,
  at: Schema.DateTimeUtcFromString,
})
/** @see Due */
export type Due = typeof Due.Type

/** The steps of a school's weekly cycle, in their order. */
export const CycleStep = Schema.Literals([
  "materials",
  "form",
  "videoconference",
  "questions",
  "day",
  "decision",
])
/** @see CycleStep */
export type CycleStep = typeof CycleStep.Type

/** Every step of the weekly cycle, in order. */
export const cycleSteps: ReadonlyArray<CycleStep> = CycleStep.literals

/** The due instant of each step of one school's weekly cycle for the day T. */
export const CycleDues = Schema.Struct({
  /** EMD-2.7: the coordinator issues the video seminars and questions by then. */
  materials: Due,
  /** EMD-1.4, 2.8: the form is chosen before the day starts. */
  form: Due,
  /** EMD-2.9: the videoconference takes place on that date. */
  videoconference: Due,
  /** EMD-2.10: questions sent later are marked late. */
  questions: Due,
  /** EMD-2.12: the day is held on T. */
  day: Due,
  /** EMD-2.12: the decision is sent to the coordinator by then. */
  decision: Due,
})
/** @see CycleDues */
export type CycleDues = typeof CycleDues.Type

/** The due instants cannot be computed: the calendar lacks the year, or a rule is invalid. */
export class DueDatesUnavailable extends Schema.TaggedError<DueDatesUnavailable>()(
  "DueDatesUnavailable",
  { date: Schema.String, reason: Schema.String },
) {
  override get message(): string {
    return `due dates for ${this.date} cannot be computed: ${this.reason}`
  }
}

const unavailable = (date: string) => (e: { readonly message: string }) =>
  new DueDatesUnavailable({ date, reason: e.message })

const due = (
  date: LocalDate.LocalDate,
  rule: Deadline.DeadlineRule,
  regulation: EmdRegulation,
): Result.Result<Due, DueDatesUnavailable> =>
  Result.mapError(
    Result.map(
      Deadline.dueInstant({
        eventDate: date,
        rule,
        zone: zoneOf(regulation),
        calendar: calendarOf(regulation),
      }),
      (d): Due => ({ date: d.localDate, at: d.utc }),
    ),
    unavailable(date),
  )

/**
 * The dues of the weekly cycle for the day on `date` under `regulation`
 * (EMD-2.7–2.12).
 *
 * @example
 * cycleDues(LocalDate.unsafeFromString("2025-10-16"), regulation)
 * // questions: { date: "2025-10-13", at: 2025-10-13T05:00:00Z } in Asia/Omsk
 */
export const cycleDues = (
  date: LocalDate.LocalDate,
  regulation: EmdRegulation,
): Result.Result<CycleDues, DueDatesUnavailable> => {
  const s = regulation.emd
  const materials = due(date, s.materials, regulation)
  if (Result.isFailure(materials)) return Result.fail(materials.failure)
  const videoconference = due(date, s.videoconference, regulation)
  if (Result.isFailure(videoconference)) return Result.fail(videoconference.failure)
  const questions = due(date, s.questions, regulation)
  if (Result.isFailure(questions)) return Result.fail(questions.failure)
  const decision = due(date, { offsetDays: s.decisionDays, time: "end-of-day" }, regulation)
  if (Result.isFailure(decision)) return Result.fail(decision.failure)
  return Result.succeed({
    materials: materials.success,
    form: { date, at: DateTime.toUtc(Deadline.startOfDay(date, zoneOf(regulation))) },
    videoconference: videoconference.success,
    questions: questions.success,
    day: { date, at: DateTime.toUtc(Deadline.endOfDay(date, zoneOf(regulation))) },
    decision: decision.success,
  })
}

/**
 * EMD-2.16: when the progress sheet of `month` is due: the end of the month's last
 * working day (or of its last day, as the regulation says), local time.
 */
export const sheetDue = (
  month: YearMonth.YearMonth,
  regulation: EmdRegulation,
): Result.Result<Due, DueDatesUnavailable> => {
  const lastDay = YearMonth.lastDay(month)
  let date = lastDay
  if (regulation.emd.progressSheetDue === "last-working-day") {
    const last = ProductionCalendar.lastWorkingDayOfMonth(
      calendarOf(regulation),
      YearMonth.year(month),
      YearMonth.month(month),
    )
    if (Result.isFailure(last)) return Result.fail(unavailable(month)(last.failure))
    date = Option.getOrElse(last.success, () => lastDay)
  }
  return Result.succeed({ date, at: DateTime.toUtc(Deadline.endOfDay(date, zoneOf(regulation))) })
}

/**
 * The due instant of an item due on `date` (a decision item of EMD-2.13, a help item of
 * EMD-2.17): the end of that day, moved to the next working day when it is not one.
 */
export const endOfWorkingDay = (
  date: LocalDate.LocalDate,
  regulation: EmdRegulation,
): Result.Result<Due, DueDatesUnavailable> =>
  due(date, { offsetDays: 0, time: "end-of-day" }, regulation)

/** Whether something done at `at` is late for `due` (strictly after the due instant). */
export const isLate = (at: DateTime.Utc, d: Due): boolean => DateTime.isGreaterThan(at, d.at)
