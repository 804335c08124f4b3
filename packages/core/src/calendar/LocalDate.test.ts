import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as LocalDate from "./LocalDate.ts"

const d = LocalDate.unsafeFromString

/** Any date in years 1900–2100, built from a day number so every value is valid. */
const arbDate = fc
  .integer({
    min: LocalDate.toEpochDay(d("1900-01-01")),
    max: LocalDate.toEpochDay(d("2100-12-31")),
  })
  .map(LocalDate.fromEpochDay)

/** Reference implementation on Date.UTC, used only as a test oracle. */
const viaDate = (date: LocalDate.LocalDate, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe("LocalDate schema", () => {
  it("accepts real dates, including 29 February of a leap year", () => {
    for (const text of ["2025-09-01", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]) {
      expect(Result.isSuccess(LocalDate.decodeUnknown(text))).toBe(true)
    }
  })

  it("refuses 2025-02-30 with a readable message", () => {
    const r = LocalDate.decodeUnknown("2025-02-30")
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure.message).toContain("2025-02-30 is not a date: 2025-02 has 28 days")
    }
  })

  it("refuses impossible months, days, 1900-02-29 and malformed text", () => {
    for (const text of ["2025-13-01", "2025-00-10", "2025-04-31", "1900-02-29", "0000-01-01"]) {
      expect(Result.isFailure(LocalDate.decodeUnknown(text))).toBe(true)
    }
    for (const text of ["2025-9-1", "01.09.2025", "2025-09-01T00:00", " 2025-09-01", ""]) {
      const r = LocalDate.decodeUnknown(text)
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) expect(r.failure.message).toContain("YYYY-MM-DD")
    }
  })

  it("refuses any non-date value with a typed error and never throws", () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const r = LocalDate.decodeUnknown(u)
        if (Result.isSuccess(r)) return LocalDate.isLocalDate(u)
        return r.failure instanceof Schema.SchemaError && r.failure.message.length > 0
      }),
      { numRuns: 2000 },
    )
  })

  it("round-trips every valid date through the schema", () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const r = LocalDate.decodeUnknown(String(date))
        return Result.isSuccess(r) && r.success === date
      }),
    )
  })
})

describe("LocalDate constructors", () => {
  it("make builds from parts and refuses impossible parts with InvalidLocalDate", () => {
    expect(LocalDate.make(2025, 9, 1)).toEqual(Result.succeed("2025-09-01"))
    const bad = LocalDate.make(2025, 2, 30)
    expect(Result.isFailure(bad)).toBe(true)
    if (Result.isFailure(bad)) {
      expect(bad.failure._tag).toBe("InvalidLocalDate")
      expect(bad.failure.message).toBe("2025-02-30 is not a date: 2025-02 has 28 days")
    }
    expect(Result.isFailure(LocalDate.make(2025, 1.5, 1))).toBe(true)
    expect(Result.isFailure(LocalDate.make(10000, 1, 1))).toBe(true)
  })

  it("parts read back what make put in", () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const { year, month, day } = LocalDate.toParts(date)
        return LocalDate.makeUnsafe(year, month, day) === date
      }),
    )
  })
})

describe("LocalDate arithmetic", () => {
  it("knows weekdays (ISO: 1 = Monday … 7 = Sunday)", () => {
    expect(LocalDate.weekday(d("1970-01-01"))).toBe(LocalDate.Weekday.Thursday)
    expect(LocalDate.weekday(d("2025-09-01"))).toBe(LocalDate.Weekday.Monday)
    expect(LocalDate.weekday(d("2021-02-20"))).toBe(LocalDate.Weekday.Saturday)
    expect(LocalDate.weekday(d("2026-01-04"))).toBe(LocalDate.Weekday.Sunday)
    expect(LocalDate.weekday(d("0001-01-01"))).toBe(LocalDate.Weekday.Monday)
  })

  it("addDays agrees with Date.UTC arithmetic", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        return LocalDate.addDays(date, n) === viaDate(date, n)
      }),
    )
  })

  it("weekday agrees with Date.getUTCDay", () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const js = new Date(`${date}T00:00:00Z`).getUTCDay()
        return LocalDate.weekday(date) === (js === 0 ? 7 : js)
      }),
    )
  })

  it("diffDays inverts addDays and the epoch day round-trips", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        const later = LocalDate.addDays(date, n)
        return (
          LocalDate.diffDays(date, later) === n &&
          LocalDate.fromEpochDay(LocalDate.toEpochDay(date)) === date
        )
      }),
    )
  })

  it("compare, isBefore, min and max agree with day numbers", () => {
    fc.assert(
      fc.property(arbDate, arbDate, (a, b) => {
        const byNumber = Math.sign(LocalDate.toEpochDay(a) - LocalDate.toEpochDay(b))
        return (
          LocalDate.compare(a, b) === byNumber &&
          LocalDate.isBefore(a, b) === byNumber < 0 &&
          LocalDate.isAfter(a, b) === byNumber > 0 &&
          LocalDate.min(a, b) === (byNumber <= 0 ? a : b) &&
          LocalDate.max(a, b) === (byNumber >= 0 ? a : b)
        )
      }),
    )
  })

  it("lastDayOfMonth knows month lengths and leap years", () => {
    expect(LocalDate.lastDayOfMonth(2024, 2)).toBe("2024-02-29")
    expect(LocalDate.lastDayOfMonth(2025, 2)).toBe("2025-02-28")
    expect(LocalDate.lastDayOfMonth(1900, 2)).toBe("1900-02-28")
    expect(LocalDate.lastDayOfMonth(2000, 2)).toBe("2000-02-29")
    expect(LocalDate.lastDayOfMonth(2025, 4)).toBe("2025-04-30")
    expect(LocalDate.lastDayOfMonth(2025, 12)).toBe("2025-12-31")
    fc.assert(
      fc.property(arbDate, (date) => {
        const last = LocalDate.lastDayOfMonth(LocalDate.year(date), LocalDate.month(date))
        return LocalDate.month(LocalDate.addDays(last, 1)) !== LocalDate.month(date)
      }),
    )
  })

  it("range yields every day of an inclusive range in order, and nothing when reversed", () => {
    expect([...LocalDate.range(d("2024-02-27"), d("2024-03-01"))]).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
    ])
    expect([...LocalDate.range(d("2024-03-01"), d("2024-02-27"))]).toEqual([])
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 400 }), (from, n) => {
        const all = [...LocalDate.range(from, LocalDate.addDays(from, n))]
        return all.length === n + 1 && all.every((x, i) => i === 0 || all[i - 1]! < x)
      }),
    )
  })

  it("finds the next-or-same and the strictly previous given weekday", () => {
    const thursday = d("2025-11-06")
    expect(LocalDate.nextOrSameWeekday(thursday, LocalDate.Weekday.Thursday)).toBe(thursday)
    expect(LocalDate.previousWeekday(thursday, LocalDate.Weekday.Monday)).toBe("2025-11-03")
    expect(LocalDate.previousWeekday(thursday, LocalDate.Weekday.Thursday)).toBe("2025-10-30")
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 7 }), (date, w) => {
        const target = w as LocalDate.IsoWeekday
        const next = LocalDate.nextOrSameWeekday(date, target)
        const prev = LocalDate.previousWeekday(date, target)
        const ahead = LocalDate.diffDays(date, next)
        const behind = LocalDate.diffDays(prev, date)
        return (
          LocalDate.weekday(next) === target &&
          LocalDate.weekday(prev) === target &&
          ahead >= 0 &&
          ahead <= 6 &&
          behind >= 1 &&
          behind <= 7
        )
      }),
    )
  })
})
