/**
 * The zones the property tests read: every zone of the core's presets, Russian zones
 * from Kaliningrad to Kamchatka, and zones that change their offsets (New York, Berlin,
 * Lord Howe's half-hour daylight time, Chatham's 12:45, Casablanca's Ramadan breaks) or
 * keep odd ones (Kolkata, Kathmandu, St John's).
 *
 * @module
 */
import { Presets } from "@metodika/core"
import { DateTime } from "effect"
import * as fc from "fast-check"

/** The zones of the core's presets. */
export const presetZones: ReadonlyArray<string> = Presets.all.flatMap((p) =>
  p.regulation.versions.map((v) => v.content.calendar.timeZone.id),
)

/** The zones the tests read. */
export const zones: ReadonlyArray<string> = [
  ...new Set([
    ...presetZones,
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Asia/Omsk",
    "Asia/Vladivostok",
    "Asia/Kamchatka",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Africa/Casablanca",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/St_Johns",
    "UTC",
  ]),
]

/** 1 January 2020 and 1 January 2031, UTC. */
export const from2020 = Date.UTC(2020, 0, 1)
export const to2031 = Date.UTC(2031, 0, 1)

/** Epoch milliseconds in 2020–2030. */
export const millis2020s: fc.Arbitrary<number> = fc
  .date({ min: new Date(from2020), max: new Date(to2031 - 1), noInvalidDate: true })
  .map((d) => d.getTime())

/** An instant in 2020–2030. */
export const instant2020s: fc.Arbitrary<DateTime.Utc> = millis2020s.map((ms) =>
  DateTime.makeUnsafe(ms),
)

/** One of {@link zones}. */
export const zone: fc.Arbitrary<string> = fc.constantFrom(...zones)
