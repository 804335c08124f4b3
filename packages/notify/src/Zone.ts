/**
 * Time zones as people and calendars see them: the offset as a label (`UTC+6`) and as
 * iCalendar writes it, and the changes of a zone's offset over a period (for the
 * `VTIMEZONE` of an invite). The readings themselves (offsets, wall-clock parts,
 * instants of a wall-clock time) are `@metodika/core`'s `Zone`, kept per zone and span
 * of time, and are re-exported here.
 *
 * @module
 */
import { Zone } from "@metodika/core"
import { DateTime } from "effect"

/** The wall-clock parts of an instant in a zone (see `@metodika/core` `Zone.LocalParts`). */
export type LocalParts = Zone.LocalParts

/** An IANA zone id made into an Effect time zone; throws on an unknown id. */
export const named: (zone: string) => DateTime.TimeZone.Named = Zone.named
/** Whether the runtime knows `zone` as an IANA time-zone id. */
export const isKnown: (zone: string) => boolean = Zone.isKnown
/** The zone's offset from UTC at `instant`, in minutes (Omsk: 360). */
export const offsetMinutes: (instant: DateTime.DateTime, zone: string) => number =
  Zone.offsetMinutes
/** The wall-clock parts of `instant` in `zone`. */
export const localParts: (instant: DateTime.DateTime, zone: string) => LocalParts = Zone.localParts
/** The instant at which the wall clock of `zone` shows the given parts. */
export const instantAt: (parts: Zone.WallClock, zone: string) => DateTime.Utc = Zone.instantAt
/** How long a span of time is whose offsets are read at once. */
export const spanMillis: number = Zone.spanMillis
/** How many spans are kept per zone. */
export const maxSpans: number = Zone.maxSpans
/** How many instants {@link instantAt} keeps per zone. */
export const maxInstants: number = Zone.maxInstants

const offsetMillis = Zone.offsetMillis

/**
 * An offset as people write it: `UTC+6`, `UTC+5:30`, `UTC-3`, `UTC` for zero.
 *
 * @example
 * offsetLabel(360) // "UTC+6"
 */
export const offsetLabel = (minutes: number): string => {
  if (minutes === 0) return "UTC"
  const sign = minutes > 0 ? "+" : "-"
  const abs = Math.abs(minutes)
  const h = Math.floor(abs / 60)
  const m = abs % 60
  return m === 0 ? `UTC${sign}${h}` : `UTC${sign}${h}:${String(m).padStart(2, "0")}`
}

/**
 * An offset as iCalendar writes it (`UTC-OFFSET`, RFC 5545 §3.3.14): `+0600`, `-0330`.
 */
export const offsetIcal = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+"
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`
}

/** A change of a zone's offset: from `instant` on, the offset is `offsetTo` (it was `offsetFrom`). */
export interface Transition {
  readonly instant: DateTime.Utc
  readonly offsetFrom: number
  readonly offsetTo: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * The changes of a zone's offset between two instants, found by sampling the
 * time-zone database every six hours and narrowing each change to the minute.
 * Empty for the fixed-offset Russian zones of today.
 */
export const transitions = (
  zone: string,
  from: DateTime.DateTime,
  to: DateTime.DateTime,
): ReadonlyArray<Transition> => {
  const offsetAt = (millis: number) => Math.round(offsetMillis(millis, zone) / 60_000)
  const start = DateTime.toEpochMillis(from)
  const end = DateTime.toEpochMillis(to)
  const step = DAY / 4
  const found: Array<Transition> = []
  let previous = offsetAt(start)
  for (let t = start + step; t < end + step; t += step) {
    const at = Math.min(t, end)
    const current = offsetAt(at)
    if (current !== previous) {
      let lo = at - step
      let hi = at
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000
        if (mid <= lo || mid >= hi) break
        if (offsetAt(mid) === previous) lo = mid
        else hi = mid
      }
      found.push({ instant: DateTime.makeUnsafe(hi), offsetFrom: previous, offsetTo: current })
      previous = current
    }
    if (at === end) break
  }
  return found
}
