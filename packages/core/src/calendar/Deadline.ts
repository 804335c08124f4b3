/**
 * Due instants: turning a regulation's "Monday 11:00 local before Thursday T" into the
 * instant after which a submission is late, in the district's time zone.
 *
 * A rule names a local date relative to an event date (an offset in days, or "the
 * Monday before") and a local time (or the end of that day). When that date is not a
 * working day it moves, by default to the next working day (Civil Code art. 193: a term
 * ending on a non-working day ends on the next working day), but a deadline set before
 * an event never moves onto or past the event's own date: then it moves back to the last
 * working day before the event instead. A regulation may ask for the previous working
 * day, or for no move at all.
 *
 * Instants come from Effect `DateTime` in a named zone, with the zone's own rules; no
 * offset arithmetic is done by hand.
 *
 * @module
 */
import { DateTime, Result, Schema } from "effect"
import * as LocalDate from "./LocalDate.ts"
import * as ProductionCalendar from "./ProductionCalendar.ts"
import * as Zone from "./Zone.ts"

/** A local time of day, hour 0–23 and minute 0–59. */
export const TimeOfDay = Schema.Struct({
  hour: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 23 })),
  minute: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 59 })),
})
/** @see TimeOfDay */
export type TimeOfDay = typeof TimeOfDay.Type

/** A clock time, or the very end of the day (23:59:59.999 local). */
export const DueTime = Schema.Union([TimeOfDay, Schema.Literal("end-of-day")])
/** @see DueTime */
export type DueTime = typeof DueTime.Type

/**
 * A due date `offsetDays` days from the event date (negative: before it), e.g. EMD-2.10
 * "Monday T−3 by 11:00" is `{ offsetDays: -3, time: { hour: 11, minute: 0 } }`.
 */
export const OffsetRule = Schema.Struct({
  offsetDays: Schema.Int,
  time: DueTime,
})
/** @see OffsetRule */
export type OffsetRule = typeof OffsetRule.Type

/** A due date on the last given weekday strictly before the event date ("the Monday before T"). */
export const WeekdayBeforeRule = Schema.Struct({
  weekdayBefore: Schema.Literals([1, 2, 3, 4, 5, 6, 7]),
  time: DueTime,
})
/** @see WeekdayBeforeRule */
export type WeekdayBeforeRule = typeof WeekdayBeforeRule.Type

/** A regulation's deadline rule relative to an event date. */
export const DeadlineRule = Schema.Union([OffsetRule, WeekdayBeforeRule])
/** @see DeadlineRule */
export type DeadlineRule = typeof DeadlineRule.Type

/**
 * What to do when the rule's date is not a working day: `next-working-day` (Civil Code
 * art. 193, the default), `previous-working-day`, or `none` (keep the date).
 */
export type MoveRule = "next-working-day" | "previous-working-day" | "none"

/** How the due date was moved from the rule's date, so callers can explain it. */
export type Movement =
  | "not-moved"
  | "to-next-working-day"
  | "to-previous-working-day"
  /** The next working day would be on or after the event, so it moved back instead. */
  | "back-before-event"

/** A due instant with the local date it falls on and how that date was chosen. */
export interface Due {
  /** The instant in the district's zone. */
  readonly zoned: DateTime.Zoned
  /** The same instant in UTC, for storage and comparison. */
  readonly utc: DateTime.Utc
  /** The local date the deadline falls on, after any move. */
  readonly localDate: LocalDate.LocalDate
  /** The local date the rule names before any move. */
  readonly ruleDate: LocalDate.LocalDate
  /** Whether the date was moved off a non-working day. */
  readonly moved: boolean
  readonly movement: Movement
}

/** Refusal of a rule whose time of day or offset is impossible. */
export class InvalidDeadlineRule extends Schema.TaggedError<InvalidDeadlineRule>()(
  "InvalidDeadlineRule",
  { reason: Schema.String },
) {
  override get message(): string {
    return `invalid deadline rule: ${this.reason}`
  }
}

/** Errors `dueInstant` may refuse with. */
export type DueError = ProductionCalendar.YearNotCovered | InvalidDeadlineRule

const isWeekdayRule = (rule: DeadlineRule): rule is WeekdayBeforeRule => "weekdayBefore" in rule

const problemWith = (rule: DeadlineRule): string | undefined => {
  if (!isWeekdayRule(rule) && !Number.isInteger(rule.offsetDays)) {
    return `offsetDays must be an integer, got ${rule.offsetDays}`
  }
  if (
    isWeekdayRule(rule) &&
    !(Number.isInteger(rule.weekdayBefore) && rule.weekdayBefore >= 1 && rule.weekdayBefore <= 7)
  ) {
    return `weekdayBefore must be 1 (Monday) to 7 (Sunday), got ${rule.weekdayBefore}`
  }
  const t = rule.time
  if (t !== "end-of-day") {
    const okHour = Number.isInteger(t.hour) && t.hour >= 0 && t.hour <= 23
    const okMinute = Number.isInteger(t.minute) && t.minute >= 0 && t.minute <= 59
    if (!okHour || !okMinute) return `time must be 00:00–23:59, got ${t.hour}:${t.minute}`
  }
  return undefined
}

