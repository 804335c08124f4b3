/**
 * The production calendar (производственный календарь): which days are working days.
 *
 * A year's calendar is built from four kinds of facts, each carrying its legal source:
 * - the federal non-working holidays of Labour Code art. 112 part 1;
 * - transfers of days off (перенос выходных дней): a day off moved from `from` to `to`,
 *   either by the government's yearly decree or by art. 112 part 2 (a holiday falling on
 *   a weekend moves the weekend day to the next working day); when `from` is an ordinary
 *   Saturday or Sunday it becomes a working day (рабочая суббота);
 * - periods made non-working by a presidential decree (2020 and 2021);
 * - regional additions that a district's region declares (a republic's holiday, a
 *   regional transfer), added with {@link withRegionalAdditions}.
 *
 * Every question names a date, and a date in a year the calendar does not cover is a
 * typed {@link YearNotCovered} refusal, never a silent "working day". The federal data
 * for 2020–2027 lives in `RussianFederalCalendar`.
 *
 * @module
 */
import { Option, Result, Schema } from "effect"
import * as LocalDate from "./LocalDate.ts"

/** The kind of act a calendar fact comes from. */
export const SourceKind = Schema.Literals([
  "labour-code",
  "government-decree",
  "presidential-decree",
  "regional-act",
  "projection",
])
/** @see SourceKind */
export type SourceKind = typeof SourceKind.Type

/** The act a calendar fact comes from, cited as people cite it. */
export const Source = Schema.Struct({
  kind: SourceKind,
  citation: Schema.NonEmptyString,
})
/** @see Source */
export type Source = typeof Source.Type

/** A non-working holiday (нерабочий праздничный день) and its name. */
export const Holiday = Schema.Struct({
  date: LocalDate.LocalDate,
  name: Schema.NonEmptyString,
})
/** @see Holiday */
export type Holiday = typeof Holiday.Type

/**
 * A transfer of a day off (перенос выходного дня): the day off of `from` is taken on `to`
 * instead. `to` becomes non-working; `from` becomes a working day unless it is a holiday.
 */
export const Transfer = Schema.Struct({
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  source: Source,
})
/** @see Transfer */
export type Transfer = typeof Transfer.Type

/** Days made non-working by an act (both ends included), e.g. a presidential decree. */
export const NonWorkingPeriod = Schema.Struct({
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  reason: Schema.NonEmptyString,
  source: Source,
})
/** @see NonWorkingPeriod */
export type NonWorkingPeriod = typeof NonWorkingPeriod.Type

/**
 * `official` when the year's government decree is published and encoded; `projected` when
 * only the Labour Code's automatic rules are applied because the decree is not known yet.
 */
export const YearStatus = Schema.Literals(["official", "projected"])
/** @see YearStatus */
export type YearStatus = typeof YearStatus.Type

/** One calendar year of federal facts, with the acts they come from. */
export const YearData = Schema.Struct({
  year: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 9999 })),
  status: YearStatus,
  /** The acts that shape this year, cited in full. */
  sources: Schema.Array(Source),
  holidays: Schema.Array(Holiday),
  transfers: Schema.Array(Transfer),
  nonWorkingPeriods: Schema.Array(NonWorkingPeriod),
  /** What a reader should know about the year, e.g. why it is only projected. */
  note: Schema.optionalKey(Schema.String),
})
/** @see YearData */
export type YearData = typeof YearData.Type

/** A day that a region makes non-working or working, on top of the federal calendar. */
export const RegionalAddition = Schema.Struct({
  date: LocalDate.LocalDate,
  kind: Schema.Literals(["non-working", "working"]),
  name: Schema.NonEmptyString,
  source: Source,
})
/** @see RegionalAddition */
export type RegionalAddition = typeof RegionalAddition.Type

/** A production calendar: federal data per year plus a district's regional additions. */
export interface ProductionCalendar {
  readonly years: ReadonlyMap<number, YearData>
  readonly regional: ReadonlyArray<RegionalAddition>
}

/** Refusal to answer about a date in a year the calendar has no data for. */
export class YearNotCovered extends Schema.TaggedError<YearNotCovered>()("YearNotCovered", {
  year: Schema.Number,
  date: Schema.String,
  covered: Schema.Array(Schema.Number),
}) {
  override get message(): string {
    const covered = this.covered.length === 0 ? "no years" : this.covered.join(", ")
    return `the production calendar has no data for ${this.year} (asked about ${this.date}); it covers ${covered}`
  }
}

/** Refusal of `nthWorkingDay` with n = 0 or a fraction: there is no 0th working day. */
export class InvalidWorkingDayIndex extends Schema.TaggedError<InvalidWorkingDayIndex>()(
  "InvalidWorkingDayIndex",
  { n: Schema.Number },
) {
  override get message(): string {
    return `the working-day index must be a non-zero integer, got ${this.n}`
  }
}

