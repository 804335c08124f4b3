/**
 * The messages people receive about the unified methodical day (единый методический
 * день, ЕМД), in Russian (the default) and English. Each template is a pure function
 * of its facts and a locale, and returns the subject with plain-text and HTML bodies.
 *
 * Dates are written as Russian letters write them («четверг, 4 декабря 2025 г.»), times
 * in the district's zone with the zone named («11:00 (Омск, UTC+6)»), and counts with
 * the right plural form («3 вопроса», «5 дней»).
 *
 * @module
 */
import type { LocalDate } from "@metodika/core"
import { DateTime } from "effect"
import * as English from "./English.ts"
import * as Letter from "./Letter.ts"
import * as Russian from "./Russian.ts"

/** The language of a message: Russian by default, English. */
export type Locale = "ru" | "en"

/** A link to a resource (a video seminar). */
export interface Link {
  readonly title: string
  readonly url: string
}

/** What every template knows: whom it greets and in which zone times are shown. */
export interface Common {
  /** The recipient's name as it should be addressed («Мария Петровна»); a neutral greeting when absent. */
  readonly recipientName?: string | undefined
  /** The district's IANA time zone. */
  readonly zone: string
}

const parts = (date: LocalDate.LocalDate) => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
})

/** Formatting in one locale. */
interface Format {
  readonly date: (date: LocalDate.LocalDate) => string
  readonly weekdayDate: (date: LocalDate.LocalDate) => string
  readonly dateTime: (instant: DateTime.DateTime, zone: string) => string
  readonly duration: (minutes: number) => string
  readonly month: (yearMonth: string) => string
  readonly count: (n: number, noun: "question" | "item" | "deficit" | "school") => string
  readonly greeting: (name: string | undefined) => string
  readonly footer: string
}

const ru: Format = {
  date: (d) => Russian.formatDate(parts(d)),
  weekdayDate: (d) => Russian.formatDateWithWeekday(parts(d)),
  dateTime: Russian.formatDateTime,
  duration: Russian.formatDuration,
  month: (ym) => Russian.formatMonth(Number(ym.slice(0, 4)), Number(ym.slice(5, 7))),
  count: (n, noun) =>
    Russian.plural(
      n,
      {
        question: Russian.nouns.question,
        item: ["пункт", "пункта", "пунктов"] as const,
        deficit: ["дефицит", "дефицита", "дефицитов"] as const,
        school: Russian.nouns.school,
      }[noun],
    ),
  greeting: (name) => (name === undefined ? "Здравствуйте!" : `Здравствуйте, ${name}!`),
  footer:
    "Это автоматическое уведомление системы методической работы района. Отвечать на него не нужно.",
}

const en: Format = {
  date: (d) => English.formatDate(parts(d)),
  weekdayDate: (d) => English.formatDateWithWeekday(parts(d)),
  dateTime: English.formatDateTime,
  duration: English.formatDuration,
  month: (ym) => English.formatMonth(Number(ym.slice(0, 4)), Number(ym.slice(5, 7))),
  count: (n, noun) =>
    English.plural(
      n,
      {
        question: English.nouns.question,
        item: ["item", "items"] as const,
        deficit: ["deficit", "deficits"] as const,
        school: English.nouns.school,
      }[noun],
    ),
  greeting: (name) => (name === undefined ? "Hello," : `Hello, ${name},`),
  footer:
    "This is an automatic notification of the district's methodical work system. No reply is needed.",
}

const formatFor = (locale: Locale): Format => (locale === "en" ? en : ru)

const letter = (
  locale: Locale,
  common: Common,
  subject: string,
  blocks: ReadonlyArray<Letter.Block>,
) => {
  const f = formatFor(locale)
  return Letter.render(
    { subject, greeting: f.greeting(common.recipientName), blocks, footer: f.footer },
    locale,
  )
}

const minutesBetween = (from: DateTime.DateTime, to: DateTime.DateTime): number =>
  Math.round((DateTime.toEpochMillis(to) - DateTime.toEpochMillis(from)) / 60_000)

/** Facts of the day every EMD template names. */
export interface DayFacts extends Common {
  readonly schoolName: string
  /** The day T. */
  readonly dayDate: LocalDate.LocalDate
}

