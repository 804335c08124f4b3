/**
 * Russian as notifications write it: dates with the month in the genitive
 * («1 декабря 2025 г.»), weekdays (nominative, and accusative after «в»: «в среду»),
 * plural forms of nouns after numbers («1 день», «2 дня», «5 дней», «21 день», «11 дней»),
 * and times in the district's zone with the zone named («11:00 (Омск, UTC+6)»).
 *
 * @module
 */
import type { DateTime } from "effect"
import * as Zone from "./Zone.ts"

/** Month names in the genitive, as after a day number: «1 декабря». January first. */
export const monthsGenitive: ReadonlyArray<string> = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
]

/** Month names in the nominative, as in «лист продвижения за ноябрь». January first. */
export const monthsNominative: ReadonlyArray<string> = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
]

/** Weekday names in the nominative, Monday first (ISO order). */
export const weekdaysNominative: ReadonlyArray<string> = [
  "понедельник",
  "вторник",
  "среда",
  "четверг",
  "пятница",
  "суббота",
  "воскресенье",
]

/** Weekday names in the accusative, as after «в»: «в среду», «в пятницу». Monday first. */
export const weekdaysAccusative: ReadonlyArray<string> = [
  "понедельник",
  "вторник",
  "среду",
  "четверг",
  "пятницу",
  "субботу",
  "воскресенье",
]

/** The three forms of a Russian noun after a number: for 1, for 2–4, for 5–20 (and 0). */
export type PluralForms = readonly [one: string, few: string, many: string]

/**
 * Which form a noun takes after `n`: `one` for 1, 21, 101 (but not 11); `few` for
 * 2–4, 22–24 (but not 12–14); `many` for the rest. A fractional number takes the
 * genitive singular (`few`): «1,5 дня».
 */
export const pluralCategory = (n: number): "one" | "few" | "many" => {
  if (!Number.isInteger(n)) return "few"
  const abs = Math.abs(n)
  const mod10 = abs % 10
  const mod100 = abs % 100
  if (mod10 === 1 && mod100 !== 11) return "one"
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "few"
  return "many"
}

/** The form of the noun after `n`, without the number. */
export const pluralWord = (n: number, forms: PluralForms): string => {
  const category = pluralCategory(n)
  return category === "one" ? forms[0] : category === "few" ? forms[1] : forms[2]
}

/**
 * The number and the noun in the right form.
 *
 * @example
 * plural(21, nouns.day) // "21 день"
 * plural(11, nouns.day) // "11 дней"
 */
export const plural = (n: number, forms: PluralForms): string =>
  `${String(n).replace(".", ",")} ${pluralWord(n, forms)}`

/** The nouns notifications count. */
export const nouns = {
  day: ["день", "дня", "дней"],
  hour: ["час", "часа", "часов"],
  minute: ["минута", "минуты", "минут"],
  school: ["школа", "школы", "школ"],
  question: ["вопрос", "вопроса", "вопросов"],
  attempt: ["попытка", "попытки", "попыток"],
} as const satisfies Record<string, PluralForms>

/** A civil date's parts: `month` is 1–12. */
export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

const isoWeekday = (d: DateParts): number => {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
  return js === 0 ? 7 : js
}

/** A date as Russian letters write it: «1 декабря 2025 г.». */
export const formatDate = (d: DateParts): string =>
  `${d.day} ${monthsGenitive[d.month - 1]} ${d.year} г.`

/** A date with its weekday: «понедельник, 1 декабря 2025 г.». */
export const formatDateWithWeekday = (d: DateParts): string =>
  `${weekdaysNominative[isoWeekday(d) - 1]}, ${formatDate(d)}`

/** A month of a year: «ноябрь 2025 г.». */
export const formatMonth = (year: number, month: number): string =>
  `${monthsNominative[month - 1]} ${year} г.`

// Names and labels are kept per zone: `Intl` is slow to ask, and zones are few.
const maxZones = 256
const names = new Map<string, string>()
const labels = new Map<string, Map<number, string>>()