/** Why a day is working or not, in the order the rules are applied. */
export type DayKind =
  | "working-day"
  | "weekend"
  | "holiday"
  | "transferred-day-off"
  | "working-weekend-day"
  | "non-working-by-act"
  | "regional-non-working"
  | "regional-working"

/** The calendar's answer about one date, with the reason and the act behind it. */
export interface DayInfo {
  readonly date: LocalDate.LocalDate
  readonly working: boolean
  readonly kind: DayKind
  /** Whether the answer rests on an official decree or on a projection. */
  readonly status: YearStatus
  /** The holiday, period or addition name, when the day is special. */
  readonly name?: string
  /** The act that makes the day special; absent for ordinary weekdays and weekends. */
  readonly source?: Source
}

/** Builds a calendar from year data, optionally with regional additions. */
export const make = (
  years: Iterable<YearData>,
  regional: ReadonlyArray<RegionalAddition> = [],
): ProductionCalendar => ({
  years: new Map([...years].map((y) => [y.year, y] as const)),
  regional,
})

/**
 * The same calendar with more years, e.g. a newly published decree that a district enters
 * before the library ships it. A year given here replaces the calendar's data for it.
 */
export const withYears = (
  calendar: ProductionCalendar,
  years: Iterable<YearData>,
): ProductionCalendar => {
  const merged = new Map(calendar.years)
  for (const y of years) merged.set(y.year, y)
  return { years: merged, regional: calendar.regional }
}

/**
 * The same calendar with a region's own days added. Regional additions take precedence
 * over the federal facts for their date; among additions for one date the last one wins.
 * An addition for a year the calendar does not cover waits there until the year is added.
 */
export const withRegionalAdditions = (
  calendar: ProductionCalendar,
  additions: ReadonlyArray<RegionalAddition>,
): ProductionCalendar => ({
  years: calendar.years,
  regional: [...calendar.regional, ...additions],
})

/** The years the calendar can answer about, ascending. */
export const coveredYears = (calendar: ProductionCalendar): ReadonlyArray<number> =>
  [...calendar.years.keys()].sort((a, b) => a - b)

/** Whether the calendar has data for the year. */
export const covers = (calendar: ProductionCalendar, year: number): boolean =>
  calendar.years.has(year)

/** Labour Code art. 112 part 1: the source of every federal holiday. */
export const article112: Source = {
  kind: "labour-code",
  citation: "Трудовой кодекс Российской Федерации, статья 112, часть 1",
}

/** Special days of a calendar by date; ordinary days are answered from the weekday. */
type Index = ReadonlyMap<string, DayInfo>

// Indexes are derived data, cached per calendar value so repeated questions stay cheap.
const indexes = new WeakMap<ProductionCalendar, Index>()

const buildIndex = (calendar: ProductionCalendar): Index => {
  const index = new Map<string, DayInfo>()
  // Lowest precedence first; later writes override earlier ones for the same date.
  for (const data of calendar.years.values()) {
    const status = data.status
    for (const t of data.transfers) {
      if (!LocalDate.isWeekend(t.from)) continue
      index.set(t.from, {
        date: t.from,
        working: true,
        kind: "working-weekend-day",
        status,
        name: `рабочий день: выходной перенесён на ${t.to}`,
        source: t.source,
      })
    }
    for (const p of data.nonWorkingPeriods) {
      for (const date of LocalDate.range(p.from, p.to)) {
        index.set(date, {
          date,
          working: false,
          kind: "non-working-by-act",
          status,
          name: p.reason,
          source: p.source,
        })
      }
    }
    for (const t of data.transfers) {
      index.set(t.to, {
        date: t.to,
        working: false,
        kind: "transferred-day-off",
        status,
        name: `выходной день перенесён с ${t.from}`,
        source: t.source,
      })
    }
    for (const h of data.holidays) {
      index.set(h.date, {
        date: h.date,
        working: false,
        kind: "holiday",
        status,
        name: h.name,
        source: article112,
      })
    }
  }
  for (const r of calendar.regional) {
    const status = calendar.years.get(LocalDate.year(r.date))?.status ?? "official"
    const working = r.kind === "working"
    index.set(r.date, {
      date: r.date,
      working,
      kind: working ? "regional-working" : "regional-non-working",
      status,
      name: r.name,
      source: r.source,
    })
  }
  return index
}

const indexOf = (calendar: ProductionCalendar): Index => {
  let index = indexes.get(calendar)
  if (index === undefined) {
    index = buildIndex(calendar)
    indexes.set(calendar, index)
  }
  return index
}

/**
 * What the calendar says about a date: working or not, why, and under which act.
 * Refuses with {@link YearNotCovered} for a year without data.
 */
export const dayInfo = (
  calendar: ProductionCalendar,
  date: LocalDate.LocalDate,
): Result.Result<DayInfo, YearNotCovered> => {
  const y = LocalDate.year(date)
  const data = calendar.years.get(y)
  if (data === undefined) {
    return Result.fail(new YearNotCovered({ year: y, date, covered: [...coveredYears(calendar)] }))
  }
  const special = indexOf(calendar).get(date)
  if (special !== undefined) return Result.succeed(special)
  const weekend = LocalDate.isWeekend(date)
  return Result.succeed({
    date,
    working: !weekend,
    kind: weekend ? "weekend" : "working-day",
    status: data.status,
  })
}