/** EMD-2.7: materials issued to the school's leader and responsible person. */
export interface MaterialsIssued extends DayFacts {
  readonly seminars: ReadonlyArray<Link>
  readonly questions: ReadonlyArray<string>
  /** EMD-2.9: the date of the videoconference. */
  readonly videoconferenceDate: LocalDate.LocalDate
  /** EMD-2.10: when the questions are due. */
  readonly questionsDue: DateTime.DateTime
  /** Whether calendar invites are attached. */
  readonly withInvites: boolean
}

/** EMD-2.7: the materials of the day are out, and what comes next. */
export const materialsIssued = (input: MaterialsIssued, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Unified methodical day ${f.date(input.dayDate)}: materials and questions`,
      [
        Letter.paragraph(
          `The coordinator has issued the materials for the unified methodical day of ${input.schoolName} on ${f.weekdayDate(input.dayDate)}.`,
        ),
        Letter.links(input.seminars, "Video seminars:"),
        ...(input.questions.length === 0
          ? []
          : [Letter.list(input.questions, "Questions for discussion:")]),
        Letter.list(
          [
            "choose the form of the day before it starts;",
            `videoconference of leaders and responsible persons with the coordinator: ${f.weekdayDate(input.videoconferenceDate)};`,
            `send the school's questions to the coordinator by ${f.dateTime(input.questionsDue, input.zone)}.`,
          ],
          "Next steps:",
        ),
        ...(input.withInvites ? [Letter.paragraph("Calendar invitations are attached.")] : []),
      ],
    )
  }
  return letter(locale, input, `ЕМД ${f.date(input.dayDate)}: материалы и вопросы для обсуждения`, [
    Letter.paragraph(
      `Координатор выдал материалы к единому методическому дню (${f.weekdayDate(input.dayDate)}) для школы «${input.schoolName}».`,
    ),
    Letter.links(input.seminars, "Видеосеминары:"),
    ...(input.questions.length === 0
      ? []
      : [Letter.list(input.questions, "Вопросы для обсуждения:")]),
    Letter.list(
      [
        "выбрать форму проведения ЕМД до начала дня;",
        `видеоконференция руководителей и ответственных с координатором — ${f.weekdayDate(input.videoconferenceDate)};`,
        `отправить вопросы школы координатору до срока: ${f.dateTime(input.questionsDue, input.zone)}.`,
      ],
      "Что дальше:",
    ),
    ...(input.withInvites ? [Letter.paragraph("Приглашения в календарь приложены к письму.")] : []),
  ])
}

/** A reminder before a due instant, sent `lead` before it. */
export interface DueReminder extends DayFacts {
  readonly due: DateTime.DateTime
  /** When the reminder is meant to arrive, to say how much time is left. */
  readonly sendAt: DateTime.DateTime
}

/** EMD-2.10: the questions are due soon. */
export const questionsReminder = (input: DueReminder, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  const left = f.duration(minutesBetween(input.sendAt, input.due))
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Reminder: questions for the methodical day ${f.date(input.dayDate)} are due`,
      [
        Letter.paragraph(
          `${input.schoolName} has not yet sent its questions on the video seminars for the unified methodical day of ${f.date(input.dayDate)}.`,
        ),
        Letter.facts([
          ["Due", f.dateTime(input.due, input.zone)],
          ["Time left", left],
        ]),
        Letter.paragraph("Questions sent later are still accepted, but marked late."),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Напоминание: вопросы к ЕМД ${f.date(input.dayDate)} — срок ${f.dateTime(input.due, input.zone)}`,
    [
      Letter.paragraph(
        `Школа «${input.schoolName}» ещё не отправила координатору вопросы по видеосеминарам к единому методическому дню ${f.date(input.dayDate)}.`,
      ),
      Letter.facts([
        ["Срок", f.dateTime(input.due, input.zone)],
        ["Осталось", left],
      ]),
      Letter.paragraph("Вопросы, отправленные позже срока, будут приняты с отметкой об опоздании."),
    ],
  )
}

