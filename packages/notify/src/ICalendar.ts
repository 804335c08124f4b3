/**
 * iCalendar invites (RFC 5545), written by hand so every byte is under our control:
 * CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character,
 * TEXT values escaped (`\\`, `;`, `,`, newlines), times in the district's zone
 * (`DTSTART;TZID=Asia/Omsk:20251201T110000`) with a `VTIMEZONE` whose offsets are read
 * from the time-zone database, never hard-coded.
 *
 * Invites go out for methodical days, videoconferences and deadlines; a deadline carries
 * `VALARM`s so the calendar itself reminds the person. The UID is the outbox message's
 * idempotency key, so a redelivered invite updates the same calendar entry.
 *
 * @module
 */
import type { LocalDate, Notifier } from "@metodika/core"
import { DateTime } from "effect"
import * as Zone from "./Zone.ts"

/** An organizer or attendee: an e-mail address and, when known, a display name. */
export interface CalendarUser {
  readonly email: string
  readonly name?: string
}

/** When an event happens: a span of time, or whole days in the district's calendar. */
export type When =
  | {
      readonly _tag: "Timed"
      readonly start: DateTime.Utc
      readonly end: DateTime.Utc
    }
  | {
      readonly _tag: "AllDay"
      readonly date: LocalDate.LocalDate
      /** How many days it lasts (1 when absent). */
      readonly days?: number
    }

/** A reminder the calendar shows before the event starts. */
export interface Alarm {
  readonly minutesBefore: number
  readonly description: string
}

/** One `VEVENT`. */
export interface Event {
  /** Unique id of the entry; the outbox message id (idempotency key). */
  readonly uid: string
  /** Revision of the entry; raise it when the event changes (0 when absent). */
  readonly sequence?: number
  readonly when: When
  readonly summary: string
  readonly description?: string
  readonly location?: string
  /** A link: the videoconference room, the materials page. */
  readonly url?: string
  readonly organizer: CalendarUser
  readonly attendees: ReadonlyArray<CalendarUser>
  readonly alarms?: ReadonlyArray<Alarm>
  readonly status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED"
}

/** A calendar object: one or more events in one zone. */
export interface Calendar {
  /** `REQUEST` asks attendees to add the event (the default); `CANCEL` withdraws it. */
  readonly method?: "REQUEST" | "PUBLISH" | "CANCEL"
  /** The district's IANA zone; timed events are written in it. */
  readonly zone: string
  /** When the invite was made (`DTSTAMP`): the decision's instant, not the send time. */
  readonly stamp: DateTime.Utc
  readonly events: ReadonlyArray<Event>
  /** The `PRODID`; `-//metodika//notify//RU` when absent. */
  readonly productId?: string
}

/** The line break iCalendar requires. */
export const CRLF = "\r\n"

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export const escapeText = (value: string): string =>
  !/[\\;,\r\n]/.test(value)
    ? value
    : value
        .replace(/\\/g, "\\\\")
        .replace(/;/g, "\\;")
        .replace(/,/g, "\\,")
        .replace(/\r\n|\r|\n/g, "\\n")

/** A parameter value, quoted when it holds `:`, `;` or `,` (RFC 5545 §3.2; DQUOTE cannot appear). */
export const paramValue = (value: string): string => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are forbidden in parameter values
  const clean = value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, " ")
  return /[:;,]/.test(clean) ? `"${clean}"` : clean
}

// A lone surrogate is written as U+FFFD, three octets, like any other BMP character above U+07FF.
const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4

/** Whether `line` takes at most 75 octets in UTF-8, counted without encoding it. */
const fitsOneLine = (line: string): boolean => {
  // A UTF-16 code unit is at least one octet, so a longer string never fits.
  if (line.length > 75) return false
  let octets = 0
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i)
    if (unit < 0x80) octets += 1
    else if (unit < 0x800) octets += 2
    else if (
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      i + 1 < line.length &&
      line.charCodeAt(i + 1) >= 0xdc00 &&
      line.charCodeAt(i + 1) <= 0xdfff
    ) {
      octets += 4
      i++
    } else octets += 3
  }
  return octets <= 75
}

