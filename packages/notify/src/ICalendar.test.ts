import { LocalDate } from "@metodika/core"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as ICalendar from "./ICalendar.ts"

const at = (iso: string) => DateTime.makeUnsafe(iso)

const deadlineInvite: ICalendar.Calendar = {
  zone: "Asia/Omsk",
  stamp: at("2025-11-26T04:00:00Z"),
  events: [
    {
      uid: "emd/deadline/school-7/2025-12-04/person-1",
      when: { _tag: "Timed", start: at("2025-12-01T05:00:00Z"), end: at("2025-12-01T05:30:00Z") },
      summary: "Срок: вопросы координатору к ЕМД 4 декабря 2025 г.",
      description: "Отправьте вопросы; школа №7, корпус 2\nСсылка: https://example.ru/a;b",
      organizer: { email: "mmc@edu.example.ru", name: "Методический центр" },
      attendees: [{ email: "ivanova@school.example", name: "Иванова Мария Петровна" }],
      alarms: [
        { minutesBefore: 1440, description: "Завтра срок" },
        { minutesBefore: 120, description: "Через 2 часа срок" },
      ],
    },
  ],
}

describe("ICalendar", () => {
  it("ends every line with CRLF and folds none longer than 75 octets", () => {
    const text = ICalendar.render(deadlineInvite)
    expect(text.endsWith("\r\n")).toBe(true)
    const physical = text.split("\r\n").slice(0, -1)
    for (const line of physical) {
      expect(line.includes("\n")).toBe(false)
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    }
    // Cyrillic is two octets a character: folding must have happened, and undone it reads back.
    expect(physical.some((l) => l.startsWith(" "))).toBe(true)
    expect(ICalendar.unfold(text)).toContain(
      "SUMMARY:Срок: вопросы координатору к ЕМД 4 декабря 2025 г.",
    )
  })

  it("never splits a UTF-8 character when folding", () => {
    const folded = ICalendar.foldLine(`SUMMARY:${"ж".repeat(100)}`)
    for (const piece of folded.split("\r\n")) {
      expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75)
      expect(piece.includes("\uFFFD")).toBe(false)
    }
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"ж".repeat(100)}`)
  })

  it("escapes backslashes, semicolons, commas and newlines in text", () => {
    expect(ICalendar.escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf")
    const lines = ICalendar.unfold(ICalendar.render(deadlineInvite))
    expect(lines).toContain(
      "DESCRIPTION:Отправьте вопросы\\; школа №7\\, корпус 2\\nСсылка: https://example.ru/a\\;b",
    )
  })

  it("writes the start in the district's zone with a VTIMEZONE read from the zone database", () => {
    const lines = ICalendar.unfold(ICalendar.render(deadlineInvite))
    expect(lines).toContain("METHOD:REQUEST")
    expect(lines).toContain("DTSTART;TZID=Asia/Omsk:20251201T110000")
    expect(lines).toContain("DTEND;TZID=Asia/Omsk:20251201T113000")
    expect(lines).toContain("DTSTAMP:20251126T040000Z")
    expect(lines).toContain("UID:emd/deadline/school-7/2025-12-04/person-1")
    const tz = lines.slice(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE") + 1)
    expect(tz).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Omsk",
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0600",
      "TZOFFSETTO:+0600",
      "TZNAME:+06",
      "END:STANDARD",
      "END:VTIMEZONE",
    ])
  })

  it("names organizer and attendee and adds a VALARM per reminder", () => {
    const lines = ICalendar.unfold(ICalendar.render(deadlineInvite))
    expect(lines).toContain("ORGANIZER;CN=Методический центр:mailto:mmc@edu.example.ru")
    expect(lines).toContain(
      "ATTENDEE;CN=Иванова Мария Петровна;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:ivanova@school.example",
    )
    expect(lines.filter((l) => l === "BEGIN:VALARM")).toHaveLength(2)
    expect(lines).toContain("TRIGGER:-P1D")
    expect(lines).toContain("TRIGGER:-PT2H")
  })

  it("writes durations before the start as TRIGGER values", () => {
    expect(ICalendar.formatTrigger(1440)).toBe("-P1D")
    expect(ICalendar.formatTrigger(1530)).toBe("-P1DT1H30M")
    expect(ICalendar.formatTrigger(90)).toBe("-PT1H30M")
    expect(ICalendar.formatTrigger(15)).toBe("-PT15M")
    expect(ICalendar.formatTrigger(0)).toBe("-PT0M")
  })

  it("writes an all-day event as dates, with no zone", () => {
    const lines = ICalendar.unfold(
      ICalendar.render({
        zone: "Asia/Omsk",
        stamp: at("2025-11-26T04:00:00Z"),
        events: [
          {
            uid: "emd/day/school-7/2025-12-04",
            when: { _tag: "AllDay", date: LocalDate.makeUnsafe(2025, 12, 31) },
            summary: "ЕМД",
            organizer: { email: "mmc@edu.example.ru" },
            attendees: [],
          },
        ],
      }),
    )
    expect(lines).toContain("DTSTART;VALUE=DATE:20251231")
    expect(lines).toContain("DTEND;VALUE=DATE:20260101")
    expect(lines.some((l) => l.startsWith("BEGIN:VTIMEZONE"))).toBe(false)
  })

  it("describes a zone whose offset changes with one observance per change", () => {
    const lines = ICalendar.timeZoneLines("Europe/Berlin", [
      at("2026-03-27T09:00:00Z"),
      at("2026-03-30T09:00:00Z"),
    ])
    expect(lines).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Berlin",
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0100",
      "TZNAME:+01",
      "END:STANDARD",
      "BEGIN:DAYLIGHT",
      "DTSTART:20260329T020000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0200",
      "TZNAME:+02",
      "END:DAYLIGHT",
      "END:VTIMEZONE",
    ])
  })

  it("quotes parameter values that hold a colon, semicolon or comma", () => {
    expect(ICalendar.paramValue("Школа №7, Омск")).toBe('"Школа №7, Омск"')
    expect(ICalendar.paramValue('Say "hi"')).toBe("Say 'hi'")
  })
})

const encoder = new TextEncoder()

// Code points of every UTF-8 length (1–4 octets), lone surrogates included.
const anyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x400, max: 0x4ff }),
      fc.integer({ min: 0x800, max: 0xffff }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    ),
    { maxLength: 300 },
  )
  .map((codePoints) => String.fromCodePoint(...codePoints))

const unescapeText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c))

describe("ICalendar properties", () => {
  it("folds any line into physical lines of at most 75 octets that unfold to the original", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, " ")}`
        const folded = ICalendar.foldLine(line)
        const longest = Math.max(...folded.split("\r\n").map((p) => encoder.encode(p).length))
        return longest <= 75 && ICalendar.unfold(`${folded}\r\n`)[0] === line
      }),
      { numRuns: 300 },
    )
  })

  it("escapes any text so it reads back the same and never breaks a line", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const escaped = ICalendar.escapeText(text)
        expect(escaped).not.toMatch(/[\r\n]/)
        expect(unescapeText(escaped)).toBe(text.replace(/\r\n|\r/g, "\n"))
      }),
      { numRuns: 300 },
    )
  })
})
