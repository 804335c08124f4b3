/**
 * English as notifications write it, for the English locale: «1 December 2025»,
 * «Monday, 1 December 2025, 11:00 (Omsk, UTC+6)», «1 day», «2 days».
 *
 * @module
 */
import type { DateTime } from "effect"
import type { DateParts } from "./Russian.ts"
import * as Zone from "./Zone.ts"

/** Month names, January first. */
export const months: ReadonlyArray<string> = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
]

/** Weekday names, Monday first (ISO order). */
export const weekdays: ReadonlyArray<string> = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
]

/** The number and the noun, singular for exactly 1: «1 day», «21 days». */
export const plural = (n: number, forms: readonly [one: string, other: string]): string =>
  `${n} ${n === 1 ? forms[0] : forms[1]}`

/** The nouns notifications count. */
export const nouns = {
  day: ["day", "days"],
  hour: ["hour", "hours"],
  minute: ["minute", "minutes"],
  school: ["school", "schools"],
  question: ["question", "questions"],
} as const satisfies Record<string, readonly [string, string]>

const isoWeekday = (d: DateParts): number => {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
  return js === 0 ? 7 : js
}

/** «1 December 2025». */
export const formatDate = (d: DateParts): string => `${d.day} ${months[d.month - 1]} ${d.year}`

/** «Monday, 1 December 2025». */
export const formatDateWithWeekday = (d: DateParts): string =>
  `${weekdays[isoWeekday(d) - 1]}, ${formatDate(d)}`

/** «November 2025». */
export const formatMonth = (year: number, month: number): string => `${months[month - 1]} ${year}`

/** The zone's city from its IANA id: «Omsk», «Ust-Nera», «Kamchatka». */
export const zoneName = (zone: string): string =>
  zone.slice(zone.lastIndexOf("/") + 1).replaceAll("_", " ")

/** «Omsk, UTC+6». */
export const zoneLabel = (instant: DateTime.DateTime, zone: string): string =>
  `${zoneName(zone)}, ${Zone.offsetLabel(Zone.offsetMinutes(instant, zone))}`

/** «11:00 (Omsk, UTC+6)», on a 24-hour clock. */
export const formatTime = (instant: DateTime.DateTime, zone: string): string => {
  const p = Zone.localParts(instant, zone)
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} (${zoneLabel(instant, zone)})`
}

/** «1 December 2025», the date in the zone. */
export const formatDateOf = (instant: DateTime.DateTime, zone: string): string =>
  formatDate(Zone.localParts(instant, zone))

/** «Monday, 1 December 2025, 11:00 (Omsk, UTC+6)». */
export const formatDateTime = (instant: DateTime.DateTime, zone: string): string =>
  `${formatDateWithWeekday(Zone.localParts(instant, zone))}, ${formatTime(instant, zone)}`

/** 1560 → «1 day 2 hours», 30 → «30 minutes». */
export const formatDuration = (totalMinutes: number): string => {
  const minutes = Math.max(0, Math.round(totalMinutes))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  const parts: Array<string> = []
  if (days > 0) parts.push(plural(days, nouns.day))
  if (hours > 0) parts.push(plural(hours, nouns.hour))
  if (rest > 0 || parts.length === 0) parts.push(plural(rest, nouns.minute))
  return parts.join(" ")
}
