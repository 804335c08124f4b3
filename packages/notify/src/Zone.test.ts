/**
 * The zone readings kept between calls (offsets by zone and span of time, instants by
 * zone and wall-clock parts) against Effect's `DateTime` read afresh every time, for
 * random instants of 2020–2030, instants around every change of offset in those years,
 * every zone of the presets and zones with daylight-saving time.
 */
import { DateTime } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Uncached from "../test/Uncached.ts"
import {
  from2020,
  instant2020s,
  millis2020s,
  presetZones,
  to2031,
  zone,
  zones,
} from "../test/Zones.ts"
import * as Zone from "./Zone.ts"

const HOUR = 3_600_000
const DAY = 24 * HOUR

// Every change of offset in 2020–2030 in the zones that have any, read afresh.
const changes = zones.flatMap((z) =>
  Uncached.transitions(z, DateTime.makeUnsafe(from2020), DateTime.makeUnsafe(to2031)).map(
    (t) => [z, DateTime.toEpochMillis(t.instant)] as const,
  ),
)

const nearChange = fc
  .tuple(
    fc.constantFrom(...changes),
    fc.oneof(
      fc.integer({ min: -120_000, max: 120_000 }),
      fc.integer({ min: -6 * HOUR, max: 6 * HOUR }),
    ),
  )
  .map(([[z, at], delta]) => [z, DateTime.makeUnsafe(at + delta)] as const)

const sameReading = (instant: DateTime.Utc, z: string) => {
  expect(Zone.offsetMinutes(instant, z)).toBe(Uncached.offsetMinutes(instant, z))
  expect(Zone.localParts(instant, z)).toEqual(Uncached.localParts(instant, z))
}

describe("Zone", () => {
  it("reads the zones of every preset", () => {
    expect(presetZones.length).toBeGreaterThanOrEqual(5)
    expect(changes.some(([z]) => z === "America/New_York")).toBe(true)
    expect(changes.some(([z]) => z === "Australia/Lord_Howe")).toBe(true)
  })

  it("gives the offset and the wall clock Effect's DateTime gives, for any instant of 2020–2030", () => {
    fc.assert(
      fc.property(zone, instant2020s, (z, instant) => sameReading(instant, z)),
      { numRuns: 600 },
    )
  })

  it("gives them to the millisecond around every change of offset", () => {
    fc.assert(
      fc.property(nearChange, ([z, instant]) => sameReading(instant, z)),
      { numRuns: 600 },
    )
    for (const [z, at] of changes) {
      for (const delta of [-60_001, -60_000, -1, 0, 1, 60_000]) {
        sameReading(DateTime.makeUnsafe(at + delta), z)
      }
    }
  })

  it("finds the same changes of offset between two instants", () => {
    fc.assert(
      fc.property(zone, millis2020s, fc.integer({ min: 0, max: 400 * DAY }), (z, start, length) => {
        const from = DateTime.makeUnsafe(start)
        const to = DateTime.makeUnsafe(start + length)
        expect(Zone.transitions(z, from, to)).toEqual(Uncached.transitions(z, from, to))
      }),
      { numRuns: 150 },
    )
  })

  it("finds the instant of a wall-clock time as Effect's DateTime does, gaps and overlaps too", () => {
    const parts = fc.record({
      year: fc.integer({ min: 2020, max: 2030 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 1, 15, 30, 45, 59),
    })
    fc.assert(
      fc.property(zone, parts, (z, p) => {
        const expected = DateTime.toEpochMillis(Uncached.instantAt(p, z))
        expect(DateTime.toEpochMillis(Zone.instantAt(p, z))).toBe(expected)
        // Asked again, the kept answer.
        expect(DateTime.toEpochMillis(Zone.instantAt(p, z))).toBe(expected)
      }),
      { numRuns: 400 },
    )
    // 02:30 does not exist in New York on 8 March 2026 and 01:30 happens twice on 1 November.
    for (const p of [
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30 },
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30 },
      { year: 2026, month: 4, day: 5, hour: 1, minute: 45 },
      { year: 2026, month: 10, day: 4, hour: 2, minute: 15 },
    ]) {
      for (const z of ["America/New_York", "Australia/Lord_Howe"]) {
        expect(DateTime.toEpochMillis(Zone.instantAt(p, z))).toBe(
          DateTime.toEpochMillis(Uncached.instantAt(p, z)),
        )
      }
    }
  })

  it(`keeps at most ${Zone.maxSpans} spans of a zone and reads a dropped one again`, () => {
    const z = "Europe/Berlin"
    const first = Date.UTC(1995, 0, 1, 12)
    const spans = Zone.maxSpans + 40
    for (let k = 0; k < spans; k++)
      Zone.offsetMinutes(DateTime.makeUnsafe(first + k * Zone.spanMillis), z)
    for (let k = 0; k < spans; k += 7) {
      sameReading(DateTime.makeUnsafe(first + k * Zone.spanMillis + 5 * HOUR), z)
    }
  })

  it("refuses an unknown zone as Effect does", () => {
    const instant = DateTime.makeUnsafe(from2020)
    const error = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e instanceof Error ? e.constructor.name : String(e)
      }
      return "no error"
    }
    expect(error(() => Zone.offsetMinutes(instant, "Not/AZone"))).toBe(
      error(() => Uncached.offsetMinutes(instant, "Not/AZone")),
    )
    expect(error(() => Zone.localParts(instant, "Not/AZone"))).not.toBe("no error")
  })
})
