/**
 * The notification policy: a pure mapping from a decision (its events, the stream's
 * state, the instant, the regulation in force) to the outbox messages it causes: who
 * receives what, on which channel, and when. The engine records the messages with the
 * events, in one transaction, so a decision and its notifications are never separated.
 *
 * The policy is made of {@link Rule}s, one per stream type (the unified methodical day's
 * rules are in `UnifiedDayPolicy`); rules describe messages as {@link Outgoing} values
 * and the policy turns each into one outbox message per recipient and channel:
 *
 * - recipients come from the integrator's `Directory` (by role and organisation);
 * - each is written in the recipient's locale (Russian by default) and rendered with
 *   plain-text and HTML bodies and any iCalendar invites;
 * - reminders carry `notBefore` = due − lead time, the lead times being regulation
 *   settings (`notifications.reminders` of the kernel's `Settings`);
 * - ids are deterministic (`<key>/<channel>/<person>`), so a retried decision enqueues
 *   nothing twice and every attempt of a message keeps its idempotency key.
 *
 * @module
 */
import { createHash } from "node:crypto"
import {
  type NotificationPolicy as CorePolicy,
  Ids,
  NotificationPolicy,
  type Outbox,
} from "@metodika/core"
import { DateTime, Layer } from "effect"
import type { Contact, Directory } from "./Directory.ts"
import * as ICalendar from "./ICalendar.ts"
import type * as Letter from "./Letter.ts"
import * as Payload from "./Payload.ts"
import type { Locale } from "./Templates.ts"
import * as Zone from "./Zone.ts"

/** A reminder lead time: `hoursBefore` hours before the due instant of `target`. */
export interface Reminder {
  /** What the reminder is for (`"emd.questions"`, `"emd.progress-sheet"`, …). */
  readonly target: string
  readonly hoursBefore: number
}

/** What the policy reads from the regulation in force. */
export interface PolicySettings {
  /** The district's IANA zone. */
  readonly zone: string
  readonly reminders: ReadonlyArray<Reminder>
}

/**
 * Reads the policy's settings from a regulation shaped like the kernel's `Settings`
 * (`calendar.timeZone`, `notifications.reminders`), taking from `fallback` what it lacks.
 */
export const settingsFromRegulation = (
  regulation: unknown,
  fallback: PolicySettings,
): PolicySettings => {
  const r = (typeof regulation === "object" && regulation !== null ? regulation : {}) as {
    readonly calendar?: { readonly timeZone?: unknown }
    readonly notifications?: { readonly reminders?: unknown }
  }
  const tz = r.calendar?.timeZone
  const zone =
    typeof tz === "string"
      ? tz
      : DateTime.isTimeZone(tz) && DateTime.isTimeZoneNamed(tz)
        ? tz.id
        : fallback.zone
  const raw = r.notifications?.reminders
  const reminders = Array.isArray(raw)
    ? raw.filter(
        (x): x is Reminder =>
          typeof x === "object" &&
          x !== null &&
          typeof (x as Reminder).target === "string" &&
          typeof (x as Reminder).hoursBefore === "number",
      )
    : fallback.reminders
  return { zone: Zone.isKnown(zone) ? zone : fallback.zone, reminders }
}

/** An invite attached to a message. */
export interface Invite {
  readonly filename: string
  readonly calendar: ICalendar.Calendar
}

/** A message a rule asks for, before it is addressed to each recipient and channel. */
export interface Outgoing {
  /** Identifies the message among all the policy sends; the message id is `<key>/<channel>/<person>`. */
  readonly key: string
  /** The kind of message (`emd.questions-reminder`), for logs and machine receivers. */
  readonly kind: string
  readonly to: ReadonlyArray<Contact>
  /** The letter for one recipient, in their locale. */
  readonly render: (locale: Locale, contact: Contact) => Letter.Rendered
  /** Not to be sent before this instant (a reminder). */
  readonly notBefore?: DateTime.Utc
  /** Conditions any one of which makes the message pointless (an event recorded). */
  readonly skipIf?: ReadonlyArray<Payload.SkipIf>
  /** Calendar invites for one recipient, in their locale. */
  readonly invites?: (contact: Contact, locale: Locale) => ReadonlyArray<Invite>
  /** Structured data for machine receivers, besides `kind`. */
  readonly data?: Readonly<Record<string, unknown>>
}

/** What a rule gets besides the decision. */
export interface RuleContext {
  readonly decision: CorePolicy.DecisionRecord
  readonly directory: Directory
  readonly settings: PolicySettings
  /** Who sends invites (the methodical centre's mailbox). */
  readonly organizer: ICalendar.CalendarUser
  /** The lead times of the reminders for `target`, in hours, longest first. */
  readonly leadHours: (target: string) => ReadonlyArray<number>
}

/** The messages of one stream type. */
export interface Rule {
  readonly streamType: string
  readonly messagesFor: (context: RuleContext) => ReadonlyArray<Outgoing>
}