/**
 * Folds one content line so no line is longer than 75 octets (RFC 5545 §3.1); the
 * continuation lines start with a space. A UTF-8 character is never split.
 */
export const foldLine = (line: string): string => {
  if (fitsOneLine(line)) return line
  const pieces: Array<string> = []
  let start = 0
  let octets = 0
  let limit = 75
  let i = 0
  while (i < line.length) {
    const codePoint = line.codePointAt(i) ?? 0
    const units = codePoint > 0xffff ? 2 : 1
    const size = utf8Length(codePoint)
    if (octets + size > limit) {
      pieces.push(line.slice(start, i))
      start = i
      octets = 0
      limit = 74
    }
    octets += size
    i += units
  }
  pieces.push(line.slice(start))
  return pieces.join(`${CRLF} `)
}

/** Undoes folding, for reading an invite back: one string per content line. */
export const unfold = (text: string): ReadonlyArray<string> =>
  text
    .replace(/\r\n[ \t]/g, "")
    .split(/\r\n/)
    .filter((l) => l.length > 0)

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** An instant in UTC form: `20251201T050000Z`. */
export const formatUtc = (instant: DateTime.DateTime): string => {
  const d = new Date(DateTime.toEpochMillis(instant))
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

/** An instant as local time in a zone, for use with `TZID`: `20251201T110000`. */
export const formatLocal = (instant: DateTime.DateTime, zone: string): string => {
  const p = Zone.localParts(instant, zone)
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`
}

const formatDate = (date: LocalDate.LocalDate): string => date.replaceAll("-", "")

const addDays = (date: LocalDate.LocalDate, days: number): string => {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)))
  const d = new Date(t + days * 86_400_000)
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
}

/** A negative duration before the start, for `TRIGGER` (RFC 5545 §3.3.6): `-P1D`, `-PT2H30M`. */
export const formatTrigger = (minutesBefore: number): string => {
  const total = Math.max(0, Math.round(minutesBefore))
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const minutes = total % 60
  let out = `-P${days > 0 ? `${days}D` : ""}`
  if (hours > 0 || minutes > 0 || days === 0) {
    out += "T"
    if (hours > 0) out += `${hours}H`
    if (minutes > 0 || hours === 0) out += `${minutes}M`
  }
  return out
}

const tzName = (minutes: number): string => {
  const sign = minutes < 0 ? "-" : "+"
  const abs = Math.abs(minutes)
  const hm = `${pad(Math.floor(abs / 60))}${abs % 60 === 0 ? "" : pad(abs % 60)}`
  return `${sign}${hm}`
}

// The lines of a zone whose offset does not change around the instants, by zone and offset.
const steadyZones = new Map<string, ReadonlyArray<string>>()
const maxSteadyZones = 256

/**
 * The `VTIMEZONE` lines for `zone`, covering the given instants. A zone whose offset
 * does not change around them (every Russian zone today) gets one `STANDARD`
 * observance, written once per zone and offset and kept; a zone that changes gets one
 * observance per change.
 */
export const timeZoneLines = (
  zone: string,
  instants: ReadonlyArray<DateTime.DateTime>,
): ReadonlyArray<string> => {
  const millis = instants.map(DateTime.toEpochMillis)
  const first = millis.length === 0 ? 0 : Math.min(...millis)
  const last = millis.length === 0 ? 0 : Math.max(...millis)
  const from = DateTime.makeUnsafe(first - 2 * 86_400_000)
  const to = DateTime.makeUnsafe(last + 2 * 86_400_000)
  const initial = Zone.offsetMinutes(from, zone)
  const changes = Zone.transitions(zone, from, to)
  const steadyKey = `${zone} ${initial}`
  if (changes.length === 0) {
    const kept = steadyZones.get(steadyKey)
    if (kept !== undefined) return kept
  }
  const offsets = [initial, ...changes.map((c) => c.offsetTo)]
  const lowest = Math.min(...offsets)
  const observance = (onset: string, offsetFrom: number, offsetTo: number) => {
    const kind = offsetTo > lowest ? "DAYLIGHT" : "STANDARD"
    return [
      `BEGIN:${kind}`,
      `DTSTART:${onset}`,
      `TZOFFSETFROM:${Zone.offsetIcal(offsetFrom)}`,
      `TZOFFSETTO:${Zone.offsetIcal(offsetTo)}`,
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
    // The onset is written in the local time that was in force just before the change.
    const before = DateTime.makeUnsafe(DateTime.toEpochMillis(c.instant) + c.offsetFrom * 60_000)
    const p = DateTime.toPartsUtc(before)
    const onset = `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}00`
    lines.push(...observance(onset, c.offsetFrom, c.offsetTo))
  }
  lines.push("END:VTIMEZONE")
  if (changes.length === 0) {
    if (steadyZones.size >= maxSteadyZones) steadyZones.clear()
    steadyZones.set(steadyKey, lines)
  }
  return lines
}

const userLine = (
  property: "ORGANIZER" | "ATTENDEE",
  user: CalendarUser,
  extra: string,
): string => {
  const cn = user.name === undefined ? "" : `;CN=${paramValue(user.name)}`
  return `${property}${cn}${extra}:mailto:${user.email}`
}

const eventLines = (event: Event, calendar: Calendar): ReadonlyArray<string> => {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(calendar.stamp)}`,
  ]
  if (event.when._tag === "Timed") {
    lines.push(`DTSTART;TZID=${calendar.zone}:${formatLocal(event.when.start, calendar.zone)}`)
    lines.push(`DTEND;TZID=${calendar.zone}:${formatLocal(event.when.end, calendar.zone)}`)
  } else {
    lines.push(`DTSTART;VALUE=DATE:${formatDate(event.when.date)}`)
    lines.push(`DTEND;VALUE=DATE:${addDays(event.when.date, event.when.days ?? 1)}`)
  }
  lines.push(`SEQUENCE:${event.sequence ?? 0}`)
  lines.push(`STATUS:${event.status ?? (calendar.method === "CANCEL" ? "CANCELLED" : "CONFIRMED")}`)
  lines.push(`SUMMARY:${escapeText(event.summary)}`)
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`)
  if (event.url !== undefined) lines.push(`URL:${event.url}`)
  lines.push(userLine("ORGANIZER", event.organizer, ""))
  for (const a of event.attendees) {
    lines.push(userLine("ATTENDEE", a, ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE"))
  }
  for (const alarm of event.alarms ?? []) {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(alarm.description)}`,
      `TRIGGER:${formatTrigger(alarm.minutesBefore)}`,
      "END:VALARM",
    )
  }
  lines.push("END:VEVENT")
  return lines
}

/**
 * Writes a calendar object: CRLF after every line, folded at 75 octets.
 *
 * @example
 * render({ zone: "Asia/Omsk", stamp, events: [{ uid, when: { _tag: "Timed", start, end }, summary: "ВКС", organizer, attendees }] })
 */
export const render = (calendar: Calendar): string => {
  const timed = calendar.events.flatMap((e) =>
    e.when._tag === "Timed" ? [e.when.start, e.when.end] : [],
  )
  const lines = [
    "BEGIN:VCALENDAR",
    `PRODID:${calendar.productId ?? "-//metodika//notify//RU"}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${calendar.method ?? "REQUEST"}`,
    ...(timed.length > 0 ? timeZoneLines(calendar.zone, timed) : []),
    ...calendar.events.flatMap((e) => eventLines(e, calendar)),
    "END:VCALENDAR",
  ]
  return lines.map((l) => foldLine(l) + CRLF).join("")
}

/** The invite as a notification attachment (`invite.ics`, `text/calendar` with its method). */
export const attachment = (calendar: Calendar, filename = "invite.ics"): Notifier.Attachment => ({
  filename,
  contentType: `text/calendar; charset=utf-8; method=${calendar.method ?? "REQUEST"}`,
  content: render(calendar),
})
