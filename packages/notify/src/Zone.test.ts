/**
 * The changes of offset `Zone.transitions` finds, over the readings kept by core's
 * `Zone`, against the same search over Effect's `DateTime` read afresh, for random
 * periods of 2020–2030 in every zone of the presets and zones with daylight-saving time.
 * (Core's own tests check the readings themselves.)
 */
import { DateTime } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Uncached from "../test/Uncached.ts"
import { from2020, millis2020s, presetZones, to2031, zone, zones } from "../test/Zones.ts"
import * as Zone from "./Zone.ts"

const HOUR = 3_600_000
const DAY = 24 * HOUR

// Every change of offset in 2020–2030 in the zones that have any, read afresh.
const changes = zones.flatMap((z) =>
  Uncached.transitions(z, DateTime.makeUnsafe(from2020), DateTime.makeUnsafe(to2031)).map(
    (t) => [z, DateTime.toEpochMillis(t.instant)] as const,
  ),
)

describe("Zone", () => {
  it("reads the zones of every preset", () => {
    expect(presetZones.length).toBeGreaterThanOrEqual(5)
    expect(changes.some(([z]) => z === "America/New_York")).toBe(true)
    expect(changes.some(([z]) => z === "Australia/Lord_Howe")).toBe(true)
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
})
