import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as English from "./English.ts"
import * as Russian from "./Russian.ts"

const at = (iso: string) => DateTime.makeUnsafe(iso)

describe("Russian", () => {
  it("chooses the plural form by the last digits: 1 день, 2 дня, 5 дней, 11 дней, 21 день", () => {
    const days = (n: number) => Russian.plural(n, Russian.nouns.day)
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001].map(days)).toEqual([
      "0 дней",
      "1 день",
      "2 дня",
      "4 дня",
      "5 дней",
      "11 дней",
      "12 дней",
      "14 дней",
      "21 день",
      "22 дня",
      "25 дней",
      "101 день",
      "111 дней",
      "112 дней",
      "1001 день",
    ])
    expect(Russian.plural(1.5, Russian.nouns.day)).toBe("1,5 дня")
    expect(Russian.plural(3, Russian.nouns.hour)).toBe("3 часа")
    expect(Russian.plural(21, Russian.nouns.minute)).toBe("21 минута")
  })

  it("writes dates with the month in the genitive: 1 декабря 2025 г.", () => {
    expect(Russian.formatDate({ year: 2025, month: 12, day: 1 })).toBe("1 декабря 2025 г.")
    expect(Russian.formatDate({ year: 2026, month: 3, day: 8 })).toBe("8 марта 2026 г.")
    expect(Russian.formatDateWithWeekday({ year: 2025, month: 12, day: 4 })).toBe(
      "четверг, 4 декабря 2025 г.",
    )
    expect(Russian.formatMonth(2025, 11)).toBe("ноябрь 2025 г.")
    expect(Russian.weekdaysAccusative[2]).toBe("среду")
  })

  it("writes a time in the district's zone with the zone named: 11:00 (Омск, UTC+6)", () => {
    const deadline = at("2025-12-01T05:00:00Z")
    expect(Russian.formatTime(deadline, "Asia/Omsk")).toBe("11:00 (Омск, UTC+6)")
    expect(Russian.formatTime(deadline, "Europe/Moscow")).toBe("08:00 (Москва, UTC+3)")
    expect(Russian.formatTime(deadline, "Asia/Kamchatka")).toBe(
      "17:00 (Петропавловск-Камчатский, UTC+12)",
    )
    expect(Russian.formatTime(deadline, "Europe/Kaliningrad")).toBe("07:00 (Калининград, UTC+2)")
    expect(Russian.formatDateTime(deadline, "Asia/Omsk")).toBe(
      "понедельник, 1 декабря 2025 г., 11:00 (Омск, UTC+6)",
    )
  })

  it("takes the local date, not the UTC date, near midnight", () => {
    // 20:30 UTC on 3 December is already 4 December in Omsk.
    expect(Russian.formatDateOf(at("2025-12-03T20:30:00Z"), "Asia/Omsk")).toBe("4 декабря 2025 г.")
  })

  it("writes spans of time: 1 день 2 часа, 2 дня, 30 минут", () => {
    expect(Russian.formatDuration(1560)).toBe("1 день 2 часа")
    expect(Russian.formatDuration(2880)).toBe("2 дня")
    expect(Russian.formatDuration(30)).toBe("30 минут")
    expect(Russian.formatDuration(0)).toBe("0 минут")
    expect(Russian.formatDuration(5 * 1440 + 60 + 1)).toBe("5 дней 1 час 1 минута")
  })
})

describe("English", () => {
  it("writes the same facts in English", () => {
    const deadline = at("2025-12-01T05:00:00Z")
    expect(English.formatDateTime(deadline, "Asia/Omsk")).toBe(
      "Monday, 1 December 2025, 11:00 (Omsk, UTC+6)",
    )
    expect(English.formatDuration(1560)).toBe("1 day 2 hours")
    expect(English.plural(21, English.nouns.day)).toBe("21 days")
    expect(English.formatMonth(2025, 11)).toBe("November 2025")
  })
})

describe("Russian properties", () => {
  it("chooses the same plural category as the CLDR rules of Intl for every whole number", () => {
    const cldr = new Intl.PluralRules("ru")
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        expect(Russian.pluralCategory(n)).toBe(cldr.select(n))
      }),
      { numRuns: 1000 },
    )
  })
})
