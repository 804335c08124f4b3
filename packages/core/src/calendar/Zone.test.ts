/**
 * The zone readings kept between calls (offsets by zone and span of time, instants of
 * wall-clock times) against Effect's `DateTime` read afresh every time: random instants
 * of 2020–2030, instants around every change of offset in those years, every zone of the
 * presets and zones with daylight-saving time or odd offsets.
 */
import { DateTime } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Presets from "../kernel/Presets.ts"
import * as Zone from "./Zone.ts"

const HOUR = 3_600_000
const DAY = 24 * HOUR

const presetZones = Presets.all.flatMap((p) =>
  p.regulation.versions.map((v) => v.content.calendar.timeZone.id),
)
const zones = [
  ...new Set([
    ...presetZones,
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Asia/Vladivostok",
    "Asia/Kamchatka",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Africa/Casablanca",
    "Asia/Kathmandu",
    "America/St_Johns",
    "UTC",
  ]),
]
const zone = fc.constantFrom(...zones)
const from2020 = Date.UTC(2020, 0, 1)
const to2031 = Date.UTC(2031, 0, 1)
const instant2020s = fc
  .integer({ min: from2020, max: to2031 - 1 })
  .map((ms) => DateTime.makeUnsafe(ms))

// The reference: Effect's DateTime, afresh.
const zoned = (instant: DateTime.DateTime, z: string) =>
  DateTime.makeZonedUnsafe(DateTime.toEpochMillis(instant), {
    timeZone: DateTime.zoneMakeNamedUnsafe(z),
  })
const effectOffset = (instant: DateTime.DateTime, z: string) =>
  Math.round(DateTime.zonedOffset(zoned(instant, z)) / 60_000)
const effectParts = (instant: DateTime.DateTime, z: string): Zone.LocalParts => {
  const p = DateTime.toParts(zoned(instant, z))
  const weekday = (p.weekDay === 0 ? 7 : p.weekDay) as Zone.LocalParts["weekday"]
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    weekday,
  }
}
const effectInstant = (p: Zone.WallClock, z: string) =>
  DateTime.toEpochMillis(
    DateTime.makeZonedUnsafe(
      { hour: 0, minute: 0, second: 0, millisecond: 0, ...p },
      { timeZone: DateTime.zoneMakeNamedUnsafe(z), adjustForTimeZone: true },
    ),
  )

// Every change of offset in 2020–2030, sampled every 6 hours and narrowed to the millisecond.
const changes = zones.flatMap((z) => {
  const at = (ms: number) => effectOffset(DateTime.makeUnsafe(ms), z)
  const found: Array<readonly [string, number]> = []
  let previous = at(from2020)
  for (let t = from2020 + DAY / 4; t < to2031; t += DAY / 4) {
    const current = at(t)
    if (current === previous) continue
    let lo = t - DAY / 4
    let hi = t
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (at(mid) === previous) lo = mid
      else hi = mid
    }
    found.push([z, hi])
    previous = current
  }
  return found
})

const sameReading = (instant: DateTime.Utc, z: string) => {
  expect(Zone.offsetMinutes(instant, z)).toBe(effectOffset(instant, z))
  expect(Zone.localParts(instant, z)).toEqual(effectParts(instant, z))
}

describe("Zone", () => {
  it("reads the zones of every preset, and zones that change their offsets", () => {
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
    const near = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -6 * HOUR, max: 6 * HOUR }))
      .map(([[z, at], delta]) => [z, DateTime.makeUnsafe(at + delta)] as const)
    fc.assert(
      fc.property(near, ([z, instant]) => sameReading(instant, z)),
      { numRuns: 600 },
    )
    for (const [z, at] of changes) {
      for (const delta of [-60_001, -1, 0, 1, 60_000])
        sameReading(DateTime.makeUnsafe(at + delta), z)
    }
  })

  it("finds the instant of a wall-clock time as Effect's DateTime does, gaps and overlaps too", () => {
    const parts = fc.record({
      year: fc.integer({ min: 2020, max: 2030 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 1, 15, 30, 45, 59),
      second: fc.constantFrom(0, 59),
      millisecond: fc.constantFrom(0, 999),
    })
    fc.assert(
      fc.property(zone, parts, (z, p) => {
        expect(Zone.instantMillisAt(p, z)).toBe(effectInstant(p, z))
        expect(DateTime.toEpochMillis(Zone.instantAt(p, z))).toBe(effectInstant(p, z))
      }),
      { numRuns: 600 },
    )
    // Wall-clock times on the days of every change: in the gap, in the overlap, around them.
    const onChangeDays = fc
      .tuple(
        fc.constantFrom(...changes),
        fc.integer({ min: -36, max: 36 }),
        fc.constantFrom(0, 15, 30, 45),
      )
      .map(([[z, at], h, minute]) => {
        const wall = new Date(at + h * HOUR)
        return [
          z,
          {
            year: wall.getUTCFullYear(),
            month: wall.getUTCMonth() + 1,
            day: wall.getUTCDate(),
            hour: wall.getUTCHours(),
            minute,
          },
        ] as const
      })
    fc.assert(
      fc.property(onChangeDays, ([z, p]) => {
        expect(Zone.instantMillisAt(p, z)).toBe(effectInstant(p, z))
      }),
      { numRuns: 600 },
    )
    // 02:30 does not exist in New York on 8 March 2026 and 01:30 happens twice on 1 November.
    for (const p of [
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30 },
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30 },
      { year: 2026, month: 4, day: 5, hour: 1, minute: 45 },
      { year: 2026, month: 10, day: 4, hour: 2, minute: 15 },
    ]) {
      for (const z of ["America/New_York", "Australia/Lord_Howe"]) {
        expect(Zone.instantMillisAt(p, z)).toBe(effectInstant(p, z))
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
    expect(() => Zone.offsetMinutes(instant, "Not/AZone")).toThrow()
    expect(() => Zone.localParts(instant, "Not/AZone")).toThrow()
    expect(() => Zone.instantAt({ year: 2026, month: 1, day: 1 }, "Not/AZone")).toThrow()
    expect(Zone.isKnown("Not/AZone")).toBe(false)
    expect(Zone.isKnown("Asia/Omsk")).toBe(true)
  })
})