/** EMD-2.7: the coordinator is reminded that the materials of a day are due. */
export const materialsReminder = (input: DueReminder, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  const left = f.duration(minutesBetween(input.sendAt, input.due))
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Reminder: materials for the methodical day ${f.date(input.dayDate)} are due`,
      [
        Letter.paragraph(
          `The video seminars and discussion questions for the unified methodical day of ${input.schoolName} on ${f.date(input.dayDate)} have not been issued yet.`,
        ),
        Letter.facts([
          ["Due", f.dateTime(input.due, input.zone)],
          ["Time left", left],
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Напоминание: материалы к ЕМД ${f.date(input.dayDate)} — срок ${f.dateTime(input.due, input.zone)}`,
    [
      Letter.paragraph(
        `Ссылки на видеосеминары и вопросы для обсуждения к единому методическому дню ${f.date(input.dayDate)} для школы «${input.schoolName}» ещё не выданы.`,
      ),
      Letter.facts([
        ["Срок", f.dateTime(input.due, input.zone)],
        ["Осталось", left],
      ]),
    ],
  )
}

/** EMD-2.9: the videoconference is soon. */
export const videoconferenceReminder = (
  input: DueReminder,
  locale: Locale = "ru",
): Letter.Rendered => {
  const f = formatFor(locale)
  const date = f.weekdayDate(input.dayDate)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Reminder: videoconference with the coordinator, ${f.date(input.dayDate)}`,
      [
        Letter.paragraph(
          `The videoconference of leaders and responsible persons with the coordinator takes place on ${date}.`,
        ),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Напоминание: видеоконференция с координатором ${f.date(input.dayDate)}`,
    [
      Letter.paragraph(
        `Видеоконференция руководителей и ответственных за ЕМД с координатором состоится: ${date}.`,
      ),
    ],
  )
}

/** EMD-2.12: the day is soon. */
export const dayReminder = (input: DueReminder, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(locale, input, `Reminder: unified methodical day ${f.date(input.dayDate)}`, [
      Letter.paragraph(
        `The unified methodical day of ${input.schoolName} is held on ${f.weekdayDate(input.dayDate)}. After it, record the day and send its decision to the coordinator.`,
      ),
    ])
  }
  return letter(locale, input, `Напоминание: единый методический день ${f.date(input.dayDate)}`, [
    Letter.paragraph(
      `Единый методический день в школе «${input.schoolName}» проводится: ${f.weekdayDate(input.dayDate)}. После него отметьте проведение дня и направьте решение координатору.`,
    ),
  ])
}

/** EMD-2.12: the decision of the day is due soon. */
export const decisionReminder = (input: DueReminder, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  const left = f.duration(minutesBetween(input.sendAt, input.due))
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Reminder: the decision of the methodical day ${f.date(input.dayDate)} is due`,
      [
        Letter.paragraph(
          `${input.schoolName} has not yet sent the decision of its methodical day.`,
        ),
        Letter.facts([
          ["Due", f.dateTime(input.due, input.zone)],
          ["Time left", left],
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Напоминание: решение ЕМД ${f.date(input.dayDate)} — срок ${f.dateTime(input.due, input.zone)}`,
    [
      Letter.paragraph(
        `Школа «${input.schoolName}» ещё не направила координатору решение по итогам ЕМД.`,
      ),
      Letter.facts([
        ["Срок", f.dateTime(input.due, input.zone)],
        ["Осталось", left],
      ]),
    ],
  )
}

/** A step of a school that is overdue, for the coordinator. */
export interface Overdue extends DayFacts {
  readonly step: "questions" | "decision"
  readonly due: DateTime.DateTime
}

/** EMD-2.10, 2.12: the coordinator learns that a school missed a due instant. */
export const overdue = (input: Overdue, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    const what = input.step === "questions" ? "its questions" : "the decision of its day"
    return letter(
      locale,
      input,
      `Overdue: ${input.schoolName} has not sent ${what} (methodical day ${f.date(input.dayDate)})`,
      [
        Letter.paragraph(
          `${input.schoolName} has not sent ${what} for the unified methodical day of ${f.date(input.dayDate)}.`,
        ),
        Letter.facts([["Was due", f.dateTime(input.due, input.zone)]]),
      ],
    )
  }
  const what = input.step === "questions" ? "вопросы" : "решение по итогам дня"
  return letter(
    locale,
    input,
    `Просрочено: школа «${input.schoolName}» не направила ${what} (ЕМД ${f.date(input.dayDate)})`,
    [
      Letter.paragraph(
        `Школа «${input.schoolName}» не направила ${what} к единому методическому дню ${f.date(input.dayDate)}.`,
      ),
      Letter.facts([["Срок истёк", f.dateTime(input.due, input.zone)]]),
    ],
  )
}

