/**
 * Time zones as people and calendars see them: the wall-clock parts of an instant in a
 * district's zone, the zone's UTC offset at that instant, and the offset's changes over
 * a period (for the `VTIMEZONE` of an iCalendar invite).
 *
 * Offsets are never hard-coded: Russian zones have kept fixed offsets since 2014–2016,
 * but the library reads them from the runtime's time-zone database (through Effect's
 * `DateTime`, which uses `Intl`), so a future change of law is picked up with the data.
 *
 * @module
 */
import { DateTime } from "effect"

/** The wall-clock parts of an instant in a zone. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
export interface LocalParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7
}

/** An IANA zone id made into an Effect time zone; throws on an unknown id (a configuration error). */
export const named = (zone: string): DateTime.TimeZone.Named => DateTime.zoneMakeNamedUnsafe(zone)

/** Whether the runtime knows `zone` as an IANA time-zone id. */
export const isKnown = (zone: string): boolean => {
  try {
    DateTime.zoneMakeNamedUnsafe(zone)
    return true
  } catch {
    return false
  }
}

const zoned = (instant: DateTime.DateTime, zone: string): DateTime.Zoned =>
  DateTime.makeZonedUnsafe(DateTime.toEpochMillis(instant), { timeZone: named(zone) })

/** The zone's offset from UTC at `instant`, in minutes (Omsk: 360). */
export const offsetMinutes = (instant: DateTime.DateTime, zone: string): number =>
  Math.round(DateTime.zonedOffset(zoned(instant, zone)) / 60_000)

/** The wall-clock parts of `instant` in `zone`. */
export const localParts = (instant: DateTime.DateTime, zone: string): LocalParts => {
  const p = DateTime.toParts(zoned(instant, zone))
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    weekday: (p.weekDay === 0 ? 7 : p.weekDay) as LocalParts["weekday"],
  }
}

/**
 * The instant at which the wall clock of `zone` shows the given parts, for turning a
 * district's "Monday 11:00" into a stored instant.
 */
export const instantAt = (
  parts: {
    readonly year: number
    readonly month: number
    readonly day: number
    readonly hour?: number
    readonly minute?: number
  },
  zone: string,
): DateTime.Utc =>
  DateTime.toUtc(
    DateTime.makeZonedUnsafe(
      {
        year: parts.year,
        month: parts.month,
        day: parts.day,
        hour: parts.hour ?? 0,
        minute: parts.minute ?? 0,
      },
      { timeZone: named(zone), adjustForTimeZone: true },
    ),
  )

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
  const offsetAt = (millis: number) => offsetMinutes(DateTime.makeUnsafe(millis), zone)
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
