import { DateTime, Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Deadline from "./Deadline.ts"
import * as DistrictZones from "./DistrictZones.ts"
import * as LocalDate from "./LocalDate.ts"
import * as ProductionCalendar from "./ProductionCalendar.ts"
import * as RussianFederalCalendar from "./RussianFederalCalendar.ts"
import * as SchoolYear from "./SchoolYear.ts"
import * as WeeklySchedule from "./WeeklySchedule.ts"

const d = LocalDate.unsafeFromString
const calendar = RussianFederalCalendar.calendar
const { OmskRegion, PrimorskyTerritory, KirovRegion } = DistrictZones

/** EMD-2.10: the school's questions are due Monday T−3 by 11:00 local. */
const questionsDue: Deadline.DeadlineRule = { offsetDays: -3, time: { hour: 11, minute: 0 } }
/** EMD-2.9: the videoconference on Friday T−6 (15:00 local, for the test). */
const videoconference: Deadline.DeadlineRule = { offsetDays: -6, time: { hour: 15, minute: 0 } }
/** EMD-2.7: links and questions issued on Wednesday T−8, by the end of that day. */
const materialsIssued: Deadline.DeadlineRule = { offsetDays: -8, time: "end-of-day" }
/** "The Monday before T", 11:00. */
const mondayBefore: Deadline.DeadlineRule = {
  weekdayBefore: LocalDate.Weekday.Monday,
  time: { hour: 11, minute: 0 },
}

const due = (
  eventDate: string,
  rule: Deadline.DeadlineRule,
  zone: DateTime.TimeZone = OmskRegion,
  moveRule?: Deadline.MoveRule,
) =>
  Result.getOrThrow(
    Deadline.dueInstant({
      eventDate: d(eventDate),
      rule,
      zone,
      calendar,
      ...(moveRule === undefined ? {} : { moveRule }),
    }),
  )

const iso = (dt: DateTime.DateTime) => DateTime.formatIso(DateTime.toUtc(dt))

describe("Deadline: known dates", () => {
  it("EMD-2.10 questions for Thursday 13.11.2025 are due Monday 10.11 at 11:00 Omsk (05:00Z)", () => {
    const r = due("2025-11-13", questionsDue)
    expect(r.localDate).toBe("2025-11-10")
    expect(r.moved).toBe(false)
    expect(DateTime.formatIsoZoned(r.zoned)).toBe("2025-11-10T11:00:00.000+06:00[Asia/Omsk]")
    expect(iso(r.utc)).toBe("2025-11-10T05:00:00.000Z")
  })

  it("EMD-2.10 the same rule is a different instant in each seed district's zone", () => {
    const instants = DistrictZones.seedZones.map((zone) =>
      iso(due("2025-11-13", questionsDue, zone).utc),
    )
    expect(instants).toEqual([
      "2025-11-10T08:00:00.000Z", // Kirov, UTC+3
      "2025-11-10T08:00:00.000Z", // Belgorod (Moscow), UTC+3
      "2025-11-10T05:00:00.000Z", // Omsk, UTC+6
      "2025-11-10T04:00:00.000Z", // Krasnoyarsk, UTC+7
      "2025-11-10T01:00:00.000Z", // Vladivostok, UTC+10
    ])
  })

  it("EMD-2.10 Monday 03.11.2025 is off (№ 1335) and 04.11 a holiday, so questions are due Wednesday 05.11 (Civil Code art. 193)", () => {
    const r = due("2025-11-06", questionsDue)
    expect(r.ruleDate).toBe("2025-11-03")
    expect(r.localDate).toBe("2025-11-05")
    expect(r.moved).toBe(true)
    expect(r.movement).toBe("to-next-working-day")
  })

  it("EMD-2.10 moves back before the event when the next working day is the event itself (T = 09.01.2025)", () => {
    // T−3 is 6 January, a holiday; the next working day is Thursday 9 January, the day itself.
    // The last working day before is Saturday 28.12.2024, a working day by decree № 1314.
    const r = due("2025-01-09", questionsDue)
    expect(r.ruleDate).toBe("2025-01-06")
    expect(r.localDate).toBe("2024-12-28")
    expect(r.movement).toBe("back-before-event")
  })

  it("EMD-2.10 'the Monday before T' names the same day as T−3 for a Thursday", () => {
    expect(due("2025-11-13", mondayBefore).localDate).toBe("2025-11-10")
    expect(due("2021-02-25", mondayBefore).localDate).toBe("2021-02-24")
    // For a Monday event it is the Monday a week earlier.
    expect(due("2025-11-17", mondayBefore).ruleDate).toBe("2025-11-10")
  })

  it("moveRule 'previous-working-day' and 'none' are honoured", () => {
    // 1 November 2025 is a working Saturday under decree № 1335.
    expect(due("2025-11-06", questionsDue, OmskRegion, "previous-working-day").localDate).toBe(
      "2025-11-01",
    )
    const kept = due("2025-11-06", questionsDue, OmskRegion, "none")
    expect(kept.localDate).toBe("2025-11-03")
    expect(kept.moved).toBe(false)
  })

  it("EMD-2.7 end of day is 23:59:59.999 local", () => {
    const r = due("2025-11-20", materialsIssued, PrimorskyTerritory)
    expect(r.localDate).toBe("2025-11-12")
    expect(DateTime.formatIsoZoned(r.zoned)).toBe("2025-11-12T23:59:59.999+10:00[Asia/Vladivostok]")
    expect(iso(Deadline.endOfDay(d("2025-11-12"), KirovRegion))).toBe("2025-11-12T20:59:59.999Z")
    expect(iso(Deadline.startOfDay(d("2025-11-12"), KirovRegion))).toBe("2025-11-11T21:00:00.000Z")
  })

  it("EMD-2.10 a submission is late only strictly after the due instant", () => {
    const r = due("2025-11-13", questionsDue)
    const at = (s: string) => DateTime.makeUnsafe(s)
    expect(Deadline.isLate(at("2025-11-10T04:59:59.999Z"), r)).toBe(false)
    expect(Deadline.isLate(at("2025-11-10T05:00:00.000Z"), r)).toBe(false)
    expect(Deadline.isLate(at("2025-11-10T05:00:00.001Z"), r)).toBe(true)
    expect(Deadline.isLate(at("2025-11-10T05:00:00.001Z"), r.zoned)).toBe(true)
    expect(Deadline.localDateOf(at("2025-11-09T19:00:00.000Z"), OmskRegion)).toBe("2025-11-10")
  })

  it("refuses an impossible rule and a year without calendar data", () => {
    const bad = Deadline.dueInstant({
      eventDate: d("2025-11-13"),
      rule: { offsetDays: -3, time: { hour: 24, minute: 0 } },
      zone: OmskRegion,
      calendar,
    })
    expect(Result.isFailure(bad) && bad.failure._tag === "InvalidDeadlineRule").toBe(true)
    const fraction = Deadline.dueInstant({
      eventDate: d("2025-11-13"),
      rule: { offsetDays: -2.5, time: "end-of-day" },
      zone: OmskRegion,
      calendar,
    })
    expect(Result.isFailure(fraction) && fraction.failure._tag === "InvalidDeadlineRule").toBe(true)
    const uncovered = Deadline.dueInstant({
      eventDate: d("2028-03-02"),
      rule: questionsDue,
      zone: OmskRegion,
      calendar,
    })
    expect(Result.isFailure(uncovered) && uncovered.failure._tag === "YearNotCovered").toBe(true)
  })

  it("decodes a regulation's rule from JSON and refuses a bad one readably", () => {
    const decode = Schema.decodeUnknownResult(Deadline.DeadlineRule)
    expect(decode({ offsetDays: -3, time: { hour: 11, minute: 0 } })).toEqual(
      Result.succeed(questionsDue),
    )
    expect(Result.isSuccess(decode({ weekdayBefore: 1, time: "end-of-day" }))).toBe(true)
    const bad = decode({ offsetDays: -3, time: { hour: 11, minute: 75 } })
    expect(Result.isFailure(bad)).toBe(true)
  })
})

describe("Deadline: properties over 2020/21–2026/27 and the five seed zones", () => {
  const rules: ReadonlyArray<readonly [string, Deadline.DeadlineRule]> = [
    ["EMD-2.10 T−3 11:00", questionsDue],
    ["EMD-2.9 T−6 15:00", videoconference],
    ["EMD-2.7 T−8 end of day", materialsIssued],
    ["the Monday before T, 11:00", mondayBefore],
    ["T−1 end of day", { offsetDays: -1, time: "end-of-day" }],
  ]

  /** Every weekly event date of school years 2020/21–2026/27, weekdays Monday–Friday. */
  const events: ReadonlyArray<LocalDate.LocalDate> = (() => {
    const all: Array<LocalDate.LocalDate> = []
    for (let startYear = 2020; startYear <= 2026; startYear++) {
      for (let w = 1; w <= 5; w++) {
        const dates = WeeklySchedule.weeklyDates({
          schoolYear: SchoolYear.standard(startYear),
          weekday: w as LocalDate.IsoWeekday,
          calendar,
        })
        all.push(...Result.getOrThrow(dates))
      }
    }
    return all
  })()

  const arbEvent = fc.constantFrom(...events)
  const arbZone = fc.constantFrom(...DistrictZones.seedZones)
  const arbRule = fc.constantFrom(...rules)

  it("EMD-2.10 every due instant is on a working day, at the rule's local time, strictly before the event's day", () => {
    fc.assert(
      fc.property(arbEvent, arbZone, arbRule, (eventDate, zone, [, rule]) => {
        const r = Result.getOrThrow(Deadline.dueInstant({ eventDate, rule, zone, calendar }))
        // Read the instant back in the zone from its UTC form, not from the Zoned value.
        const parts = DateTime.toParts(DateTime.setZone(r.utc, zone))
        const expected =
          rule.time === "end-of-day"
            ? { hour: 23, minute: 59, second: 59, millisecond: 999 }
            : { hour: rule.time.hour, minute: rule.time.minute, second: 0, millisecond: 0 }
        const startOfEvent = Deadline.startOfDay(eventDate, zone)
        return (
          Result.getOrThrow(ProductionCalendar.isWorkingDay(calendar, r.localDate)) &&
          LocalDate.makeUnsafe(parts.year, parts.month, parts.day) === r.localDate &&
          parts.hour === expected.hour &&
          parts.minute === expected.minute &&
          parts.second === expected.second &&
          parts.millisecond === expected.millisecond &&
          DateTime.isLessThan(r.utc, startOfEvent) &&
          r.localDate < eventDate
        )
      }),
      { numRuns: 1500 },
    )
  })

  it("EMD-2.10 a due date moves only off a non-working day, forward unless that would reach the event", () => {
    fc.assert(
      fc.property(arbEvent, arbZone, arbRule, (eventDate, zone, [, rule]) => {
        const r = Result.getOrThrow(Deadline.dueInstant({ eventDate, rule, zone, calendar }))
        const ruleDayWorks = Result.getOrThrow(
          ProductionCalendar.isWorkingDay(calendar, r.ruleDate),
        )
        const next = Result.getOrThrow(ProductionCalendar.nextWorkingDay(calendar, r.ruleDate))
        const prev = Result.getOrThrow(ProductionCalendar.previousWorkingDay(calendar, r.ruleDate))
        if (ruleDayWorks) return !r.moved && r.localDate === r.ruleDate
        if (next < eventDate) return r.movement === "to-next-working-day" && r.localDate === next
        return r.movement === "back-before-event" && r.localDate === prev
      }),
      { numRuns: 1500 },
    )
  })

  it("a rule after the event (a report due T+3) moves forward to a working day on or after its date", () => {
    fc.assert(
      fc.property(arbEvent, arbZone, (eventDate, zone) => {
        const rule: Deadline.DeadlineRule = { offsetDays: 3, time: "end-of-day" }
        const r = Result.getOrThrow(Deadline.dueInstant({ eventDate, rule, zone, calendar }))
        return (
          Result.getOrThrow(ProductionCalendar.isWorkingDay(calendar, r.localDate)) &&
          r.localDate >= r.ruleDate &&
          r.movement !== "back-before-event"
        )
      }),
      { numRuns: 300 },
    )
  })

  it("a due instant does not depend on the zone's offset except through local time", () => {
    fc.assert(
      fc.property(arbEvent, arbZone, arbZone, arbRule, (eventDate, z1, z2, [, rule]) => {
        const a = Result.getOrThrow(Deadline.dueInstant({ eventDate, rule, zone: z1, calendar }))
        const b = Result.getOrThrow(Deadline.dueInstant({ eventDate, rule, zone: z2, calendar }))
        const offset = (z: DateTime.TimeZone) => DateTime.zonedOffset(DateTime.setZone(a.utc, z))
        return (
          a.localDate === b.localDate &&
          DateTime.toEpochMillis(a.utc) - DateTime.toEpochMillis(b.utc) === offset(z2) - offset(z1)
        )
      }),
      { numRuns: 500 },
    )
  })
})
