/**
 * Who hears what about the unified methodical day (единый методический день, ЕМД), and
 * when: the rules of `Policy` for the streams of `@metodika/core`'s unified day.
 *
 * A school's weekly cycle (`emd-cycle`):
 * - cycle opened (or day moved): reminders, each lead time a regulation setting
 *   (`notifications.reminders`), counted back from the due instant (`emd.materials` to
 *   the coordinators; `emd.questions`, `emd.decision` to the school's leader and
 *   responsible person) or from the start of the local day (`emd.videoconference` on
 *   Friday T−6, `emd.day` on T, to the school), and overdue notices to the coordinators
 *   at the due instants of the questions (Monday T−3 11:00 local) and of the decision;
 *   every one is skipped once the step it waits for is recorded, or the day is cancelled
 *   or moved;
 * - materials issued (EMD-2.7): the links, questions and next steps to the leader and
 *   the responsible person, with calendar invites for the day, the videoconference and
 *   the questions deadline (whose alarms follow the `emd.questions` lead times);
 * - questions submitted late (EMD-2.10): a notice to the coordinators;
 * - decision sent (EMD-2.12): a notice to the coordinators and the school's curator;
 * - day cancelled or moved: a notice to the school and the coordinators (not to whoever
 *   did it), with the invites withdrawn or updated.
 *
 * A district's year (`emd-year`):
 * - curators assigned (EMD-2.3): a letter to each new curator and to the leader of the
 *   school they curate, and to a curator who no longer has a school;
 * - responsible person appointed (EMD-1.5): a letter to them;
 * - school registered (EMD-1.3): the monthly progress-sheet reminders of the year
 *   (EMD-2.16, `emd.progress-sheet` lead times) to the school's leader, skipped when the
 *   school withdraws or is registered again (with the reminders made afresh).
 *
 * Events and states are the core's `UnifiedDay` types; the engine hands the policy the
 * events decoded with the stream's schema, so the stream type says which union they are.
 *
 * @module
 */
import { type Ids, type LocalDate, Order, UnifiedDay } from "@metodika/core"
import { DateTime } from "effect"
import type { Contact } from "./Directory.ts"
import type * as ICalendar from "./ICalendar.ts"
import type { Invite, Outgoing, Rule, RuleContext } from "./Policy.ts"
import * as Templates from "./Templates.ts"
import * as Zone from "./Zone.ts"

type CycleDues = UnifiedDay.Dues.CycleDues
type CycleEvent = UnifiedDay.Cycle.CycleEvent
/** An opened (or cancelled) cycle: the states that have a school, a date and dues. */
type CycleState = UnifiedDay.Cycle.Open | UnifiedDay.Cycle.Cancelled
type YearEvent = UnifiedDay.Year.YearEvent
type YearState = UnifiedDay.Year.Planned
type SheetEvent = UnifiedDay.ProgressSheet.SheetEvent

/** The stream type of a school's weekly cycle (`emd-cycle`). */
export const cycleStreamType: string = UnifiedDay.Cycle.streamType

/** The stream type of a district's year (`emd-year`). */
export const yearStreamType: string = UnifiedDay.Year.streamType

/** The stream type of a school's monthly progress sheet (`emd-sheet`). */
export const sheetStreamType: string = UnifiedDay.ProgressSheet.streamType

const HOUR = 3_600_000

const minus = (instant: DateTime.Utc, hours: number): DateTime.Utc =>
  DateTime.makeUnsafe(DateTime.toEpochMillis(instant) - hours * HOUR)

const later = (a: DateTime.Utc, b: DateTime.Utc): DateTime.Utc =>
  DateTime.isGreaterThan(a, b) ? a : b

/** The start of a local date in the zone, as an instant. */
const startOf = (date: LocalDate.LocalDate, zone: string): DateTime.Utc =>
  Zone.instantAt(
    {
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
    },
    zone,
  )

const districtOf = (ctx: RuleContext) => ctx.decision.actor.districtId

const schoolName = (ctx: RuleContext, schoolId: Ids.OrganisationId): string =>
  ctx.directory.organisationName(schoolId) ?? schoolId

