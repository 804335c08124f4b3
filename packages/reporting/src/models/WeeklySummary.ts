/**
 * The coordinator's weekly summary of the unified methodical day (Сводка ЕМД за неделю,
 * EMD-2.7–2.13, EMD-1.3, EMD-1.4): for the day T, one line per participating school
 * with the step of its cycle it has reached, the steps done late and the steps overdue
 * at the time asked, the form chosen for the day, who took part, and the decision items
 * done; with the week's totals and charts of participation and lateness by school.
 *
 * A pure function of the weekly view's state (`UnifiedDay.WeeklyView`): the lines come
 * from `WeeklyView.week`; the form and the participants, which the view's rows do not
 * carry, are read from the cycles' states in the same state. The document is for the
 * department by default: school names are shown, the responsible persons' names are
 * personal data (withheld from a public version).
 */
import { type Ids, type LocalDate, UnifiedDay } from "@metodika/core"
import type { DateTime } from "effect"
import * as ReportDate from "../ReportDate.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as Common from "./Common.ts"

const { Column } = ReportDocument

type CycleStep = UnifiedDay.Dues.CycleStep

/** What the weekly summary is asked about. */
export interface Query {
  /** The day T. */
  readonly day: LocalDate.LocalDate
  /** The time the summary is drawn up at: what is overdue depends on it. */
  readonly now: DateTime.Utc
  /** Only the schools of this district's year. */
  readonly districtId?: Ids.DistrictId
  /**
   * The regulation in force: with it, a participating school whose cycle was never
   * opened shows its missing steps as overdue (`WeeklyView.week`).
   */
  readonly regulation?: UnifiedDay.Regulation.EmdRegulation
}

/** Options of {@link make}: the document's heading and the query. */
export interface Options extends Common.Options, Query {}

/** Who took part in a day held (EMD-1.3, 2.12). */
export interface Participants {
  readonly leaders: number
  readonly teachers: number
}

/** One school's line of the week: the figures, by id. */
export interface Line {
  readonly schoolId: Ids.OrganisationId
  readonly lowResults: boolean
  /** EMD-1.5: the person responsible for the day in the school, when appointed. */
  readonly responsibleId?: Ids.PersonId
  readonly topicId?: Ids.TopicId
  /** The step reached (the weekly view's stage). */
  readonly stage: UnifiedDay.WeeklyView.Stage
  /** EMD-1.4: the form of the day: the one it was held in, else the one chosen. */
  readonly form?: UnifiedDay.Cycle.DayForm
  /** EMD-2.12: who took part, once the day is held. */
  readonly participants?: Participants
  /** Steps done after their due instant (EMD-2.10: questions accepted, marked late). */
  readonly late: ReadonlyArray<CycleStep>
  /** Steps whose due instant passed without them. */
  readonly overdue: ReadonlyArray<CycleStep>
  /** EMD-1.3: overdue steps of a low-results school. */
  readonly flagged: ReadonlyArray<CycleStep>
  /** EMD-2.13: the decision items, done and overdue. */
  readonly items: { readonly total: number; readonly done: number; readonly overdue: number }
  /** Why the day was cancelled for the school, when it was. */
  readonly cancelled?: UnifiedDay.Cycle.CancelReason
}

/** The week's totals. */
export interface Summary {
  readonly schools: number
  /** Schools that held the day. */
  readonly held: number
  /** Leaders and teachers who took part, over every school. */
  readonly participants: number
  /** Schools with a step done late. */
  readonly late: number
  /** Schools whose questions came late (EMD-2.10). */
  readonly lateQuestions: number
  /** Schools with an overdue step. */
  readonly overdue: number
  /** Low-results schools with a missing step (EMD-1.3). */
  readonly flagged: number
  /** Schools whose day was cancelled. */
  readonly cancelled: number
}

/** The cycles of a weekly view's state by stream id. */
const cyclesByStream = (
  state: UnifiedDay.WeeklyView.State,
): ReadonlyMap<string, UnifiedDay.Cycle.Open | UnifiedDay.Cycle.Cancelled> =>
  new Map(UnifiedDay.WeeklyView.cycles(state).map((c) => [c.streamId, c.state]))

