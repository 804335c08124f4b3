/**
 * What letters and invites are made of, written through the kept zone readings and the
 * fast paths (`VTIMEZONE` lines kept per zone and offset, lines measured without
 * encoding, escaping skipped when there is nothing to escape, zone names and labels kept
 * per zone), against the same pieces written afresh every time: byte for byte equal.
 */
import { DateTime } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Uncached from "../test/Uncached.ts"
import { instant2020s, millis2020s, zone } from "../test/Zones.ts"
import * as English from "./English.ts"
import * as ICalendar from "./ICalendar.ts"
import * as Letter from "./Letter.ts"
import * as Russian from "./Russian.ts"
import * as Zone from "./Zone.ts"

const DAY = 86_400_000

// Text with everything the escapes and the folding care about: markup, separators, line
// breaks, Cyrillic, three- and four-octet characters, lone surrogates.
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom("&", "<", ">", '"', "'", "\\", ";", ",", "\n", "\r", "\r\n", ":", " "),
      fc.constantFrom("a", "Z", "7", "ж", "Ё", "€", "中", "😀", "🇷🇺", "\u00e9", "\u0301"),
      fc.constantFrom("\ud800", "\udc00", "\udbff", "\udfff"),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 120 },
  )
  .map((pieces) => pieces.join(""))

const hhmm = (p: Zone.LocalParts) =>
  `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`

describe("kept and fast rendering paths", () => {
  it("write the VTIMEZONE lines as before, for any zone and instants of 2020–2030", () => {
    fc.assert(
      fc.property(
        zone,
        millis2020s,
        fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 1, maxLength: 4 }),
        (z, base, offsets) => {
          const instants = offsets.map((o) => DateTime.makeUnsafe(base + o))
          const expected = Uncached.timeZoneLines(z, instants)
          expect(ICalendar.timeZoneLines(z, instants)).toEqual(expected)
          // Asked again, the kept lines.
          expect(ICalendar.timeZoneLines(z, instants)).toEqual(expected)
        },
      ),
      { numRuns: 150 },
    )
  })

  it("write UTC and local times as before", () => {
    fc.assert(
      fc.property(zone, instant2020s, (z, instant) => {
        expect(ICalendar.formatUtc(instant)).toBe(Uncached.formatUtc(instant))
        expect(ICalendar.formatLocal(instant, z)).toBe(Uncached.formatLocal(instant, z))
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(
        fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
        (d) => {
          const instant = DateTime.makeUnsafe(d.getTime())
          expect(ICalendar.formatUtc(instant)).toBe(Uncached.formatUtc(instant))
        },
      ),
    )
  })

  it("fold and escape content lines as before", () => {
    fc.assert(
      fc.property(tricky, fc.constantFrom("", "DESCRIPTION:", "SUMMARY:"), (text, name) => {
        expect(ICalendar.foldLine(name + text)).toBe(Uncached.foldLine(name + text))
        expect(ICalendar.escapeText(text)).toBe(Uncached.escapeText(text))
        const line = `DESCRIPTION:${ICalendar.escapeText(text)}`
        expect(ICalendar.foldLine(line)).toBe(Uncached.foldLine(line))
      }),
      { numRuns: 1000 },
    )
    for (let n = 60; n <= 80; n++) {
      for (const ch of ["a", "ж", "€", "😀", "\ud800"]) {
        const line = ch.repeat(Math.ceil(n / ch.length)).slice(0, n)
        expect(ICalendar.foldLine(line)).toBe(Uncached.foldLine(line))
        expect(ICalendar.foldLine(`X${line}`)).toBe(Uncached.foldLine(`X${line}`))
      }
    }
  })

  it("escape HTML as before", () => {
    fc.assert(
      fc.property(tricky, (text) => {
        expect(Letter.escapeHtml(text)).toBe(Uncached.escapeHtml(text))
      }),
      { numRuns: 1000 },
    )
  })

  it("name zones and write times in Russian and English as before", () => {
    fc.assert(
      fc.property(zone, instant2020s, (z, instant) => {
        const parts = Uncached.localParts(instant, z)
        const offset = Zone.offsetLabel(Uncached.offsetMinutes(instant, z))
        const ruLabel = `${Uncached.russianZoneName(z, Russian.zoneNames)}, ${offset}`
        expect(Russian.zoneName(z)).toBe(Uncached.russianZoneName(z, Russian.zoneNames))
        expect(Russian.zoneLabel(instant, z)).toBe(ruLabel)
        expect(Russian.formatTime(instant, z)).toBe(`${hhmm(parts)} (${ruLabel})`)
        expect(Russian.formatDateOf(instant, z)).toBe(Russian.formatDate(parts))
        expect(Russian.formatDateTime(instant, z)).toBe(
          `${Russian.formatDateWithWeekday(parts)}, ${hhmm(parts)} (${ruLabel})`,
        )
        const enLabel = `${English.zoneName(z)}, ${offset}`
        expect(English.zoneLabel(instant, z)).toBe(enLabel)
        expect(English.formatDateTime(instant, z)).toBe(
          `${English.formatDateWithWeekday(parts)}, ${hhmm(parts)} (${enLabel})`,
        )
      }),
      { numRuns: 500 },
    )
  })
})
