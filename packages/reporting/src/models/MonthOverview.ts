/**
 * The district's month overview of the unified methodical day (справка об итогах ЕМД за
 * месяц, EMD-1.2, 1.3, 2.10, 2.12, 2.16–2.18): the days held in the month, participation
 * and lateness by school and by week (with charts), and the month's progress sheets
 * (on time, late, missing), the growth assessed from them and the plans of targeted help.
 *
 * A pure function of two read models' states: the weekly view (`UnifiedDay.WeeklyView`)
 * for the days, and the month view (`UnifiedDay.MonthView`) for the sheets. For the
 * department by default; it names schools and no person.
 */
import { type Ids, type LocalDate, UnifiedDay } from "@metodika/core"
import type { DateTime } from "effect"
import * as ReportDate from "../ReportDate.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as Common from "./Common.ts"
import * as WeeklySummary from "./WeeklySummary.ts"

const { Column } = ReportDocument

/** The read models the overview is drawn from. */
export interface States {
  /** The weekly view's state: the year's schedule and every school's cycles. */
  readonly weekly: UnifiedDay.WeeklyView.State
  /** The month view's state: progress sheets, assessments and plans of targeted help. */
  readonly month: UnifiedDay.MonthView.State
}

/** What the overview is asked about. */
export interface Query {
  /** The month, `YYYY-MM`. */
  readonly month: UnifiedDay.YearMonth.YearMonth
  /** The time the overview is drawn up at: what is overdue depends on it. */
  readonly now: DateTime.Utc
  /** Only the schools of this district's year. */
  readonly districtId?: Ids.DistrictId
  /** The regulation in force, for schools whose cycle was never opened (see `WeeklySummary`). */
  readonly regulation?: UnifiedDay.Regulation.EmdRegulation
}

/** Options of {@link make}: the document's heading and the query. */
export interface Options extends Common.Options, Query {}

/** One day of the month and its lines (EMD-1.2). */
export interface Week {
  readonly day: LocalDate.LocalDate
  readonly topicId?: Ids.TopicId
  readonly lines: ReadonlyArray<WeeklySummary.Line>
  readonly summary: WeeklySummary.Summary
}

/** One school over the month's days. */
export interface SchoolMonth {
  readonly schoolId: Ids.OrganisationId
  readonly lowResults: boolean
  /** Days the school held (EMD-2.12). */
  readonly daysHeld: number
  /** Leaders and teachers who took part, summed over the days held. */
  readonly participants: number
  /** Days whose questions came late (EMD-2.10). */
  readonly lateQuestions: number
  /** Steps done late, over every day. */
  readonly lateSteps: number
  /** Steps overdue at the time asked, over every day. */
  readonly overdueSteps: number
  /** Days cancelled for the school. */
  readonly cancelled: number
  /** EMD-2.16–2.18: the school's line of the month view (its sheet, growth, plan). */
  readonly sheet?: UnifiedDay.MonthView.Row
}

/** The month's figures. */
export interface Figures {
  readonly weeks: ReadonlyArray<Week>
  readonly schools: ReadonlyArray<SchoolMonth>
  readonly sheets: UnifiedDay.MonthView.Summary
}

const inMonth = (date: LocalDate.LocalDate, month: UnifiedDay.YearMonth.YearMonth): boolean =>
  date.startsWith(`${month}-`)

/**
 * EMD-1.2: the days of the month on which the day is held (moves applied, cancelled days
 * left out), from the district's planned years in the weekly view.
 */
export const days = (
  state: UnifiedDay.WeeklyView.State,
  query: Pick<Query, "month" | "districtId">,
): ReadonlyArray<LocalDate.LocalDate> => {
  const dates = new Set<LocalDate.LocalDate>()
  for (const year of Object.values(state.years)) {
    if (year._tag !== "Planned") continue
    if (query.districtId !== undefined && year.districtId !== query.districtId) continue
    for (const d of UnifiedDay.Year.heldDates(year)) if (inMonth(d, query.month)) dates.add(d)
  }
  return [...dates].sort()
}