const schoolPeople = (ctx: RuleContext, schoolId: Ids.OrganisationId): ReadonlyArray<Contact> => [
  ...ctx.directory.withRole(districtOf(ctx), "school-leader", schoolId),
  ...ctx.directory.withRole(districtOf(ctx), "day-responsible", schoolId),
]

const coordinators = (ctx: RuleContext): ReadonlyArray<Contact> =>
  ctx.directory.withRole(districtOf(ctx), "municipal-coordinator")

const notActor = (ctx: RuleContext, people: ReadonlyArray<Contact>) =>
  people.filter((p) => p.personId !== ctx.decision.actor.personId)

/**
 * Reminders before `base`, one per lead time of `target`, each not before its time;
 * the lead times whose time has already passed give one reminder now (the shortest of
 * them), and none is made once `base` itself has passed.
 */
const reminders = (
  ctx: RuleContext,
  target: string,
  base: DateTime.Utc,
  make: (hours: number, sendAt: DateTime.Utc) => Omit<Outgoing, "notBefore">,
): ReadonlyArray<Outgoing> => {
  const now = ctx.decision.now
  if (!DateTime.isGreaterThan(base, now)) return []
  const hours = ctx.leadHours(target)
  const future = hours.filter((h) => DateTime.isGreaterThan(minus(base, h), now))
  const passed = hours.filter((h) => !future.includes(h))
  const due = passed.length === 0 ? future : [...future, Math.min(...passed)]
  return due.map((h) => {
    const sendAt = later(minus(base, h), now)
    return { ...make(h, sendAt), notBefore: sendAt }
  })
}

const cycleState = (ctx: RuleContext): CycleState | undefined => {
  const s = ctx.decision.state as { readonly _tag?: unknown } | null
  return s !== null && (s._tag === "Open" || s._tag === "Cancelled") ? (s as CycleState) : undefined
}

/** The UID of an invite the materials letter sent to a person: stable for the cycle. */
const inviteUid = (
  streamId: string,
  personId: string,
  what: "day" | "videoconference" | "questions",
) => `${streamId}/materials/${personId}#${what}`

/** The three invites of a cycle for one person, at a revision. */
const cycleInvites = (
  ctx: RuleContext,
  contact: Contact,
  facts: {
    readonly schoolName: string
    readonly date: LocalDate.LocalDate
    readonly dues: CycleDues
  },
  revision: { readonly sequence: number; readonly method: "REQUEST" | "CANCEL" },
  locale: Templates.Locale,
): ReadonlyArray<Invite> => {
  const email = contact.addresses.email
  const attendees: ReadonlyArray<ICalendar.CalendarUser> =
    email === undefined
      ? []
      : [{ email, ...(contact.fullName === undefined ? {} : { name: contact.fullName }) }]
  const stream = ctx.decision.streamId
  const zone = ctx.settings.zone
  const base = {
    method: revision.method,
    zone,
    stamp: ctx.decision.now,
  } as const
  const ru = locale === "ru"
  const event = (what: "day" | "videoconference" | "questions") => ({
    uid: inviteUid(stream, contact.personId, what),
    sequence: revision.sequence,
    organizer: ctx.organizer,
    attendees,
  })
  const questionsAlarms = ctx.leadHours("emd.questions").map((h) => ({
    minutesBefore: h * 60,
    description: ru
      ? "Скоро срок отправки вопросов координатору"
      : "Questions to the coordinator are due soon",
  }))
  return [
    {
      filename: "emd-day.ics",
      calendar: {
        ...base,
        events: [
          {
            ...event("day"),
            when: { _tag: "AllDay", date: facts.date },
            summary: ru
              ? `Единый методический день — ${facts.schoolName}`
              : `Unified methodical day — ${facts.schoolName}`,
          },
        ],
      },
    },
    {
      filename: "emd-videoconference.ics",
      calendar: {
        ...base,
        events: [
          {
            ...event("videoconference"),
            when: { _tag: "AllDay", date: facts.dues.videoconference.date },
            summary: ru
              ? "ВКС руководителей и ответственных с координатором ЕМД"
              : "Videoconference of leaders and responsible persons with the coordinator",
          },
        ],
      },
    },
    {
      filename: "emd-questions-deadline.ics",
      calendar: {
        ...base,
        events: [
          {
            ...event("questions"),
            when: {
              _tag: "Timed",
              start: facts.dues.questions.at,
              end: DateTime.makeUnsafe(
                DateTime.toEpochMillis(facts.dues.questions.at) + 15 * 60_000,
              ),
            },
            summary: ru
              ? `Срок: вопросы координатору к ЕМД (${facts.schoolName})`
              : `Due: questions to the coordinator (${facts.schoolName})`,
            alarms: questionsAlarms,
          },
        ],
      },
    },
  ]
}

