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
import * as ProductionCalendar from "../calendar/ProductionCalendar.ts"
import * as RussianFederalCalendar from "../calendar/RussianFederalCalendar.ts"
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

/**
 * The regulation in force as the EMD deciders see it. The kernel's `Settings` has this
 * shape, so an engine whose regulation is `Settings` runs these deciders directly.
 */
export interface EmdRegulation {
  readonly calendar: {
    /** The district's time zone: every due time is local to it. */
    readonly timeZone: DateTime.TimeZone
    /** Days the region makes non-working or working on top of the federal calendar. */
    readonly regionalAdditions: ReadonlyArray<ProductionCalendar.RegionalAddition>
    /**
     * The first and last days of a school year as `MM-DD` (09-01 and 05-31 when absent),
     * used when the year is planned (EMD-1.2).
     */
    readonly schoolYear?: { readonly start: string; readonly end: string }
  }
  /** The EMD section of the regulation. */
  readonly emd: EmdSettings
  /**
   * A production calendar to use instead of the federal one (with the regional
   * additions above added to it), e.g. one with a newly published year.
   */
  readonly productionCalendar?: ProductionCalendar.ProductionCalendar
}

/** The district's time zone under `regulation`. */
export const zoneOf = (regulation: EmdRegulation): DateTime.TimeZone => regulation.calendar.timeZone

// Calendars with regional additions are derived data: one per additions list (and base),
// so a calendar's own index cache keeps working across decisions.
const derived = new WeakMap<
  ProductionCalendar.ProductionCalendar,
  WeakMap<ReadonlyArray<ProductionCalendar.RegionalAddition>, ProductionCalendar.ProductionCalendar>
>()

/**
 * The production calendar under `regulation`: the federal calendar 2020–2027 (or the
 * regulation's own) with the region's additions.
 */
export const calendarOf = (regulation: EmdRegulation): ProductionCalendar.ProductionCalendar => {
  const base = regulation.productionCalendar ?? RussianFederalCalendar.calendar
  const additions = regulation.calendar.regionalAdditions
  if (additions.length === 0) return base
  let byAdditions = derived.get(base)
  if (byAdditions === undefined) {
    byAdditions = new WeakMap()
    derived.set(base, byAdditions)
  }
  let calendar = byAdditions.get(additions)
  if (calendar === undefined) {
    calendar = ProductionCalendar.withRegionalAdditions(base, additions)
    byAdditions.set(additions, calendar)
  }
  return calendar
}
