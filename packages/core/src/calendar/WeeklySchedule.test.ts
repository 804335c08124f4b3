import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as LocalDate from "./LocalDate.ts"
import * as ProductionCalendar from "./ProductionCalendar.ts"
import * as RussianFederalCalendar from "./RussianFederalCalendar.ts"
import * as SchoolYear from "./SchoolYear.ts"
import * as WeeklySchedule from "./WeeklySchedule.ts"

const calendar = RussianFederalCalendar.calendar
const { Thursday } = LocalDate.Weekday

const isWorking = (date: LocalDate.LocalDate) =>
  Result.getOrThrow(ProductionCalendar.isWorkingDay(calendar, date))

describe("WeeklySchedule", () => {
  it("EMD-1.2 holds the unified day every Thursday of 2025/26, skipping 1 and 8 January", () => {
    const schoolYear = SchoolYear.standard(2025)
    const dates = Result.getOrThrow(
      WeeklySchedule.weeklyDates({ schoolYear, weekday: Thursday, calendar }),
    )
    expect(dates[0]).toBe("2025-09-04")
    expect(dates.at(-1)).toBe("2026-05-28")
    expect(dates).not.toContain("2026-01-01")
    expect(dates).not.toContain("2026-01-08")
    expect(dates).toContain("2025-11-06")
    expect(dates).toHaveLength(39 - 2)
  })

  it("EMD-1.2 explains skipped weeks: 8 May 2025 is a day off by decree № 1335", () => {
    const slots = Result.getOrThrow(
      WeeklySchedule.weeklySlots({
        schoolYear: SchoolYear.standard(2024),
        weekday: Thursday,
        calendar,
      }),
    )
    const skipped = slots.filter((s) => !s.held)
    expect(skipped.map((s) => s.date)).toEqual(["2025-01-02", "2025-05-01", "2025-05-08"])
    expect(skipped.every((s) => !s.held && s.reason === "non-working-day")).toBe(true)
    expect(skipped[0]?.held === false && skipped[0].detail).toBe("Новогодние каникулы")
    expect(skipped[2]?.held === false && skipped[2].detail).toContain("перенесён с 2025-02-23")
  })

  it("EMD-1.2 skips the presidential non-working days of 2021 (Указ № 242, № 595)", () => {
    const dates = Result.getOrThrow(
      WeeklySchedule.weeklyDates({
        schoolYear: SchoolYear.standard(2020),
        weekday: Thursday,
        calendar,
      }),
    )
    expect(dates).not.toContain("2021-05-06")
    const autumn = Result.getOrThrow(
      WeeklySchedule.weeklyDates({
        schoolYear: SchoolYear.standard(2021),
        weekday: Thursday,
        calendar,
      }),
    )
    expect(autumn).not.toContain("2021-11-04")
    expect(autumn).toContain("2021-11-11")
  })

  it("EMD-1.2 skips vacations only when asked", () => {
    const schoolYear = SchoolYear.standard(2025)
    const withVacations = Result.getOrThrow(
      WeeklySchedule.weeklyDates({ schoolYear, weekday: Thursday, calendar, skipVacations: false }),
    )
    const withoutVacations = Result.getOrThrow(
      WeeklySchedule.weeklyDates({ schoolYear, weekday: Thursday, calendar, skipVacations: true }),
    )
    // Autumn 25.10–02.11 holds Thursday 30.10; spring 28.03–05.04 holds 02.04.
    expect(withVacations).toContain("2025-10-30")
    expect(withoutVacations).not.toContain("2025-10-30")
    expect(withoutVacations).not.toContain("2026-04-02")
    expect(withVacations.length - withoutVacations.length).toBe(2)
  })

  it("refuses a school year beyond the calendar's data", () => {
    const r = WeeklySchedule.weeklyDates({
      schoolYear: SchoolYear.standard(2027),
      weekday: Thursday,
      calendar,
    })
    expect(Result.isFailure(r) && r.failure._tag === "YearNotCovered").toBe(true)
  })

  it("EMD-1.2 every weekly date is the weekday, inside the year, working, increasing, and none is missed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2026 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (startYear, w, skipVacations) => {
          const weekday = w as LocalDate.IsoWeekday
          const schoolYear = SchoolYear.standard(startYear)
          const dates = Result.getOrThrow(
            WeeklySchedule.weeklyDates({ schoolYear, weekday, calendar, skipVacations }),
          )
          const eachOk = dates.every(
            (date, i) =>
              LocalDate.weekday(date) === weekday &&
              SchoolYear.contains(schoolYear, date) &&
              isWorking(date) &&
              (!skipVacations || !SchoolYear.isInVacation(schoolYear, date)) &&
              (i === 0 || dates[i - 1]! < date),
          )
          // Independent count: walk every day of the year.
          let expected = 0
          for (const date of LocalDate.range(schoolYear.start, schoolYear.end)) {
            if (LocalDate.weekday(date) !== weekday || !isWorking(date)) continue
            if (skipVacations && SchoolYear.isInVacation(schoolYear, date)) continue
            expected++
          }
          return eachOk && dates.length === expected
        },
      ),
      { numRuns: 70 },
    )
  })

  it("EMD-1.2 holds for a regulation's own first and last days too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2026 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (startYear, late, early, w) => {
          const weekday = w as LocalDate.IsoWeekday
          const schoolYear = Result.getOrThrow(
            SchoolYear.make({
              startYear,
              start: LocalDate.addDays(SchoolYear.defaultStart(startYear), late),
              end: LocalDate.addDays(SchoolYear.defaultEnd(startYear), -early),
              vacations: [],
            }),
          )
          const slots = Result.getOrThrow(
            WeeklySchedule.weeklySlots({ schoolYear, weekday, calendar }),
          )
          const candidates = [...LocalDate.range(schoolYear.start, schoolYear.end)].filter(
            (x) => LocalDate.weekday(x) === weekday,
          )
          return (
            slots.length === candidates.length &&
            slots.every((s, i) => s.date === candidates[i] && s.held === isWorking(s.date))
          )
        },
      ),
      { numRuns: 100 },
    )
  })
})