/** The local date a rule names for an event date, before any move. */
export const ruleDate = (
  eventDate: LocalDate.LocalDate,
  rule: DeadlineRule,
): LocalDate.LocalDate =>
  isWeekdayRule(rule)
    ? LocalDate.previousWeekday(eventDate, rule.weekdayBefore)
    : LocalDate.addDays(eventDate, rule.offsetDays)

const at = (date: LocalDate.LocalDate, time: DueTime, zone: DateTime.TimeZone): DateTime.Zoned => {
  const { year, month, day } = LocalDate.toParts(date)
  const clock =
    time === "end-of-day"
      ? { hour: 23, minute: 59, second: 59, millisecond: 999 }
      : { hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }
  if (zone._tag === "Named") {
    // The same instant as Effect's, from the zone's kept offsets (see `Zone`).
    const millis = Zone.instantMillisAt({ year, month, day, ...clock }, zone.id)
    return DateTime.makeZonedUnsafe(millis, { timeZone: zone })
  }
  return DateTime.makeZonedUnsafe(
    { year, month, day, ...clock },
    { timeZone: zone, adjustForTimeZone: true },
  )
}

/** The first instant of a local date in a zone (00:00 local). */
export const startOfDay = (date: LocalDate.LocalDate, zone: DateTime.TimeZone): DateTime.Zoned =>
  at(date, { hour: 0, minute: 0 }, zone)

/** The last millisecond of a local date in a zone (23:59:59.999 local). */
export const endOfDay = (date: LocalDate.LocalDate, zone: DateTime.TimeZone): DateTime.Zoned =>
  at(date, "end-of-day", zone)

/** The local date of an instant in a zone, e.g. the day a submission arrived. */
export const localDateOf = (
  instant: DateTime.DateTime,
  zone: DateTime.TimeZone,
): LocalDate.LocalDate => {
  if (zone._tag === "Named") {
    const { year, month, day } = Zone.localParts(instant, zone.id)
    return LocalDate.makeUnsafe(year, month, day)
  }
  const { year, month, day } = DateTime.toParts(DateTime.setZone(instant, zone))
  return LocalDate.makeUnsafe(year, month, day)
}

/**
 * The instant a rule makes due for an event on `eventDate`, in `zone`, with non-working
 * days handled by `moveRule` (default `next-working-day`, Civil Code art. 193). A rule
 * date before the event never moves onto or past the event date: it moves back to the
 * last working day before the event instead. Refuses an impossible rule, or a date in a
 * year the calendar does not cover.
 */
export const dueInstant = (options: {
  readonly eventDate: LocalDate.LocalDate
  readonly rule: DeadlineRule
  readonly zone: DateTime.TimeZone
  readonly calendar: ProductionCalendar.ProductionCalendar
  readonly moveRule?: MoveRule
}): Result.Result<Due, DueError> => {
  const { eventDate, rule, zone, calendar } = options
  const moveRule = options.moveRule ?? "next-working-day"
  const problem = problemWith(rule)
  if (problem !== undefined) return Result.fail(new InvalidDeadlineRule({ reason: problem }))

  const nominal = ruleDate(eventDate, rule)
  const chosen = choose(calendar, nominal, eventDate, moveRule)
  if (Result.isFailure(chosen)) return Result.fail(chosen.failure)
  const [localDate, movement] = chosen.success
  const zoned = at(localDate, rule.time, zone)
  return Result.succeed({
    zoned,
    utc: DateTime.toUtc(zoned),
    localDate,
    ruleDate: nominal,
    moved: movement !== "not-moved",
    movement,
  })
}

const choose = (
  calendar: ProductionCalendar.ProductionCalendar,
  nominal: LocalDate.LocalDate,
  eventDate: LocalDate.LocalDate,
  moveRule: MoveRule,
): Result.Result<readonly [LocalDate.LocalDate, Movement], ProductionCalendar.YearNotCovered> => {
  if (moveRule === "none") return Result.succeed([nominal, "not-moved"] as const)
  const working = ProductionCalendar.isWorkingDay(calendar, nominal)
  if (Result.isFailure(working)) return Result.fail(working.failure)
  if (working.success) return Result.succeed([nominal, "not-moved"] as const)
  if (moveRule === "previous-working-day") {
    return Result.map(
      ProductionCalendar.previousWorkingDay(calendar, nominal),
      (date) => [date, "to-previous-working-day"] as const,
    )
  }
  const next = ProductionCalendar.nextWorkingDay(calendar, nominal)
  if (Result.isFailure(next)) return Result.fail(next.failure)
  if (nominal < eventDate && next.success >= eventDate) {
    return Result.map(
      ProductionCalendar.previousWorkingDay(calendar, nominal),
      (date) => [date, "back-before-event"] as const,
    )
  }
  return Result.succeed([next.success, "to-next-working-day"] as const)
}

/**
 * Whether a submission at `submittedAt` is late for `due`: strictly after the due
 * instant. A late submission is still accepted by the formats (EMD-2.10); this only
 * marks it.
 */
export const isLate = (submittedAt: DateTime.DateTime, due: Due | DateTime.DateTime): boolean =>
  DateTime.isGreaterThan(submittedAt, DateTime.isDateTime(due) ? due : due.utc)
