/**
 * What the unified methodical day (единый методический день, ЕМД) reads from the
 * regulation in force: the district's zone and production calendar, and the EMD
 * settings (weekday, step offsets, vacations, curator load, progress-sheet due date).
 *
 * The deciders of this folder are typed against {@link EmdRegulation}, so an engine whose
 * settings type has these three fields runs them directly, and any other settings type
 * is adapted in the engine's `regulationFor`.
 *
 * @module
 */
import { type DateTime, Schema } from "effect"
import * as Deadline from "../calendar/Deadline.ts"
import type * as ProductionCalendar from "../calendar/ProductionCalendar.ts"
import * as CuratorAssignment from "./CuratorAssignment.ts"

/** ISO weekday 1 = Monday … 7 = Sunday. */
export const Weekday = Schema.Literals([1, 2, 3, 4, 5, 6, 7])
/** @see Weekday */
export type Weekday = typeof Weekday.Type

/**
 * When the monthly progress sheet (лист продвижения, EMD-2.16) is due: at the end of the
 * last working day of the month (the default), or at the end of the month's last day.
 */
export const SheetDueRule = Schema.Literals(["last-working-day", "last-calendar-day"])
/** @see SheetDueRule */
export type SheetDueRule = typeof SheetDueRule.Type

/**
 * The EMD settings of a regulation. The defaults are those of the seed regulation
 * (Полтавский муниципальный район): Thursday, materials on Wednesday T−8, the
 * videoconference on Friday T−6, questions by Monday T−3 11:00 local time.
 */
export const EmdSettings = Schema.Struct({
  /** EMD-1.2: the weekday the day is held on (4 = Thursday). */
  weekday: Weekday,
  /** EMD-1.2: skip weeks that fall in a vacation of the school year. */
  skipVacations: Schema.Boolean,
  /** EMD-2.7: when the coordinator issues the video seminars and questions. */
  materials: Deadline.OffsetRule,
  /** EMD-2.9: the day of the videoconference (done by the end of that day). */
  videoconference: Deadline.OffsetRule,
  /** EMD-2.10: when the school's questions are due; later ones are marked late. */
  questions: Deadline.OffsetRule,
  /** EMD-2.12: how long after the day its decision is due (end of the day T + n). */
  decisionDays: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  /** EMD-2.3: the most low-results schools one curator may take. */
  curatorMaxLoad: CuratorAssignment.MaxLoad,
  /** EMD-2.16: when a month's progress sheet is due. */
  progressSheetDue: SheetDueRule,
})
/** @see EmdSettings */
export type EmdSettings = typeof EmdSettings.Type

/** The seed regulation's EMD settings. */
export const defaultSettings: EmdSettings = {
  weekday: 4,
  skipVacations: false,
  materials: { offsetDays: -8, time: "end-of-day" },
  videoconference: { offsetDays: -6, time: "end-of-day" },
  questions: { offsetDays: -3, time: { hour: 11, minute: 0 } },
  decisionDays: 0,
  curatorMaxLoad: 2,
  progressSheetDue: "last-working-day",
}

/** The regulation in force as the EMD deciders see it. */
export interface EmdRegulation {
  /** The district's time zone: every due time is local to it. */
  readonly zone: DateTime.TimeZone
  /** The production calendar of the district (federal plus regional days). */
  readonly calendar: ProductionCalendar.ProductionCalendar
  /** The EMD section of the regulation. */
  readonly emd: EmdSettings
}