/**
 * EMD-2.7–2.13, EMD-1.3: the week's lines, one per school in the order of the weekly
 * view (by school id).
 */
export const lines = (state: UnifiedDay.WeeklyView.State, query: Query): ReadonlyArray<Line> => {
  const rows = UnifiedDay.WeeklyView.week(state, {
    date: query.day,
    now: query.now,
    ...(query.districtId === undefined ? {} : { districtId: query.districtId }),
    ...(query.regulation === undefined ? {} : { regulation: query.regulation }),
  })
  const cycles = cyclesByStream(state)
  const year = Common.plannedYear(state.years, {
    ...(query.districtId === undefined ? {} : { districtId: query.districtId }),
    date: query.day,
  })
  return rows.map((row): Line => {
    const cycle = row.streamId === undefined ? undefined : cycles.get(row.streamId)
    const form = cycle?.day?.form ?? cycle?.form?.form
    const held = cycle?.day?.participants
    const responsible =
      year === undefined ? undefined : UnifiedDay.Year.responsibleOf(year, row.schoolId)
    return {
      schoolId: row.schoolId,
      lowResults: row.lowResults,
      ...(responsible === undefined ? {} : { responsibleId: responsible.personId }),
      ...(row.topicId === undefined ? {} : { topicId: row.topicId }),
      stage: row.stage,
      ...(form === undefined ? {} : { form }),
      ...(held === undefined
        ? {}
        : { participants: { leaders: held.leaders, teachers: held.teachers } }),
      late: row.late,
      overdue: row.overdue,
      flagged: row.flagged,
      items: row.items,
      ...(row.cancelled === undefined ? {} : { cancelled: row.cancelled }),
    }
  })
}

/** The number of people who took part in a line's day (0 when it was not held). */
export const peopleOf = (line: Line): number =>
  line.participants === undefined ? 0 : line.participants.leaders + line.participants.teachers

/** EMD-1.3, 2.7–2.13: the totals of a week's lines. */
export const summary = (week: ReadonlyArray<Line>): Summary => ({
  schools: week.length,
  held: week.filter((l) => l.participants !== undefined).length,
  participants: week.reduce((n, l) => n + peopleOf(l), 0),
  late: week.filter((l) => l.late.length > 0).length,
  lateQuestions: week.filter((l) => l.late.includes("questions")).length,
  overdue: week.filter((l) => l.overdue.length > 0).length,
  flagged: week.filter((l) => l.flagged.length > 0).length,
  cancelled: week.filter((l) => l.stage === "cancelled").length,
})

/** The text of a form: its title when it has one, else the name of its kind. */
export const formText = (form: UnifiedDay.Cycle.DayForm, options: Common.Options): string => {
  const kind = Common.words(options).forms[form.kind]
  return form.title === undefined ? kind : `${form.title} (${kind})`
}

/** The steps in words, joined: «вопросы, решение»; `null` for none. */
export const stepsText = (
  steps: ReadonlyArray<CycleStep>,
  options: Common.Options,
): string | null =>
  steps.length === 0 ? null : steps.map((s) => Common.words(options).steps[s]).join(", ")

/** The title of a topic of the year, or `undefined`. */
export const topicTitle = (
  state: UnifiedDay.WeeklyView.State,
  topicId: Ids.TopicId | undefined,
  filter: { readonly districtId?: string; readonly date?: LocalDate.LocalDate } = {},
): string | undefined => {
  if (topicId === undefined) return undefined
  return Common.plannedYear(state.years, filter)?.topics.find((t) => t.topicId === topicId)?.title
}

/** The column set of the schools table. */
const columns = (options: Common.Options) => {
  const l = Common.words(options).label
  return [
    Column.integer("n", l.n, { width: 4 }),
    Column.text("school", l.school),
    Column.boolean("lowResults", l.lowResults, { width: 6 }),
    Column.text("responsible", l.responsible, { personal: true }),
    Column.text("stage", l.stage),
    Column.text("form", l.form),
    Column.integer("participants", l.participants),
    Column.text("late", l.lateSteps),
    Column.text("overdue", l.overdueSteps),
    Column.text("items", l.decisionItems),
  ] as const
}