/** EMD-2.10: questions arrived after their due instant. */
export interface LateQuestions extends DayFacts {
  readonly count: number
  readonly at: DateTime.DateTime
  readonly due: DateTime.DateTime
}

/** EMD-2.10: the coordinator learns that a school's questions arrived late (accepted, marked late). */
export const lateQuestions = (input: LateQuestions, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  const late = f.duration(minutesBetween(input.due, input.at))
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Late questions from ${input.schoolName} (methodical day ${f.date(input.dayDate)})`,
      [
        Letter.paragraph(
          `${input.schoolName} sent ${f.count(input.count, "question")}, ${late} after the due time. They are accepted and marked late.`,
        ),
        Letter.facts([
          ["Received", f.dateTime(input.at, input.zone)],
          ["Was due", f.dateTime(input.due, input.zone)],
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Вопросы школы «${input.schoolName}» к ЕМД ${f.date(input.dayDate)} поступили с опозданием`,
    [
      Letter.paragraph(
        `Школа «${input.schoolName}» направила ${f.count(input.count, "question")} с опозданием на ${late}. Вопросы приняты с отметкой об опоздании.`,
      ),
      Letter.facts([
        ["Поступили", f.dateTime(input.at, input.zone)],
        ["Срок", f.dateTime(input.due, input.zone)],
      ]),
    ],
  )
}

/** EMD-2.12, 2.13: the decision of a day as the coordinator hears of it. */
export interface DecisionSent extends DayFacts {
  readonly summary: string
  readonly items: number
  readonly deficits: number
  readonly late: boolean
}