/** Reminders and overdue notices of a cycle's dues, scheduled by the event `eventId`. */
const scheduleDues = (
  ctx: RuleContext,
  eventId: string,
  schoolId: Ids.OrganisationId,
  date: LocalDate.LocalDate,
  dues: CycleDues,
): ReadonlyArray<Outgoing> => {
  const stream = ctx.decision.streamId
  const zone = ctx.settings.zone
  const name = schoolName(ctx, schoolId)
  const school = schoolPeople(ctx, schoolId)
  const facts = { schoolName: name, dayDate: date, zone }
  const unless = (...eventTypes: ReadonlyArray<string>) => [
    {
      streamId: stream,
      eventTypes: [...eventTypes, "DayCancelled", "DayRescheduled"],
      after: eventId,
    },
  ]
  const key = (what: string) => `${stream}/${eventId}/${what}`
  const data = { schoolId, dayDate: date }
  return [
    ...reminders(ctx, "emd.materials", dues.materials.at, (h, sendAt) => ({
      key: key(`materials-reminder-${h}h`),
      kind: "emd.materials-reminder",
      to: coordinators(ctx),
      render: (locale, c) =>
        Templates.materialsReminder(
          { ...facts, recipientName: c.name, due: dues.materials.at, sendAt },
          locale,
        ),
      skipIf: unless("MaterialsIssued"),
      data,
    })),
    ...reminders(
      ctx,
      "emd.videoconference",
      startOf(dues.videoconference.date, zone),
      (h, sendAt) => ({
        key: key(`videoconference-reminder-${h}h`),
        kind: "emd.videoconference-reminder",
        to: school,
        render: (locale, c) =>
          Templates.videoconferenceReminder(
            {
              ...facts,
              dayDate: dues.videoconference.date,
              recipientName: c.name,
              due: dues.videoconference.at,
              sendAt,
            },
            locale,
          ),
        skipIf: unless(),
        data,
      }),
    ),
    ...reminders(ctx, "emd.questions", dues.questions.at, (h, sendAt) => ({
      key: key(`questions-reminder-${h}h`),
      kind: "emd.questions-reminder",
      to: school,
      render: (locale, c) =>
        Templates.questionsReminder(
          { ...facts, recipientName: c.name, due: dues.questions.at, sendAt },
          locale,
        ),
      skipIf: unless("QuestionsSubmitted"),
      data,
    })),
    ...reminders(ctx, "emd.day", startOf(date, zone), (h, sendAt) => ({
      key: key(`day-reminder-${h}h`),
      kind: "emd.day-reminder",
      to: school,
      render: (locale, c) =>
        Templates.dayReminder(
          { ...facts, recipientName: c.name, due: dues.day.at, sendAt },
          locale,
        ),
      skipIf: unless("DayHeld"),
      data,
    })),
    ...reminders(ctx, "emd.decision", dues.decision.at, (h, sendAt) => ({
      key: key(`decision-reminder-${h}h`),
      kind: "emd.decision-reminder",
      to: school,
      render: (locale, c) =>
        Templates.decisionReminder(
          { ...facts, recipientName: c.name, due: dues.decision.at, sendAt },
          locale,
        ),
      skipIf: unless("DecisionSent"),
      data,
    })),
    ...(["questions", "decision"] as const).flatMap((step): ReadonlyArray<Outgoing> => {
      const due = dues[step].at
      if (!DateTime.isGreaterThan(due, ctx.decision.now)) return []
      return [
        {
          key: key(`${step}-overdue`),
          kind: `emd.${step}-overdue`,
          to: coordinators(ctx),
          notBefore: due,
          render: (locale, c) =>
            Templates.overdue({ ...facts, recipientName: c.name, step, due }, locale),
          skipIf: unless(step === "questions" ? "QuestionsSubmitted" : "DecisionSent"),
          data,
        },
      ]
    }),
  ]
}