/** EMD-1.2, 1.3, 2.10, 2.12, 2.16–2.18: the month's figures by week and by school. */
export const figures = (states: States, query: Query): Figures => {
  const weekQuery = {
    now: query.now,
    ...(query.districtId === undefined ? {} : { districtId: query.districtId }),
    ...(query.regulation === undefined ? {} : { regulation: query.regulation }),
  }
  const weeks = days(states.weekly, query).map((day): Week => {
    const lines = WeeklySummary.lines(states.weekly, { ...weekQuery, day })
    const topicId = lines.find((l) => l.topicId !== undefined)?.topicId
    return {
      day,
      ...(topicId === undefined ? {} : { topicId }),
      lines,
      summary: WeeklySummary.summary(lines),
    }
  })
  const sheetRows = UnifiedDay.MonthView.month(states.month, {
    month: query.month,
    now: query.now,
    ...(query.districtId === undefined ? {} : { districtId: query.districtId }),
  })
  const bySchool = new Map<string, { lowResults: boolean; lines: Array<WeeklySummary.Line> }>()
  for (const week of weeks) {
    for (const line of week.lines) {
      const entry = bySchool.get(line.schoolId) ?? { lowResults: line.lowResults, lines: [] }
      entry.lines.push(line)
      bySchool.set(line.schoolId, entry)
    }
  }
  for (const row of sheetRows) {
    if (!bySchool.has(row.schoolId))
      bySchool.set(row.schoolId, { lowResults: row.lowResults, lines: [] })
  }
  const schools = [...bySchool.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([schoolId, { lowResults, lines }]): SchoolMonth => {
      const sheet = sheetRows.find((r) => r.schoolId === schoolId)
      return {
        schoolId: schoolId as Ids.OrganisationId,
        lowResults,
        daysHeld: lines.filter((l) => l.participants !== undefined).length,
        participants: lines.reduce((n, l) => n + WeeklySummary.peopleOf(l), 0),
        lateQuestions: lines.filter((l) => l.late.includes("questions")).length,
        lateSteps: lines.reduce((n, l) => n + l.late.length, 0),
        overdueSteps: lines.reduce((n, l) => n + l.overdue.length, 0),
        cancelled: lines.filter((l) => l.stage === "cancelled").length,
        ...(sheet === undefined ? {} : { sheet }),
      }
    })
  return { weeks, schools, sheets: UnifiedDay.MonthView.summary(sheetRows) }
}

const sum = <A>(xs: ReadonlyArray<A>, f: (a: A) => number): number =>
  xs.reduce((n, x) => n + f(x), 0)

const growthText = (
  growth: UnifiedDay.MonthView.Row["growth"],
  options: Common.Options,
): string | null => {
  if (growth === undefined) return null
  const w = Common.words(options)
  const levels = (["significant", "moderate", "none", "decline"] as const).filter(
    (level) => growth[level] > 0,
  )
  return levels.length === 0
    ? null
    : levels.map((level) => `${w.growth[level]} — ${growth[level]}`).join("; ")
}

/** The charts by school: one bar per school of participants; late and overdue steps. */
const schoolCharts = (
  f: Figures,
  names: ReadonlyArray<string>,
  month: string,
  options: Common.Options,
): ReadonlyArray<ReportDocument.Chart> => {
  const w = Common.words(options)
  return [
    ReportDocument.chart({
      id: "participation",
      title: w.text.monthParticipationChart(month),
      kind: "bar",
      orientation: "horizontal",
      categories: names,
      series: [{ name: w.series.participants, values: f.schools.map((s) => s.participants) }],
      valueAxisTitle: w.series.people,
    }),
    ReportDocument.chart({
      id: "lateness",
      title: w.text.monthLatenessChart(month),
      kind: "bar",
      orientation: "horizontal",
      categories: names,
      series: [
        { name: w.series.lateSteps, values: f.schools.map((s) => s.lateSteps) },
        { name: w.series.overdueSteps, values: f.schools.map((s) => s.overdueSteps) },
      ],
      valueAxisTitle: w.series.steps,
    }),
  ]
}

/**
 * EMD-1.2, 1.3, 2.10, 2.12, 2.16–2.18: the month overview as a document: the month in
 * figures; a table and two charts by school (participants; late and overdue steps); a
 * table and a chart by week; the progress sheets with growth and plans of targeted help.
 * For the department by default.
 */
