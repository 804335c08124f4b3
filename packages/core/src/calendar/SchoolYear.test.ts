import { Option, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as LocalDate from "./LocalDate.ts"
import * as SchoolYear from "./SchoolYear.ts"

const d = LocalDate.unsafeFromString

describe("SchoolYear", () => {
  it("runs from 1 September to 31 May by default", () => {
    const y = SchoolYear.standard(2025)
    expect(y.start).toBe("2025-09-01")
    expect(y.end).toBe("2026-05-31")
    expect(SchoolYear.label(y)).toBe("2025/26")
    expect(SchoolYear.label(SchoolYear.standard(2099))).toBe("2099/00")
  })

  it("takes a regulation's own first and last days", () => {
    const y = Result.getOrThrow(
      SchoolYear.make({
        startYear: 2025,
        start: d("2025-09-02"),
        end: d("2026-05-26"),
        vacations: [],
      }),
    )
    expect(SchoolYear.contains(y, d("2025-09-01"))).toBe(false)
    expect(SchoolYear.contains(y, d("2025-09-02"))).toBe(true)
    expect(SchoolYear.contains(y, d("2026-05-26"))).toBe(true)
    expect(SchoolYear.contains(y, d("2026-05-27"))).toBe(false)
  })

  it("offers typical autumn, winter and spring vacations as data", () => {
    expect(SchoolYear.typicalVacations(2025)).toEqual([
      { name: "Осенние каникулы", from: "2025-10-25", to: "2025-11-02" },
      { name: "Зимние каникулы", from: "2025-12-31", to: "2026-01-11" },
      { name: "Весенние каникулы", from: "2026-03-28", to: "2026-04-05" },
    ])
    for (let y = 2020; y <= 2030; y++) {
      const year = SchoolYear.standard(y)
      expect(year.vacations).toHaveLength(3)
      for (const v of year.vacations) {
        expect(SchoolYear.contains(year, v.from) && SchoolYear.contains(year, v.to)).toBe(true)
      }
    }
  })

  it("lets a regulation override the vacations", () => {
    const y = Result.getOrThrow(
      SchoolYear.make({
        startYear: 2025,
        vacations: [{ name: "Осенние каникулы", from: d("2025-10-27"), to: d("2025-11-04") }],
      }),
    )
    expect(SchoolYear.isInVacation(y, d("2025-10-27"))).toBe(true)
    expect(SchoolYear.isInVacation(y, d("2025-11-04"))).toBe(true)
    expect(SchoolYear.isInVacation(y, d("2025-11-05"))).toBe(false)
    expect(SchoolYear.isInVacation(y, d("2026-01-05"))).toBe(false)
    expect(Option.map(SchoolYear.vacationOn(y, d("2025-10-30")), (v) => v.name)).toEqual(
      Option.some("Осенние каникулы"),
    )
  })

  it("refuses a year that ends before it starts, or vacations outside it or overlapping", () => {
    const refusals = [
      SchoolYear.make({ startYear: 2025, start: d("2025-09-01"), end: d("2025-08-31") }),
      SchoolYear.make({ startYear: 2025, end: d("2026-12-31") }),
      SchoolYear.make({
        startYear: 2025,
        vacations: [{ name: "Летние", from: d("2026-06-01"), to: d("2026-08-31") }],
      }),
      SchoolYear.make({
        startYear: 2025,
        vacations: [{ name: "Наоборот", from: d("2025-11-04"), to: d("2025-10-27") }],
      }),
      SchoolYear.make({
        startYear: 2025,
        vacations: [
          { name: "А", from: d("2025-10-27"), to: d("2025-11-04") },
          { name: "Б", from: d("2025-11-04"), to: d("2025-11-06") },
        ],
      }),
      SchoolYear.make({ startYear: 0 }),
    ]
    for (const r of refusals) {
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) {
        expect(r.failure._tag).toBe("InvalidSchoolYear")
        expect(r.failure.message.length).toBeGreaterThan(10)
      }
    }
  })

  it("places every date in the school year that starts the September on or before it", () => {
    expect(SchoolYear.schoolYearOf(d("2025-09-01"))).toBe(2025)
    expect(SchoolYear.schoolYearOf(d("2025-08-31"))).toBe(2024)
    expect(SchoolYear.schoolYearOf(d("2026-05-31"))).toBe(2025)
    fc.assert(
      fc.property(
        fc.integer({
          min: LocalDate.toEpochDay(d("2000-01-01")),
          max: LocalDate.toEpochDay(d("2040-12-31")),
        }),
        (n) => {
          const date = LocalDate.fromEpochDay(n)
          const year = SchoolYear.standard(SchoolYear.schoolYearOf(date))
          // Every date of the default year belongs to it; only summer dates fall outside.
          const summer = [6, 7, 8].includes(LocalDate.month(date))
          return SchoolYear.contains(year, date) === !summer && date >= year.start
        },
      ),
    )
  })
})