/**
 * EMD-2.7–2.13, EMD-1.3, EMD-1.4: the coordinator's weekly summary for the day T as a
 * document: the week's totals, one line per school (step reached, late, overdue, form,
 * participants, decision items), and two charts by school (participants; late and
 * overdue steps). For the department by default.
 *
 * @example
 * ```ts
 * const state = UnifiedDay.Projection.rebuild(UnifiedDay.WeeklyView.readModel, events)
 * const doc = EmdReports.WeeklySummary.make(state, {
 *   organisation: "Комитет по образованию", district: "Полтавский муниципальный район",
 *   date: LocalDate.unsafeFromString("2025-12-19"), timeZone: omsk, directory,
 *   day: LocalDate.unsafeFromString("2025-12-18"), now: DateTime.makeUnsafe("2025-12-19T06:00:00Z"),
 * })
 * ```
 */
export const make = (
  state: UnifiedDay.WeeklyView.State,
  options: Options,
): ReportDocument.ReportDocument => {
  const w = Common.words(options)
  const l = w.label
  const week = lines(state, options)
  const total = summary(week)
  const day = Common.numericDate(options.day, options)
  const filter = {
    ...(options.districtId === undefined ? {} : { districtId: options.districtId }),
    date: options.day,
  }
  const topic = topicTitle(state, week.find((x) => x.topicId !== undefined)?.topicId, filter)
  const schools = week.map((x) => Common.schoolName(options, x.schoolId))
  const table = ReportDocument.table({
    id: "schools",
    title: w.text.weeklySchools,
    columns: columns(options),
    rows: week.map((x, i) => ({
      n: i + 1,
      school: schools[i] ?? x.schoolId,
      lowResults: x.lowResults,
      responsible:
        x.responsibleId === undefined ? null : Common.personName(options, x.responsibleId),
      stage:
        x.cancelled === undefined
          ? w.stages[x.stage]
          : w.text.cancelled(w.cancelReasons[x.cancelled]),
      form: x.form === undefined ? null : formText(x.form, options),
      participants: x.participants === undefined ? null : peopleOf(x),
      late: stepsText(x.late, options),
      overdue: stepsText(x.overdue, options),
      items: x.items.total === 0 ? null : w.text.itemsDone(x.items.done, x.items.total),
    })),
    footer: [{ school: l.total, participants: total.participants }],
    note: w.text.weeklyNote,
  })
  return ReportDocument.make({
    ...Common.heading(options, {
      name: Common.fileStem("emd-week", options.day),
      title: w.text.weeklyTitle(day),
      audience: "department",
    }),
    sections: [
      ReportDocument.section(w.text.weeklyParameters, [
        ReportDocument.keyValues([
          ReportDocument.item(l.day, ReportDate.fromCore(options.day)),
          ...(topic === undefined ? [] : [ReportDocument.item(l.topic, topic)]),
          ReportDocument.item(l.schools, total.schools),
          ReportDocument.item(l.schoolsHeld, total.held),
          ReportDocument.item(l.participants, total.participants),
          ReportDocument.item(l.schoolsLate, total.late),
          ReportDocument.item(l.lateQuestions, total.lateQuestions),
          ReportDocument.item(l.schoolsOverdue, total.overdue),
          ReportDocument.item(l.flagged, total.flagged),
        ]),
      ]),
      ReportDocument.section(w.text.weeklySchools, [
        table,
        ...(week.length === 0
          ? []
          : [
              ReportDocument.chart({
                id: "participation",
                title: w.text.weeklyParticipationChart(day),
                kind: "bar",
                orientation: "horizontal",
                categories: schools,
                series: [{ name: w.series.participants, values: week.map(peopleOf) }],
                valueAxisTitle: w.series.people,
              }),
              ReportDocument.chart({
                id: "lateness",
                title: w.text.weeklyLatenessChart(day),
                kind: "bar",
                orientation: "horizontal",
                categories: schools,
                series: [
                  { name: w.series.lateSteps, values: week.map((x) => x.late.length) },
                  { name: w.series.overdueSteps, values: week.map((x) => x.overdue.length) },
                ],
                valueAxisTitle: w.series.steps,
              }),
            ]),
      ]),
    ],
  })
}
