/**
 * Time zones, fast: the wall-clock parts of an instant in a district's zone, the zone's
 * UTC offset at that instant, and the instant a wall-clock time names. The engine asks
 * for these on every command (the regulation in force is the one of the local date),
 * deadlines and notifications many times more; Effect's `DateTime` answers each question
 * through `Intl` afresh, this module reads each zone once per span of time and keeps it.
 *
 * Offsets are never hard-coded: Russian zones have kept fixed offsets since 2014–2016,
 * but the library reads them from the runtime's time-zone database (through `Intl`), so
 * a future change of law is picked up with the data.
 *
 * Offsets are read once per zone and span of time and kept: the first question about an
 * instant reads the zone's offsets over the {@link spanMillis}-long span around it
 * (sampled every {@link sampleMillis} and each change narrowed to the millisecond), and
 * later questions in that span are a lookup. The answers are those of Effect's
 * `DateTime` for every instant, provided no two changes of a zone's offset are less than
 * {@link sampleMillis} apart ({@link transitions} assumes six hours). At most
 * {@link maxSpans} spans are kept per zone; zones are few.
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

/** How long a span of time is whose offsets are read at once: 16 days. */
export const spanMillis = 16 * 86_400_000

/** How far apart the offsets of a span are sampled before each change is narrowed: 2 hours. */
export const sampleMillis = 2 * 3_600_000

/** How many spans are kept per zone (about 22 years); the oldest read is dropped first. */
export const maxSpans = 512

// The runtime's dates: beyond them Intl refuses an instant.
const maxMillis = 8_640_000_000_000_000

/** The offsets of a zone over one span: each offset in milliseconds from its start on. */
interface Span {
  readonly starts: ReadonlyArray<number>
  readonly offsets: ReadonlyArray<number>
}

interface ZoneData {
  readonly format: Intl.DateTimeFormat
  readonly spans: Map<number, Span>
  readonly instants: Map<string, number>
}

const zones = new Map<string, ZoneData>()

const dataOf = (zone: string): ZoneData => {
  let data = zones.get(zone)
  if (data === undefined) {
    // The same check, and the same error for an unknown id, as Effect's.
    named(zone)
    data = {
      format: new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        hourCycle: "h23",
      }),
      spans: new Map(),
      instants: new Map(),
    }
    zones.set(zone, data)
  }
  return data
}

/** The offset at `millis` as the zone's wall clock shows it, as Effect's `DateTime` reads it. */
const readOffset = (format: Intl.DateTimeFormat, millis: number): number => {
  let bc = false
  let year = 0
  let month = 1
  let day = 1
  let hour = 0
  let minute = 0
  let second = 0
  for (const part of format.formatToParts(millis)) {
    switch (part.type) {
      case "era":
        bc = part.value === "BC"
        break
      case "year":
        year = Number(part.value)
        break
      case "month":
        month = Number(part.value)
        break
      case "day":
        day = Number(part.value)
        break
      case "hour":
        hour = Number(part.value)
        break
      case "minute":
        minute = Number(part.value)
        break
      case "second":
        second = Number(part.value)
        break
    }
  }
  const wall = new Date(0)
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day)
  wall.setUTCHours(hour, minute, second, ((millis % 1000) + 1000) % 1000)
  return wall.getTime() - millis
}

const readSpan = (format: Intl.DateTimeFormat, start: number): Span => {
  const at = (millis: number) => readOffset(format, millis)
  const end = Math.min(start + spanMillis - 1, maxMillis)
  const starts = [start]
  const offsets = [at(start)]
  let lo = start
  let current = offsets[0] as number
  for (let t = Math.min(start + sampleMillis, end); ; t = Math.min(t + sampleMillis, end)) {
    const sampled = at(t)
    // Every change between the last sample and this one, each to the millisecond.
    while (sampled !== current) {
      let before = lo
      let after = t
      while (after - before > 1) {
        const mid = Math.floor((before + after) / 2)
        if (at(mid) === current) before = mid
        else after = mid
      }
      current = at(after)
      starts.push(after)
      offsets.push(current)
      lo = after
    }
    lo = t
    if (t === end) break
  }
  return { starts, offsets }
}

