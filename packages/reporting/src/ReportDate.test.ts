import { LocalDate } from "@metodika/core"
import { DateTime, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as ReportDate from "./ReportDate.ts"

describe("ReportDate", () => {
  const june4 = ReportDate.makeUnsafe(2020, 6, 4)

  it("prints the order-style date «04» июня 2020 г. in Russian", () => {
    expect(ReportDate.formatOfficial(june4)).toBe("«04» июня 2020 г.")
    expect(ReportDate.formatOfficial(ReportDate.makeUnsafe(2021, 12, 31), "ru")).toBe(
      "«31» декабря 2021 г.",
    )
  })

  it("prints 4 June 2020 in English", () => {
    expect(ReportDate.formatOfficial(june4, "en")).toBe("4 June 2020")
  })

  it("prints the numeric forms used in tables", () => {
    expect(ReportDate.formatNumeric(june4)).toBe("04.06.2020")
    expect(ReportDate.formatNumeric(june4, "en")).toBe("2020-06-04")
    expect(ReportDate.toIso(june4)).toBe("2020-06-04")
  })

  it("refuses parts and text that name no real day", () => {
    expect(Result.isFailure(ReportDate.make(2021, 2, 29))).toBe(true)
    expect(Result.isSuccess(ReportDate.make(2020, 2, 29))).toBe(true)
    expect(Result.isFailure(ReportDate.make(2020, 13, 1))).toBe(true)
    expect(Result.isFailure(ReportDate.fromIso("2020-6-4"))).toBe(true)
    expect(Result.isFailure(ReportDate.fromIso("2020-04-31"))).toBe(true)
    expect(ReportDate.fromIso("2020-06-04")).toEqual(Result.succeed(june4))
    expect(() => ReportDate.makeUnsafe(2020, 0, 1)).toThrow(/not a calendar date/)
  })

  it("takes the day of an instant in the district's zone", () => {
    // 20:30 UTC on 3 June is already 4 June in Tomsk (UTC+7).
    const instant = DateTime.makeUnsafe("2020-06-03T20:30:00Z")
    const tomsk = DateTime.setZone(instant, DateTime.zoneMakeNamedUnsafe("Asia/Tomsk"))
    expect(ReportDate.fromDateTime(tomsk)).toEqual(june4)
    expect(ReportDate.fromDateTime(instant)).toEqual(ReportDate.makeUnsafe(2020, 6, 3))
  })

  it("stores a day for spreadsheets at midnight UTC, whatever the machine's zone", () => {
    expect(ReportDate.toUtcMidnight(june4).toISOString()).toBe("2020-06-04T00:00:00.000Z")
    expect(ReportDate.compare(june4, ReportDate.makeUnsafe(2020, 6, 5))).toBeLessThan(0)
  })

  it("takes a civil date of @metodika/core as the same day, for every valid date", () => {
    expect(ReportDate.fromCore(LocalDate.unsafeFromString("2020-06-04"))).toEqual(june4)
    fc.assert(
      fc.property(
        fc.integer({
          min: LocalDate.toEpochDay(LocalDate.unsafeFromString("0001-01-01")),
          max: LocalDate.toEpochDay(LocalDate.unsafeFromString("9999-12-31")),
        }),
        (n) => {
          const core = LocalDate.fromEpochDay(n)
          const date = ReportDate.fromCore(core)
          expect(ReportDate.isValid(date)).toBe(true)
          expect(ReportDate.toIso(date)).toBe(core)
        },
      ),
    )
  })
})