const cycleMessages = (ctx: RuleContext): ReadonlyArray<Outgoing> => {
  const state = cycleState(ctx)
  if (state === undefined) return []
  const stream = ctx.decision.streamId
  const zone = ctx.settings.zone
  const name = schoolName(ctx, state.schoolId)
  const data = { schoolId: state.schoolId, dayDate: state.date }
  return ctx.decision.events.flatMap(({ id, event }): ReadonlyArray<Outgoing> => {
    const e = event as CycleEvent
    switch (e._tag) {
      case "CycleOpened":
        return scheduleDues(ctx, id, e.schoolId, e.date, e.dues)
      case "MaterialsIssued":
        return [
          {
            key: `${stream}/materials`,
            kind: "emd.materials-issued",
            to: schoolPeople(ctx, state.schoolId),
            render: (locale, c) =>
              Templates.materialsIssued(
                {
                  schoolName: name,
                  dayDate: state.date,
                  zone,
                  recipientName: c.name,
                  seminars: e.seminars,
                  questions: e.questions,
                  videoconferenceDate: state.dues.videoconference.date,
                  questionsDue: state.dues.questions.at,
                  withInvites: true,
                },
                locale,
              ),
            invites: (c, locale) =>
              cycleInvites(
                ctx,
                c,
                { schoolName: name, date: state.date, dues: state.dues },
                { sequence: state.reschedules.length, method: "REQUEST" },
                locale,
              ),
            data: {
              ...data,
              seminars: e.seminars,
              questionsDue: DateTime.formatIso(state.dues.questions.at),
            },
          },
        ]
      case "QuestionsSubmitted":
        if (!e.late) return []
        return [
          {
            key: `${stream}/${id}/questions-late`,
            kind: "emd.questions-late",
            to: coordinators(ctx),
            render: (locale, c) =>
              Templates.lateQuestions(
                {
                  schoolName: name,
                  dayDate: state.date,
                  zone,
                  recipientName: c.name,
                  count: e.questions.length,
                  at: e.at,
                  due: state.dues.questions.at,
                },
                locale,
              ),
            data,
          },
        ]
      case "DecisionSent":
        return [
          {
            key: `${stream}/${id}/decision-sent`,
            kind: "emd.decision-sent",
            to: [
              ...coordinators(ctx),
              ...ctx.directory.withRole(districtOf(ctx), "curator", state.schoolId),
            ],
            render: (locale, c) =>
              Templates.decisionSent(
                {
                  schoolName: name,
                  dayDate: state.date,
                  zone,
                  recipientName: c.name,
                  summary: e.summary,
                  items: e.items.length,
                  deficits: e.deficits.length,
                  late: e.late,
                },
                locale,
              ),
            data: { ...data, late: e.late },
          },
        ]
      case "DayCancelled":
        return [
          {
            key: `${stream}/${id}/cancelled`,
            kind: "emd.day-cancelled",
            to: notActor(ctx, [...schoolPeople(ctx, state.schoolId), ...coordinators(ctx)]),
            render: (locale, c) =>
              Templates.dayCancelled(
                {
                  schoolName: name,
                  dayDate: state.date,
                  zone,
                  recipientName: c.name,
                  reason: e.reason,
                  ...(e.note === undefined ? {} : { note: e.note }),
                },
                locale,
              ),
            ...(state.materials === undefined
              ? {}
              : {
                  invites: (c: Contact, locale: Templates.Locale) =>
                    cycleInvites(
                      ctx,
                      c,
                      { schoolName: name, date: state.date, dues: state.dues },
                      { sequence: state.reschedules.length + 1, method: "CANCEL" },
                      locale,
                    ),
                }),
            data,
          },
        ]
      case "DayRescheduled":
        return [
          {
            key: `${stream}/${id}/rescheduled`,
            kind: "emd.day-rescheduled",
            to: notActor(ctx, [...schoolPeople(ctx, state.schoolId), ...coordinators(ctx)]),
            render: (locale, c) =>
              Templates.dayRescheduled(
                {
                  schoolName: name,
                  dayDate: e.from,
                  to: e.to,
                  zone,
                  recipientName: c.name,
                  reason: e.reason,
                  ...(e.note === undefined ? {} : { note: e.note }),
                  questionsDue: e.dues.questions.at,
                },
                locale,
              ),
            ...(state.materials === undefined
              ? {}
              : {
                  invites: (c: Contact, locale: Templates.Locale) =>
                    cycleInvites(
                      ctx,
                      c,
                      { schoolName: name, date: e.to, dues: e.dues },
                      { sequence: state.reschedules.length, method: "REQUEST" },
                      locale,
                    ),
                }),
            data: { ...data, dayDate: e.to, from: e.from },
          },
          ...scheduleDues(ctx, id, state.schoolId, e.to, e.dues),
        ]
      default:
        return []
    }
  })
}