/** The zone's offset from UTC at `millis` (epoch milliseconds), in milliseconds, from the spans kept. */
export const offsetMillis = (millis: number, zone: string): number => {
  const data = dataOf(zone)
  const start = Math.floor(millis / spanMillis) * spanMillis
  if (start < -maxMillis || start + spanMillis > maxMillis) {
    // At the ends of the runtime's dates, Effect's answer (or its error), unkept.
    return DateTime.zonedOffset(DateTime.makeZonedUnsafe(millis, { timeZone: named(zone) }))
  }
  let span = data.spans.get(start)
  if (span === undefined) {
    span = readSpan(data.format, start)
    if (data.spans.size >= maxSpans) {
      const oldest = data.spans.keys().next()
      if (oldest.done !== true) data.spans.delete(oldest.value)
    }
    data.spans.set(start, span)
  }
  let i = span.starts.length - 1
  while (i > 0 && (span.starts[i] as number) > millis) i--
  return span.offsets[i] as number
}

/** The zone's offset from UTC at `instant`, in minutes (Omsk: 360). */
export const offsetMinutes = (instant: DateTime.DateTime, zone: string): number =>
  Math.round(offsetMillis(DateTime.toEpochMillis(instant), zone) / 60_000)

/** The wall-clock parts of `instant` in `zone`. */
export const localParts = (instant: DateTime.DateTime, zone: string): LocalParts => {
  const millis = DateTime.toEpochMillis(instant)
  const wall = new Date(millis + offsetMillis(millis, zone))
  const weekday = wall.getUTCDay()
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: (weekday === 0 ? 7 : weekday) as LocalParts["weekday"],
  }
}

/** How many instants {@link instantAt} keeps per zone; the oldest found is dropped first. */
export const maxInstants = 4096

/** Wall-clock parts to find the instant of; hour, minute, second and millisecond default to 0. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour?: number
  readonly minute?: number
  readonly second?: number
  readonly millisecond?: number
}

const DAY_MILLIS = 86_400_000

/**
 * The instant at which the wall clock of `zone` shows the given parts, for turning a
 * district's "Monday 11:00" into a stored instant. The same instant as Effect's
 * `DateTime.makeZonedUnsafe(parts, { timeZone, adjustForTimeZone: true })`: from the kept
 * offsets when the zone's offset is the same a day before and a day after (Effect's own
 * test), otherwise (a time near a change of offset, in a gap or an overlap) found by
 * Effect's `DateTime` itself and kept per zone.
 */
export const instantAt = (parts: WallClock, zone: string): DateTime.Utc =>
  DateTime.makeUnsafe(instantMillisAt(parts, zone))

/** {@link instantAt} in epoch milliseconds. */
export const instantMillisAt = (parts: WallClock, zone: string): number => {
  const hour = parts.hour ?? 0
  const minute = parts.minute ?? 0
  const second = parts.second ?? 0
  const millisecond = parts.millisecond ?? 0
  if (parts.year >= 100) {
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, hour, minute, second, millisecond)
    if (wall - DAY_MILLIS > -maxMillis && wall + DAY_MILLIS < maxMillis) {
      const before = offsetMillis(wall - DAY_MILLIS, zone)
      if (before === offsetMillis(wall + DAY_MILLIS, zone)) return wall - before
    }
  }
  const { instants } = dataOf(zone)
  const key = `${parts.year}-${parts.month}-${parts.day}T${hour}:${minute}:${second}.${millisecond}`
  let instant = instants.get(key)
  if (instant === undefined) {
    instant = DateTime.toEpochMillis(
      DateTime.makeZonedUnsafe(
        { year: parts.year, month: parts.month, day: parts.day, hour, minute, second, millisecond },
        { timeZone: named(zone), adjustForTimeZone: true },
      ),
    )
    if (instants.size >= maxInstants) {
      const oldest = instants.keys().next()
      if (oldest.done !== true) instants.delete(oldest.value)
    }
    instants.set(key, instant)
  }
  return instant
}