/** EMD-2.12: a school sent the decision of its day. */
export const decisionSent = (input: DecisionSent, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `${input.schoolName} sent the decision of its methodical day ${f.date(input.dayDate)}`,
      [
        Letter.paragraph(input.summary),
        Letter.facts([
          ["Decision", f.count(input.items, "item")],
          ["Deficits found", f.count(input.deficits, "deficit")],
          ...(input.late ? ([["Note", "sent after the due time"]] as const) : []),
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Школа «${input.schoolName}» направила решение ЕМД ${f.date(input.dayDate)}`,
    [
      Letter.paragraph(input.summary),
      Letter.facts([
        ["Решение", f.count(input.items, "item")],
        ["Выявлено", f.count(input.deficits, "deficit")],
        ...(input.late ? ([["Отметка", "направлено после срока"]] as const) : []),
      ]),
    ],
  )
}

/** Why a day does not take place. */
export type CancelReason = "quarantine" | "non-working-day" | "other"

const reasonText = (locale: Locale, reason: CancelReason, note?: string): string => {
  const base =
    locale === "en"
      ? {
          quarantine: "quarantine",
          "non-working-day": "a non-working day",
          other: "other reasons",
        }[reason]
      : { quarantine: "карантин", "non-working-day": "нерабочий день", other: "иные причины" }[
          reason
        ]
  return note === undefined ? base : `${base} (${note})`
}

/** A cancelled day. */
export interface DayCancelled extends DayFacts {
  readonly reason: CancelReason
  readonly note?: string
}

/** The day does not take place. */
export const dayCancelled = (input: DayCancelled, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Cancelled: methodical day ${f.date(input.dayDate)} at ${input.schoolName}`,
      [
        Letter.paragraph(
          `The unified methodical day of ${input.schoolName} on ${f.weekdayDate(input.dayDate)} is cancelled.`,
        ),
        Letter.facts([["Reason", reasonText(locale, input.reason, input.note)]]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Отменён: ЕМД ${f.date(input.dayDate)} в школе «${input.schoolName}»`,
    [
      Letter.paragraph(
        `Единый методический день в школе «${input.schoolName}» (${f.weekdayDate(input.dayDate)}) отменён.`,
      ),
      Letter.facts([["Причина", reasonText(locale, input.reason, input.note)]]),
    ],
  )
}

/** A day moved to another date, with its new due instants. */
export interface DayRescheduled extends DayFacts {
  readonly to: LocalDate.LocalDate
  readonly reason: CancelReason
  readonly note?: string
  readonly questionsDue: DateTime.DateTime
}

/** The day moves to another date. */
export const dayRescheduled = (input: DayRescheduled, locale: Locale = "ru"): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Moved: methodical day of ${input.schoolName} from ${f.date(input.dayDate)} to ${f.date(input.to)}`,
      [
        Letter.paragraph(
          `The unified methodical day of ${input.schoolName} moves from ${f.weekdayDate(input.dayDate)} to ${f.weekdayDate(input.to)}.`,
        ),
        Letter.facts([
          ["Reason", reasonText(locale, input.reason, input.note)],
          ["Questions due", f.dateTime(input.questionsDue, input.zone)],
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Перенос: ЕМД школы «${input.schoolName}» с ${f.date(input.dayDate)} на ${f.date(input.to)}`,
    [
      Letter.paragraph(
        `Единый методический день в школе «${input.schoolName}» переносится: ${f.weekdayDate(input.dayDate)} → ${f.weekdayDate(input.to)}.`,
      ),
      Letter.facts([
        ["Причина", reasonText(locale, input.reason, input.note)],
        ["Новый срок отправки вопросов", f.dateTime(input.questionsDue, input.zone)],
      ]),
    ],
  )
}

/** EMD-2.16: the monthly progress sheet is due soon. */
export interface ProgressSheetReminder extends Common {
  readonly schoolName: string
  /** The month the sheet covers, `YYYY-MM`. */
  readonly month: string
  readonly due: DateTime.DateTime
  readonly sendAt: DateTime.DateTime
}

/** EMD-2.16: a school leader is reminded of the month's progress sheet. */
export const progressSheetReminder = (
  input: ProgressSheetReminder,
  locale: Locale = "ru",
): Letter.Rendered => {
  const f = formatFor(locale)
  const left = f.duration(minutesBetween(input.sendAt, input.due))
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Reminder: progress sheet for ${f.month(input.month)} is due ${f.dateTime(input.due, input.zone)}`,
      [
        Letter.paragraph(
          `Please submit the progress sheet of ${input.schoolName} for ${f.month(input.month)} to the methodical department.`,
        ),
        Letter.facts([
          ["Due", f.dateTime(input.due, input.zone)],
          ["Time left", left],
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Напоминание: лист продвижения за ${f.month(input.month)} — срок ${f.dateTime(input.due, input.zone)}`,
    [
      Letter.paragraph(
        `Направьте, пожалуйста, в методический отдел лист продвижения школы «${input.schoolName}» за ${f.month(input.month)}.`,
      ),
      Letter.facts([
        ["Срок", f.dateTime(input.due, input.zone)],
        ["Осталось", left],
      ]),
    ],
  )
}

/** EMD-2.16: the coordinator learns that a school's progress sheet is overdue. */
export const progressSheetOverdue = (
  input: Common & {
    readonly schoolName: string
    readonly month: string
    readonly due: DateTime.DateTime
  },
  locale: Locale = "ru",
): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Overdue: progress sheet of ${input.schoolName} for ${f.month(input.month)}`,
      [
        Letter.paragraph(
          `${input.schoolName} has not submitted its progress sheet for ${f.month(input.month)}.`,
        ),
        Letter.facts([["Was due", f.dateTime(input.due, input.zone)]]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Просрочено: лист продвижения школы «${input.schoolName}» за ${f.month(input.month)}`,
    [
      Letter.paragraph(
        `Школа «${input.schoolName}» не направила лист продвижения за ${f.month(input.month)}.`,
      ),
      Letter.facts([["Срок истёк", f.dateTime(input.due, input.zone)]]),
    ],
  )
}

/** EMD-2.16–2.18: a school's progress sheet arrived (for methodists and the curator). */
export const progressSheetSubmitted = (
  input: Common & {
    readonly schoolName: string
    readonly month: string
    readonly entries: number
    readonly late: boolean
  },
  locale: Locale = "ru",
): Letter.Rendered => {
  const f = formatFor(locale)
  if (locale === "en") {
    return letter(
      locale,
      input,
      `Progress sheet of ${input.schoolName} for ${f.month(input.month)} received`,
      [
        Letter.paragraph(
          `${input.schoolName} submitted its progress sheet for ${f.month(input.month)}. It can now be used to assess the participants' growth and to plan targeted help.`,
        ),
        Letter.facts([
          ["Participants", String(input.entries)],
          ...(input.late ? ([["Note", "submitted after the due time"]] as const) : []),
        ]),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Поступил лист продвижения школы «${input.schoolName}» за ${f.month(input.month)}`,
    [
      Letter.paragraph(
        `Школа «${input.schoolName}» направила лист продвижения за ${f.month(input.month)}. По нему можно оценить профессиональный рост участников и спланировать адресную помощь.`,
      ),
      Letter.facts([
        ["Участников", String(input.entries)],
        ...(input.late ? ([["Отметка", "направлен после срока"]] as const) : []),
      ]),
    ],
  )
}

/** EMD-2.3: a curator and the low-results school assigned to them. */
export interface CuratorAssignment extends Common {
  readonly schoolName: string
  readonly curatorName: string
  readonly curatorSchoolName: string
}

/** EMD-2.3: the letter to a leader appointed curator of a low-results school. */
export const curatorAssigned = (
  input: CuratorAssignment,
  locale: Locale = "ru",
): Letter.Rendered => {
  if (locale === "en") {
    return letter(locale, input, `You are the curator of ${input.schoolName}`, [
      Letter.paragraph(
        `You have been assigned as the curator of ${input.schoolName}, a school improving its results, within the unified methodical day. You will help it with targeted methodical support and, with the methodical department, draw up its plan of targeted help from its monthly progress sheets.`,
      ),
    ])
  }
  return letter(locale, input, `Вы назначены куратором школы «${input.schoolName}»`, [
    Letter.paragraph(
      `Вы назначены куратором школы «${input.schoolName}» (школа, повышающая свои результаты) в рамках единого методического дня. Куратор оказывает школе адресную методическую помощь и вместе с методическим отделом составляет план адресной помощи по её ежемесячным листам продвижения.`,
    ),
  ])
}

/** EMD-2.3: the letter to a school's leader naming its curator. */
export const curatorForSchool = (
  input: CuratorAssignment,
  locale: Locale = "ru",
): Letter.Rendered => {
  if (locale === "en") {
    return letter(locale, input, `Curator of ${input.schoolName}: ${input.curatorName}`, [
      Letter.paragraph(
        `${input.curatorName}, leader of ${input.curatorSchoolName}, is now the curator of ${input.schoolName} within the unified methodical day.`,
      ),
    ])
  }
  return letter(locale, input, `Куратор школы «${input.schoolName}»: ${input.curatorName}`, [
    Letter.paragraph(
      `Куратором школы «${input.schoolName}» в рамках единого методического дня назначен(а) ${input.curatorName}, руководитель школы «${input.curatorSchoolName}».`,
    ),
  ])
}

/** EMD-2.3: the letter to a curator whose school was reassigned. */
export const curatorRemoved = (
  input: Common & { readonly schoolName: string },
  locale: Locale = "ru",
): Letter.Rendered => {
  if (locale === "en") {
    return letter(locale, input, `You are no longer the curator of ${input.schoolName}`, [
      Letter.paragraph(
        `The curator assignment of ${input.schoolName} has changed; you are no longer its curator. Thank you for your work.`,
      ),
    ])
  }
  return letter(locale, input, `Вы больше не куратор школы «${input.schoolName}»`, [
    Letter.paragraph(
      `Назначение куратора школы «${input.schoolName}» изменено; вы больше не являетесь её куратором. Спасибо за работу!`,
    ),
  ])
}

/** EMD-1.5: the letter to the person appointed responsible for the day in their school. */
export const responsibleAppointed = (
  input: Common & { readonly schoolName: string; readonly order?: string },
  locale: Locale = "ru",
): Letter.Rendered => {
  if (locale === "en") {
    return letter(
      locale,
      input,
      `You are responsible for the unified methodical day at ${input.schoolName}`,
      [
        Letter.paragraph(
          `You have been appointed responsible for the unified methodical day at ${input.schoolName}${input.order === undefined ? "" : ` (${input.order})`}. You will receive the materials of each day, reminders of its due times, and control how its decisions are carried out.`,
        ),
      ],
    )
  }
  return letter(
    locale,
    input,
    `Вы назначены ответственным лицом за ЕМД в школе «${input.schoolName}»`,
    [
      Letter.paragraph(
        `Вы назначены ответственным лицом за проведение единого методического дня в школе «${input.schoolName}»${input.order === undefined ? "" : ` (${input.order})`}. Вы будете получать материалы каждого дня и напоминания о сроках, а также контролировать выполнение решений.`,
      ),
    ],
  )
}