/** Options of {@link make}. */
export interface PolicyOptions {
  readonly directory: Directory
  /** The organizer of calendar invites. */
  readonly organizer: ICalendar.CalendarUser
  readonly rules: ReadonlyArray<Rule>
  /**
   * The channels a message goes out on: each recipient gets it on every one of them they
   * have an address for (`["email"]` when absent).
   */
  readonly channels?: ReadonlyArray<string>
  /** The locale of recipients who have none (`"ru"` when absent). */
  readonly locale?: Locale
  /** Settings for what the regulation does not say (Moscow; a reminder 24 h before questions are due). */
  readonly defaults?: PolicySettings
  /** Reads the settings from the regulation (`settingsFromRegulation` when absent). */
  readonly settings?: (regulation: unknown) => PolicySettings
}

/** The defaults when neither the regulation nor the options say otherwise. */
export const defaultSettings: PolicySettings = {
  zone: "Europe/Moscow",
  reminders: [
    { target: "emd.questions", hoursBefore: 24 },
    { target: "emd.progress-sheet", hoursBefore: 72 },
  ],
}

const MAX_ID = 200

/**
 * The message id for a key, channel and person: `<key>/<channel>/<person>`, shortened
 * with a hash when longer than an id may be.
 */
export const messageId = (key: string, channel: string, personId: string): Ids.MessageId => {
  const full = `${key}/${channel}/${personId}`
  if (full.length <= MAX_ID) return Ids.MessageId.make(full)
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 40)
  return Ids.MessageId.make(`${full.slice(0, MAX_ID - hash.length - 1)}/${hash}`)
}

const uniqueContacts = (contacts: ReadonlyArray<Contact>): ReadonlyArray<Contact> => {
  const seen = new Map<string, Contact>()
  for (const c of contacts) if (!seen.has(c.personId)) seen.set(c.personId, c)
  return [...seen.values()]
}

/** Addresses one outgoing message to its recipients on the channels. */
export const address = (
  outgoing: Outgoing,
  options: { readonly channels: ReadonlyArray<string>; readonly locale: Locale },
): ReadonlyArray<Outbox.NewOutboxMessage> => {
  const messages: Array<Outbox.NewOutboxMessage> = []
  for (const contact of uniqueContacts(outgoing.to)) {
    const locale = contact.locale ?? options.locale
    const rendered = outgoing.render(locale, contact)
    const invites = outgoing.invites?.(contact, locale) ?? []
    const attachments = invites.map((i) =>
      Payload.storeAttachment(ICalendar.attachment(i.calendar, i.filename)),
    )
    for (const channel of options.channels) {
      const recipient = contact.addresses[channel]
      if (recipient === undefined || recipient.length === 0) continue
      const payload: Payload.Payload = {
        kind: outgoing.kind,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        ...(attachments.length === 0 ? {} : { attachments }),
        data: { kind: outgoing.kind, ...outgoing.data },
        ...(outgoing.skipIf === undefined ? {} : { skipIf: outgoing.skipIf }),
      }
      messages.push({
        id: messageId(outgoing.key, channel, contact.personId),
        channel,
        recipient,
        payload,
        ...(outgoing.notBefore === undefined ? {} : { notBefore: outgoing.notBefore }),
      })
    }
  }
  return messages
}

/**
 * Makes the policy: for each decision, the rules of its stream type describe the
 * messages, and each is addressed to its recipients on the channels.
 *
 * @example
 * const policy = Policy.make({
 *   directory,
 *   organizer: { email: "mmc@edu.example.ru", name: "Методический центр" },
 *   rules: UnifiedDayPolicy.rules,
 * })
 * program.pipe(Effect.provide(Policy.layer(policyOptions)))
 */
export const make = (options: PolicyOptions): CorePolicy.Policy => {
  const channels = options.channels ?? ["email"]
  const locale = options.locale ?? "ru"
  const defaults = options.defaults ?? defaultSettings
  const readSettings =
    options.settings ?? ((regulation: unknown) => settingsFromRegulation(regulation, defaults))
  return {
    messagesFor: (decision) => {
      const rules = options.rules.filter((r) => r.streamType === decision.streamType)
      if (rules.length === 0) return []
      const settings = readSettings(decision.regulation)
      const context: RuleContext = {
        decision,
        directory: options.directory,
        settings,
        organizer: options.organizer,
        leadHours: (target) =>
          settings.reminders
            .filter((r) => r.target === target)
            .map((r) => r.hoursBefore)
            .sort((a, b) => b - a),
      }
      const out = new Map<string, Outbox.NewOutboxMessage>()
      for (const rule of rules) {
        for (const outgoing of rule.messagesFor(context)) {
          for (const m of address(outgoing, { channels, locale })) {
            if (!out.has(m.id)) out.set(m.id, m)
          }
        }
      }
      return [...out.values()]
    },
  }
}

/** A layer that puts the policy in force for the engine. */
export const layer = (options: PolicyOptions): Layer.Layer<never> =>
  Layer.succeed(NotificationPolicy.NotificationPolicy, make(options))