const yearState = (ctx: RuleContext): YearState | undefined => {
  const s = ctx.decision.state as { readonly _tag?: unknown } | null
  return s !== null && s._tag === "Planned" ? (s as YearState) : undefined
}

const yearMessages = (ctx: RuleContext): ReadonlyArray<Outgoing> => {
  const state = yearState(ctx)
  if (state === undefined) return []
  const stream = ctx.decision.streamId
  const zone = ctx.settings.zone
  const person = (id: Ids.PersonId): ReadonlyArray<Contact> => {
    const c = ctx.directory.person(id)
    return c === undefined ? [] : [c]
  }
  const leaderOf = (schoolId: Ids.OrganisationId): ReadonlyArray<Contact> => {
    const registered = state.schools.find((s) => s.schoolId === schoolId)
    return registered === undefined
      ? ctx.directory.withRole(districtOf(ctx), "school-leader", schoolId)
      : person(registered.leaderId)
  }
  return ctx.decision.events.flatMap(({ id, event }): ReadonlyArray<Outgoing> => {
    const e = event as YearEvent
    switch (e._tag) {
      case "CuratorsAssigned": {
        const out: Array<Outgoing> = []
        for (const pair of e.added) {
          const curator = ctx.directory.person(pair.curatorId)
          const facts = {
            zone,
            schoolName: schoolName(ctx, pair.schoolId),
            curatorName: curator?.fullName ?? curator?.name ?? pair.curatorId,
            curatorSchoolName: schoolName(ctx, pair.curatorSchoolId),
          }
          const data = { schoolId: pair.schoolId, curatorId: pair.curatorId }
          out.push(
            {
              key: `${stream}/${id}/curator-assigned/${pair.schoolId}`,
              kind: "emd.curator-assigned",
              to: person(pair.curatorId),
              render: (locale, c) =>
                Templates.curatorAssigned({ ...facts, recipientName: c.name }, locale),
              data,
            },
            {
              key: `${stream}/${id}/curator-for-school/${pair.schoolId}`,
              kind: "emd.curator-for-school",
              to: leaderOf(pair.schoolId),
              render: (locale, c) =>
                Templates.curatorForSchool({ ...facts, recipientName: c.name }, locale),
              data,
            },
          )
        }
        for (const { pair } of e.removed) {
          const stays = e.pairs.some(
            (p) => p.schoolId === pair.schoolId && p.curatorId === pair.curatorId,
          )
          if (stays) continue
          out.push({
            key: `${stream}/${id}/curator-removed/${pair.schoolId}`,
            kind: "emd.curator-removed",
            to: person(pair.curatorId),
            render: (locale, c) =>
              Templates.curatorRemoved(
                { zone, schoolName: schoolName(ctx, pair.schoolId), recipientName: c.name },
                locale,
              ),
            data: { schoolId: pair.schoolId, curatorId: pair.curatorId },
          })
        }
        return out
      }
      case "ResponsibleAppointed":
        return [
          {
            key: `${stream}/${id}/responsible-appointed`,
            kind: "emd.responsible-appointed",
            to: person(e.personId),
            render: (locale, c) =>
              Templates.responsibleAppointed(
                {
                  zone,
                  schoolName: schoolName(ctx, e.schoolId),
                  recipientName: c.name,
                  ...(e.order === undefined || locale !== "ru"
                    ? {}
                    : { order: Order.cite(e.order) }),
                },
                locale,
              ),
            data: { schoolId: e.schoolId },
          },
        ]
      case "SchoolRegistered":
        return state.sheets.flatMap((sheet): ReadonlyArray<Outgoing> => {
          const skipIf = [
            {
              streamId: stream,
              eventTypes: ["SchoolWithdrawn", "SchoolRegistered"],
              after: id,
              match: { schoolId: e.schoolId },
            },
            {
              streamId: UnifiedDay.ProgressSheet.streamId(e.schoolId, sheet.month),
              eventTypes: ["SheetSubmitted"],
            },
          ]
          const facts = { zone, schoolName: schoolName(ctx, e.schoolId), month: sheet.month }
          const data = { schoolId: e.schoolId, month: sheet.month }
          const overdue: ReadonlyArray<Outgoing> = DateTime.isGreaterThan(
            sheet.due.at,
            ctx.decision.now,
          )
            ? [
                {
                  key: `${stream}/${id}/sheet-overdue/${e.schoolId}/${sheet.month}`,
                  kind: "emd.progress-sheet-overdue",
                  to: coordinators(ctx),
                  notBefore: sheet.due.at,
                  render: (locale, c) =>
                    Templates.progressSheetOverdue(
                      { ...facts, recipientName: c.name, due: sheet.due.at },
                      locale,
                    ),
                  skipIf,
                  data,
                },
              ]
            : []
          return [
            ...reminders(ctx, "emd.progress-sheet", sheet.due.at, (h, sendAt) => ({
              key: `${stream}/${id}/sheet-reminder/${e.schoolId}/${sheet.month}/${h}h`,
              kind: "emd.progress-sheet-reminder",
              to: person(e.leaderId),
              render: (locale, c) =>
                Templates.progressSheetReminder(
                  { ...facts, recipientName: c.name, due: sheet.due.at, sendAt },
                  locale,
                ),
              skipIf,
              data,
            })),
            ...overdue,
          ]
        })
      default:
        return []
    }
  })
}

