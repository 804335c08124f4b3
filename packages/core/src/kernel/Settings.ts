/**
 * The regulation settings a district can tune, one section per format: the calendar, the
 * unified methodical day, notifications, attestation (qualification categories) and the
 * municipal methodical asset. A version of a district's regulation carries one complete
 * `Settings`; `Presets` holds one per seed district and copies them with overrides.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { RegionalAddition } from "../calendar/ProductionCalendar.ts"
import { EmdSettings } from "../unified-day/Regulation.ts"
import { Bases } from "./Criteria.ts"
import { decode } from "./Decode.ts"
import { QualificationSettings } from "./Qualification.ts"

/** A day of the year without a year, `MM-DD`, such as the first day of a school year. */
export const MonthDay = Schema.String.check(
  Schema.makeFilter((text: string) => {
    const m = /^(\d{2})-(\d{2})$/.exec(text)
    if (m === null) return `Expected a day of the year as MM-DD, got ${JSON.stringify(text)}`
    const month = Number(m[1])
    const day = Number(m[2])
    if (month < 1 || month > 12) return `${text}: the month must be 01 to 12`
    // A leap year, so that 02-29 is accepted as a day that exists in some years.
    const last = LocalDate.daysInMonth(2024, month)
    return (day >= 1 && day <= last) || `${text}: month ${m[1]} has at most ${last} days`
  }),
).pipe(Schema.brand("MonthDay"))
/** @see MonthDay */
export type MonthDay = typeof MonthDay.Type

/** The calendar section: time zone, school-year bounds, regional production-calendar days. */
export const CalendarSettings = Schema.Struct({
  /** The district's IANA time zone; every local due time is in it. */
  timeZone: Schema.TimeZoneNamedFromString,
  /** The first and last days of a school year (учебный год): 09-01 and 05-31 by default. */
  schoolYear: Schema.Struct({ start: MonthDay, end: MonthDay }),
  /** Days the region makes non-working or working on top of the federal calendar. */
  regionalAdditions: Schema.Array(RegionalAddition),
})
/** @see CalendarSettings */
export type CalendarSettings = typeof CalendarSettings.Type

/** What a reminder is sent before. */
export const ReminderTarget = Schema.Literals([
  "emd.materials",
  "emd.videoconference",
  "emd.questions",
  "emd.day",
  "emd.decision",
  "emd.progress-sheet",
  "train.route",
  "mday.day",
  "asset.membership-end",
])
/** @see ReminderTarget */
export type ReminderTarget = typeof ReminderTarget.Type

/** A reminder sent `hoursBefore` hours before the due time of `target`. */
export const Reminder = Schema.Struct({
  target: ReminderTarget,
  hoursBefore: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 * 60 })),
})
/** @see Reminder */
export type Reminder = typeof Reminder.Type

/** The notifications section: which reminders are sent, and how long before. */
export const NotificationSettings = Schema.Struct({
  reminders: Schema.Array(Reminder).check(
    Schema.makeFilter((reminders: ReadonlyArray<Reminder>) => {
      const seen = new Set<string>()
      for (let i = 0; i < reminders.length; i++) {
        const r = reminders[i]!
        const k = `${r.target}/${r.hoursBefore}`
        if (seen.has(k)) {
          return {
            path: [i],
            issue: `the reminder ${r.hoursBefore} h before ${r.target} is listed twice`,
          }
        }
        seen.add(k)
      }
      return true
    }),
  ),
})
/** @see NotificationSettings */
export type NotificationSettings = typeof NotificationSettings.Type

/**
 * The asset section (муниципальный методический актив): the bases of eligibility
 * (ASSET-3.1), the planned size (ASSET-3.2: set by need, so optional) and the term of a
 * membership when the regulation sets one.
 */
export const AssetSettings = Schema.Struct({
  bases: Bases,
  plannedSize: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  membershipTermYears: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10 })),
  ),
})
/** @see AssetSettings */
export type AssetSettings = typeof AssetSettings.Type

/** Every setting of a district's regulation, one section per format. */
export const Settings = Schema.Struct({
  calendar: CalendarSettings,
  emd: EmdSettings,
  notifications: NotificationSettings,
  qualification: QualificationSettings,
  asset: AssetSettings,
})
/** @see Settings */
export type Settings = typeof Settings.Type
/** Settings as JSON: what a district writes and what is stored. */
export type SettingsEncoded = typeof Settings.Encoded

/** Decodes untrusted settings (JSON), listing every problem. */
export const decodeSettings = decode(Settings, "Settings")

/** Encodes settings to JSON-safe data. */
export const encodeSettings = (settings: Settings): SettingsEncoded =>
  Schema.encodeSync(Settings)(settings)