/** Whether the date is a working day. Refuses with {@link YearNotCovered} outside the data. */
export const isWorkingDay = (
  calendar: ProductionCalendar,
  date: LocalDate.LocalDate,
): Result.Result<boolean, YearNotCovered> => Result.map(dayInfo(calendar, date), (i) => i.working)

/** Whether the date is a non-working day (weekend, holiday, day off by transfer or act). */
export const isNonWorkingDay = (
  calendar: ProductionCalendar,
  date: LocalDate.LocalDate,
): Result.Result<boolean, YearNotCovered> => Result.map(dayInfo(calendar, date), (i) => !i.working)

const step = (
  calendar: ProductionCalendar,
  date: LocalDate.LocalDate,
  direction: 1 | -1,
): Result.Result<LocalDate.LocalDate, YearNotCovered> => {
  let current = date
  for (;;) {
    const info = dayInfo(calendar, current)
    if (Result.isFailure(info)) return Result.fail(info.failure)
    if (info.success.working) return Result.succeed(current)
    current = LocalDate.addDays(current, direction)
  }
}

/** The date itself when it is a working day, otherwise the first working day after it. */
export const nextWorkingDay = (
  calendar: ProductionCalendar,
  date: LocalDate.LocalDate,
): Result.Result<LocalDate.LocalDate, YearNotCovered> => step(calendar, date, 1)

/** The date itself when it is a working day, otherwise the last working day before it. */
export const previousWorkingDay = (
  calendar: ProductionCalendar,
  date: LocalDate.LocalDate,
): Result.Result<LocalDate.LocalDate, YearNotCovered> => step(calendar, date, -1)

/**
 * The n-th working day counted from `from`, which counts itself when it is a working day:
 * n = 1 is {@link nextWorkingDay}, n = 2 the working day after that, and so on. A negative
 * n counts backwards the same way: n = -1 is {@link previousWorkingDay}. So "the third
 * working day of March" is `nthWorkingDay(cal, "2026-03-01", 3)`.
 */
export const nthWorkingDay = (
  calendar: ProductionCalendar,
  from: LocalDate.LocalDate,
  n: number,
): Result.Result<LocalDate.LocalDate, YearNotCovered | InvalidWorkingDayIndex> => {
  if (n === 0 || !Number.isInteger(n)) return Result.fail(new InvalidWorkingDayIndex({ n }))
  const direction = n > 0 ? 1 : -1
  let found = step(calendar, from, direction)
  for (let k = Math.abs(n); k > 1; k--) {
    if (Result.isFailure(found)) return found
    found = step(calendar, LocalDate.addDays(found.success, direction), direction)
  }
  return found
}

/**
 * How many working days lie in the inclusive range `[from, to]`; 0 when `to` is earlier.
 * Refuses when any day of the range is in a year without data.
 */
export const workingDaysBetween = (
  calendar: ProductionCalendar,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
): Result.Result<number, YearNotCovered> => {
  let count = 0
  for (const date of LocalDate.range(from, to)) {
    const info = dayInfo(calendar, date)
    if (Result.isFailure(info)) return Result.fail(info.failure)
    if (info.success.working) count++
  }
  return Result.succeed(count)
}

/**
 * The last working day of a month (1–12), e.g. for a monthly report due at month end.
 * `Option.none()` when the month has no working day at all, as April 2020 under the
 * presidential non-working days.
 */
export const lastWorkingDayOfMonth = (
  calendar: ProductionCalendar,
  year: number,
  month: number,
): Result.Result<Option.Option<LocalDate.LocalDate>, YearNotCovered> => {
  const first = LocalDate.firstDayOfMonth(year, month)
  for (let date = LocalDate.lastDayOfMonth(year, month); date >= first; ) {
    const info = dayInfo(calendar, date)
    if (Result.isFailure(info)) return Result.fail(info.failure)
    if (info.success.working) return Result.succeed(Option.some(date))
    date = LocalDate.addDays(date, -1)
  }
  return Result.succeed(Option.none())
}

/** The status of a year's data, or `Option.none()` when the calendar does not cover it. */
export const yearStatus = (calendar: ProductionCalendar, year: number): Option.Option<YearStatus> =>
  Option.fromNullishOr(calendar.years.get(year)?.status)

/**
 * The weekend days a year makes working (рабочие субботы), derived from its transfers.
 */
export const workingWeekendDays = (data: YearData): ReadonlyArray<LocalDate.LocalDate> => {
  const holidays = new Set<string>(data.holidays.map((h) => h.date))
  return data.transfers
    .filter((t) => LocalDate.isWeekend(t.from) && !holidays.has(t.from))
    .map((t) => t.from)
    .sort()
}