const sheetMessages = (ctx: RuleContext): ReadonlyArray<Outgoing> =>
  ctx.decision.events.flatMap(({ id, event }): ReadonlyArray<Outgoing> => {
    const e = event as SheetEvent
    if (e._tag !== "SheetSubmitted") return []
    return [
      {
        key: `${ctx.decision.streamId}/${id}/sheet-submitted`,
        kind: "emd.progress-sheet-submitted",
        to: notActor(ctx, [
          ...ctx.directory.withRole(districtOf(ctx), "methodist"),
          ...ctx.directory.withRole(districtOf(ctx), "curator", e.schoolId),
        ]),
        render: (locale, c) =>
          Templates.progressSheetSubmitted(
            {
              zone: ctx.settings.zone,
              recipientName: c.name,
              schoolName: schoolName(ctx, e.schoolId),
              month: e.month,
              entries: e.entries.length,
              late: e.late,
            },
            locale,
          ),
        data: { schoolId: e.schoolId, month: e.month, late: e.late },
      },
    ]
  })

/** The rule of a school's weekly cycle (`emd-cycle`). */
export const cycleRule: Rule = { streamType: cycleStreamType, messagesFor: cycleMessages }

/** The rule of a district's year (`emd-year`). */
export const yearRule: Rule = { streamType: yearStreamType, messagesFor: yearMessages }

/** The rule of a school's monthly progress sheet (`emd-sheet`). */
export const sheetRule: Rule = { streamType: sheetStreamType, messagesFor: sheetMessages }

/** Every rule of the unified methodical day. */
export const rules: ReadonlyArray<Rule> = [cycleRule, yearRule, sheetRule]