export const make = (states: States, options: Options): ReportDocument.ReportDocument => {
  const w = Common.words(options)
  const l = w.label
  const month = Common.monthName(options.month, options)
  const f = figures(states, options)
  const names = f.schools.map((s) => Common.schoolName(options, s.schoolId))
  const dayTexts = f.weeks.map((week) => Common.numericDate(week.day, options))
  const filter = options.districtId === undefined ? {} : { districtId: options.districtId }
  const totals = {
    participants: sum(f.schools, (s) => s.participants),
    lateQuestions: sum(f.schools, (s) => s.lateQuestions),
    lateSteps: sum(f.schools, (s) => s.lateSteps),
    overdueSteps: sum(f.schools, (s) => s.overdueSteps),
    daysHeld: sum(f.schools, (s) => s.daysHeld),
  }
  const schoolTable = ReportDocument.table({
    id: "schools",
    title: w.text.monthDaysBySchool,
    columns: [
      Column.integer("n", l.n, { width: 4 }),
      Column.text("school", l.school),
      Column.boolean("lowResults", l.lowResults, { width: 6 }),
      Column.integer("daysHeld", l.daysHeld),
      Column.integer("participants", l.participants),
      Column.integer("lateQuestions", l.lateQuestions),
      Column.integer("lateSteps", l.lateCount),
      Column.integer("overdueSteps", l.overdueCount),
    ] as const,
    rows: f.schools.map((s, i) => ({
      n: i + 1,
      school: names[i] ?? s.schoolId,
      lowResults: s.lowResults,
      daysHeld: s.daysHeld,
      participants: s.participants,
      lateQuestions: s.lateQuestions,
      lateSteps: s.lateSteps,
      overdueSteps: s.overdueSteps,
    })),
    footer: [{ school: l.total, ...totals }],
  })
  const weekTable = ReportDocument.table({
    id: "weeks",
    title: w.text.monthDaysByWeek,
    columns: [
      Column.date("day", l.day),
      Column.text("topic", l.topic),
      Column.integer("schoolsHeld", l.schoolsHeld),
      Column.integer("participants", l.participants),
      Column.integer("lateQuestions", l.lateQuestions),
      Column.integer("schoolsLate", l.schoolsLate),
      Column.integer("schoolsOverdue", l.schoolsOverdue),
    ] as const,
    rows: f.weeks.map((week) => ({
      day: ReportDate.fromCore(week.day),
      topic:
        WeeklySummary.topicTitle(states.weekly, week.topicId, { ...filter, date: week.day }) ??
        null,
      schoolsHeld: week.summary.held,
      participants: week.summary.participants,
      lateQuestions: week.summary.lateQuestions,
      schoolsLate: week.summary.late,
      schoolsOverdue: week.summary.overdue,
    })),
    footer: [
      {
        topic: l.total,
        schoolsHeld: sum(f.weeks, (x) => x.summary.held),
        participants: sum(f.weeks, (x) => x.summary.participants),
        lateQuestions: sum(f.weeks, (x) => x.summary.lateQuestions),
      },
    ],
  })
  const sheetTable = ReportDocument.table({
    id: "sheets",
    title: w.text.monthSheets,
    columns: [
      Column.integer("n", l.n, { width: 4 }),
      Column.text("school", l.school),
      Column.text("status", l.sheetStatus),
      Column.date("due", l.sheetDue),
      Column.date("submitted", l.submittedOn),
      Column.text("growth", l.growth),
      Column.integer("deficits", l.deficits),
      Column.text("helpPlan", l.helpPlan),
    ] as const,
    rows: f.schools.map((s, i) => ({
      n: i + 1,
      school: names[i] ?? s.schoolId,
      status: s.sheet === undefined ? null : w.sheetStatuses[s.sheet.status],
      due: s.sheet?.due === undefined ? null : ReportDate.fromCore(s.sheet.due.date),
      submitted:
        s.sheet?.submittedAt === undefined
          ? null
          : Common.localDate(s.sheet.submittedAt, options.timeZone),
      growth: growthText(s.sheet?.growth, options),
      deficits: s.sheet?.deficits ?? null,
      helpPlan: s.sheet === undefined ? null : w.planStatuses[s.sheet.helpPlan],
    })),
  })
  return ReportDocument.make({
    ...Common.heading(options, {
      name: Common.fileStem("emd-month", options.month),
      kind: Common.locale(options) === "en" ? "REPORT" : "СПРАВКА",
      title: w.text.monthTitle(month),
      audience: "department",
    }),
    sections: [
      ReportDocument.section(w.text.monthDays, [
        ReportDocument.keyValues([
          ReportDocument.item(l.period, month),
          ReportDocument.item(l.days, dayTexts.length === 0 ? null : dayTexts.join(", ")),
          ReportDocument.item(l.schools, f.schools.length),
          ReportDocument.item(l.daysHeld, totals.daysHeld),
          ReportDocument.item(l.participants, totals.participants),
          ReportDocument.item(l.lateQuestions, totals.lateQuestions),
          ReportDocument.item(l.overdueCount, totals.overdueSteps),
          ReportDocument.item(l.submitted, f.sheets.submitted),
          ReportDocument.item(l.sheetsLate, f.sheets.late),
          ReportDocument.item(l.missing, f.sheets.overdue),
          ReportDocument.item(l.assessed, f.sheets.assessed),
          ReportDocument.item(l.agreedPlans, f.sheets.agreedPlans),
        ]),
      ]),
      ReportDocument.section(w.text.monthDaysBySchool, [
        schoolTable,
        ...(names.length === 0 ? [] : schoolCharts(f, names, month, options)),
      ]),
      ReportDocument.section(w.text.monthDaysByWeek, [
        weekTable,
        ...(f.weeks.length === 0
          ? []
          : [
              ReportDocument.chart({
                id: "weeks",
                title: w.text.monthWeeksChart(month),
                kind: "bar",
                categories: dayTexts,
                series: [
                  { name: w.series.schoolsHeld, values: f.weeks.map((x) => x.summary.held) },
                  { name: w.series.schoolsLate, values: f.weeks.map((x) => x.summary.late) },
                  { name: w.series.schoolsOverdue, values: f.weeks.map((x) => x.summary.overdue) },
                ],
              }),
            ]),
      ]),
      ReportDocument.section(w.text.monthSheets, [sheetTable]),
    ],
  })
}
