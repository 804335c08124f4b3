/**
 * The zone and rendering helpers as they were before anything was kept between calls:
 * every offset and wall-clock reading through Effect's `DateTime`, every zone name from a
 * new `Intl.DateTimeFormat`, every line measured by encoding it. The property tests check
 * the kept (cached) paths of `Zone`, `ICalendar`, `Russian`, `English` and `Letter`
 * against these, instant by instant and byte by byte.
 *
 * @module
 */
import { DateTime } from "effect"
import type { LocalParts, Transition } from "../src/Zone.ts"

const named = (zone: string) => DateTime.zoneMakeNamedUnsafe(zone)

const zoned = (instant: DateTime.DateTime, zone: string): DateTime.Zoned =>
  DateTime.makeZonedUnsafe(DateTime.toEpochMillis(instant), { timeZone: named(zone) })

/** The zone's offset at `instant` in minutes, through Effect's `DateTime`. */
export const offsetMinutes = (instant: DateTime.DateTime, zone: string): number =>
  Math.round(DateTime.zonedOffset(zoned(instant, zone)) / 60_000)

/** The wall-clock parts of `instant` in `zone`, through Effect's `DateTime`. */
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

/** The instant the wall clock of `zone` shows the parts at, through Effect's `DateTime`. */
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

const DAY = 86_400_000

/** The changes of the zone's offset between two instants, sampled through Effect's `DateTime`. */
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

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

const offsetIcal = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+"
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`
}

const tzName = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+"
  const abs = Math.abs(minutes)
  const hm = `${pad(Math.floor(abs / 60))}${abs % 60 === 0 ? "" : pad(abs % 60)}`
  return `${sign}${hm}`
}

/** The `VTIMEZONE` lines for `zone` around the instants, every offset read afresh. */
export const timeZoneLines = (
  zone: string,
  instants: ReadonlyArray<DateTime.DateTime>,
): ReadonlyArray<string> => {
  const millis = instants.map(DateTime.toEpochMillis)
  const first = millis.length === 0 ? 0 : Math.min(...millis)
  const last = millis.length === 0 ? 0 : Math.max(...millis)
  const from = DateTime.makeUnsafe(first - 2 * DAY)
  const to = DateTime.makeUnsafe(last + 2 * DAY)
  const initial = offsetMinutes(from, zone)
  const changes = transitions(zone, from, to)
  const offsets = [initial, ...changes.map((c) => c.offsetTo)]
  const lowest = Math.min(...offsets)
  const observance = (onset: string, offsetFrom: number, offsetTo: number) => {
    const kind = offsetTo > lowest ? "DAYLIGHT" : "STANDARD"
    return [
      `BEGIN:${kind}`,
      `DTSTART:${onset}`,
      `TZOFFSETFROM:${offsetIcal(offsetFrom)}`,
      `TZOFFSETTO:${offsetIcal(offsetTo)}`,
      `TZNAME:${tzName(offsetTo)}`,
      `END:${kind}`,
    ]
  }
  const lines = [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    ...observance("19700101T000000", initial, initial),
  ]
  for (const c of changes) {
    const before = DateTime.makeUnsafe(DateTime.toEpochMillis(c.instant) + c.offsetFrom * 60_000)
    const p = DateTime.toPartsUtc(before)
    const onset = `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}00`
    lines.push(...observance(onset, c.offsetFrom, c.offsetTo))
  }
  lines.push("END:VTIMEZONE")
  return lines
}

/** An instant in iCalendar's UTC form, through Effect's `DateTime`. */
export const formatUtc = (instant: DateTime.DateTime): string => {
  const p = DateTime.toPartsUtc(instant)
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}Z`
}

/** An instant as iCalendar's local time in a zone, through Effect's `DateTime`. */
export const formatLocal = (instant: DateTime.DateTime, zone: string): string => {
  const p = localParts(instant, zone)
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`
}

const encoder = new TextEncoder()

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4

/** A content line folded at 75 octets, measured by encoding it. */
export const foldLine = (line: string): string => {
  if (encoder.encode(line).length <= 75) return line
  const pieces: Array<string> = []
  let current = ""
  let octets = 0
  let limit = 75
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0)
    if (octets + size > limit) {
      pieces.push(current)
      current = ""
      octets = 0
      limit = 74
    }
    current += ch
    octets += size
  }
  pieces.push(current)
  return pieces.join("\r\n ")
}

/** A TEXT value escaped by four replacements. */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")

/** Text escaped for HTML by five replacements. */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")

/** A zone's Russian name from a new `Intl.DateTimeFormat` (for zones without a listed name). */
export const russianZoneName = (zone: string, listed: Readonly<Record<string, string>>): string => {
  const known = listed[zone]
  if (known !== undefined) return known
  try {
    const part = new Intl.DateTimeFormat("ru", { timeZone: zone, timeZoneName: "shortGeneric" })
      .formatToParts(0)
      .find((p) => p.type === "timeZoneName")?.value
    if (part !== undefined && !part.startsWith("GMT")) return part
  } catch {
    // An unknown zone falls through to its id.
  }
  return zone.slice(zone.lastIndexOf("/") + 1).replaceAll("_", " ")
}