const nameFromIntl = (zone: string): string => {
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

/**
 * The name of a zone as Russians know it: the city the IANA id names
 * («Омск», «Москва», «Петропавловск-Камчатский»).
 */
export const zoneName = (zone: string): string => {
  const known = zoneNames[zone]
  if (known !== undefined) return known
  let name = names.get(zone)
  if (name === undefined) {
    name = nameFromIntl(zone)
    if (names.size >= maxZones) names.clear()
    names.set(zone, name)
  }
  return name
}

/** The zone with its offset at `instant`: «Омск, UTC+6». */
export const zoneLabel = (instant: DateTime.DateTime, zone: string): string => {
  const minutes = Zone.offsetMinutes(instant, zone)
  let byOffset = labels.get(zone)
  if (byOffset === undefined) {
    if (labels.size >= maxZones) labels.clear()
    byOffset = new Map()
    labels.set(zone, byOffset)
  }
  let label = byOffset.get(minutes)
  if (label === undefined) {
    label = `${zoneName(zone)}, ${Zone.offsetLabel(minutes)}`
    byOffset.set(minutes, label)
  }
  return label
}

const hhmm = (p: Zone.LocalParts): string =>
  `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`

/** The wall-clock time in the zone, with the zone named: «11:00 (Омск, UTC+6)». */
export const formatTime = (instant: DateTime.DateTime, zone: string): string =>
  `${hhmm(Zone.localParts(instant, zone))} (${zoneLabel(instant, zone)})`

/** The date in the zone: «1 декабря 2025 г.». */
export const formatDateOf = (instant: DateTime.DateTime, zone: string): string =>
  formatDate(Zone.localParts(instant, zone))

/**
 * Date, weekday and time in the zone:
 * «понедельник, 1 декабря 2025 г., 11:00 (Омск, UTC+6)».
 */
export const formatDateTime = (instant: DateTime.DateTime, zone: string): string =>
  `${formatDateWithWeekday(Zone.localParts(instant, zone))}, ${formatTime(instant, zone)}`

/**
 * A span of time in whole minutes as days, hours and minutes: 1560 → «1 день 2 часа»,
 * 2880 → «2 дня», 30 → «30 минут».
 */
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

/**
 * Russian names of the zones of Russia by IANA id, so texts do not depend on the
 * runtime's ICU data; other zones are named by `Intl`, or by their id.
 */
export const zoneNames: Readonly<Record<string, string>> = {
  "Europe/Kaliningrad": "Калининград",
  "Europe/Moscow": "Москва",
  "Europe/Kirov": "Киров",
  "Europe/Volgograd": "Волгоград",
  "Europe/Astrakhan": "Астрахань",
  "Europe/Saratov": "Саратов",
  "Europe/Ulyanovsk": "Ульяновск",
  "Europe/Samara": "Самара",
  "Asia/Yekaterinburg": "Екатеринбург",
  "Asia/Omsk": "Омск",
  "Asia/Novosibirsk": "Новосибирск",
  "Asia/Barnaul": "Барнаул",
  "Asia/Tomsk": "Томск",
  "Asia/Novokuznetsk": "Новокузнецк",
  "Asia/Krasnoyarsk": "Красноярск",
  "Asia/Irkutsk": "Иркутск",
  "Asia/Chita": "Чита",
  "Asia/Yakutsk": "Якутск",
  "Asia/Khandyga": "Хандыга",
  "Asia/Vladivostok": "Владивосток",
  "Asia/Ust-Nera": "Усть-Нера",
  "Asia/Magadan": "Магадан",
  "Asia/Sakhalin": "Южно-Сахалинск",
  "Asia/Srednekolymsk": "Среднеколымск",
  "Asia/Kamchatka": "Петропавловск-Камчатский",
  "Asia/Anadyr": "Анадырь",
  UTC: "UTC",
}
