/**
 * The year's figures, read from the read models of the unified day (`WeeklyView`,
 * `MonthView`, `PracticeBank`, `DeficitLog`) folded over the store's log: what the
 * summary prints, what the reports show, and what the end-to-end test compares between
 * SQLite and PostgreSQL.
 *
 * @module
 */
import { EventStore, type LocalDate, UnifiedDay } from "@metodika/core"
import { type DateTime, Effect } from "effect"
import type * as District from "./District.ts"

const { WeeklyView, MonthView, PracticeBank, DeficitLog, Projection } = UnifiedDay

/** The four read models' states after the whole log. */
export interface ReadModels {
  readonly weekly: UnifiedDay.WeeklyView.State
  readonly monthly: UnifiedDay.MonthView.State
  readonly bank: UnifiedDay.PracticeBank.State
  readonly deficits: UnifiedDay.DeficitLog.State
  /** Events in the log. */
  readonly events: number
}

/**
 * Reads the whole log once, in pages, and folds the four read models over it.
 */
export const readModels: Effect.Effect<ReadModels, EventStore.StoreError, EventStore.EventStore> =
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    const all: Array<EventStore.StoredEvent> = []
    for (;;) {
      const page = yield* store.readAll({
        after: all.length === 0 ? 0 : (all[all.length - 1] as EventStore.StoredEvent).position,
        limit: 5000,
      })
      all.push(...page)
      if (page.length < 5000) break
    }
    return {
      weekly: Projection.rebuild(WeeklyView.readModel, all),
      monthly: Projection.rebuild(MonthView.readModel, all),
      bank: Projection.rebuild(PracticeBank.readModel, all),
      deficits: Projection.rebuild(DeficitLog.readModel, all),
      events: all.length,
    }
  })

/** One school's figures for the year. */
export interface SchoolFigures {
  readonly schoolId: string
  readonly name: string
  readonly lowResults: boolean
  readonly curator: string | null
  readonly days: number
  readonly held: number
  readonly cancelled: number
  readonly questionsOnTime: number
  readonly questionsLate: number
  readonly questionsMissing: number
  readonly decisionsLate: number
  readonly sheetsSubmitted: number
  readonly sheetsLate: number
  readonly sheetsMissing: number
  readonly practicesAccepted: number
}

/** One month's figures. */
export interface MonthFigures {
  readonly month: string
  readonly days: number
  readonly held: number
  readonly questionsOnTime: number
  readonly questionsLate: number
  readonly questionsMissing: number
  readonly sheetsSubmitted: number
  readonly sheetsLate: number
  readonly sheetsOverdue: number
  readonly assessed: number
  readonly agreedPlans: number
}

/** The year's figures. */
export interface Figures {
  readonly events: number
  readonly days: number
  readonly cycles: number
  readonly held: number
  readonly cancelled: number
  readonly materialsLate: number
  readonly questionsOnTime: number
  readonly questionsLate: number
  readonly questionsMissing: number
  /** EMD-1.3: missing steps of low-results schools. */
  readonly flagged: number
  readonly decisionsLate: number
  readonly decisionItems: number
  readonly decisionItemsDone: number
  readonly sheetsSubmitted: number
  readonly sheetsLate: number
  readonly sheetsOverdue: number
  readonly growthAssessed: number
  readonly helpPlansAgreed: number
  readonly practicesChosen: number
  readonly practicesAccepted: number
  readonly practicesPending: number
  readonly deficits: number
  /** Steps done late: materials, questions, decisions and sheets. */
  readonly lateSteps: number
  readonly months: ReadonlyArray<MonthFigures>
  readonly schools: ReadonlyArray<SchoolFigures>
}

/** The figures of the run, asked at `now` (the end of the simulated span). */
export const compute = (
  models: ReadModels,
  district: District.District,
  dates: ReadonlyArray<LocalDate.LocalDate>,
  months: ReadonlyArray<UnifiedDay.YearMonth.YearMonth>,
  curators: ReadonlyMap<string, string>,
  now: DateTime.Utc,
): Figures => {
  const districtId = district.district.id
  const rows = dates.flatMap((date) =>
    WeeklyView.week(models.weekly, { date, now, districtId, regulation: district.settings }),
  )
  const monthRows = months.map((month) => ({
    month,
    rows: MonthView.month(models.monthly, { month, now, districtId }),
  }))
  const bank = PracticeBank.bank(models.bank)
  const count = <A>(xs: ReadonlyArray<A>, p: (x: A) => boolean) => xs.filter(p).length
  const questionsMissing = (r: UnifiedDay.WeeklyView.Row) =>
    r.stage !== "cancelled" && (r.steps.questions === "overdue" || r.steps.questions === "pending")
  const schools = district.schools.map((s): SchoolFigures => {
    const mine = rows.filter((r) => r.schoolId === s.id)
    const sheets = monthRows.flatMap((m) => m.rows.filter((r) => r.schoolId === s.id))
    return {
      schoolId: s.id,
      name: s.name,
      lowResults: s.lowResults,
      curator: curators.get(s.id) ?? null,
      days: mine.length,
      held: count(mine, (r) => r.steps.day === "done"),
      cancelled: count(mine, (r) => r.stage === "cancelled"),
      questionsOnTime: count(mine, (r) => r.steps.questions === "done"),
      questionsLate: count(mine, (r) => r.steps.questions === "done-late"),
      questionsMissing: count(mine, questionsMissing),
      decisionsLate: count(mine, (r) => r.steps.decision === "done-late"),
      sheetsSubmitted: count(
        sheets,
        (r) => r.status === "submitted" || r.status === "submitted-late",
      ),
      sheetsLate: count(sheets, (r) => r.status === "submitted-late"),
      sheetsMissing: count(sheets, (r) => r.status === "overdue"),
      practicesAccepted: count(bank, (e) => e.schoolId === s.id),
    }
  })
  const monthFigures = monthsOf(dates, months).map((month): MonthFigures => {
    const mine = rows.filter((r) => r.date.startsWith(month))
    const sheetRows = monthRows.find((m) => m.month === month)?.rows ?? []
    const s = MonthView.summary(sheetRows)
    return {
      month,
      days: new Set(mine.map((r) => r.date)).size,
      held: count(mine, (r) => r.steps.day === "done"),
      questionsOnTime: count(mine, (r) => r.steps.questions === "done"),
      questionsLate: count(mine, (r) => r.steps.questions === "done-late"),
      questionsMissing: count(mine, questionsMissing),
      sheetsSubmitted: s.submitted,
      sheetsLate: s.late,
      sheetsOverdue: s.overdue,
      assessed: s.assessed,
      agreedPlans: s.agreedPlans,
    }
  })
  const allSheets = monthRows.flatMap((m) => m.rows)
  const choices = PracticeBank.choices(models.bank)
  const figures = {
    events: models.events,
    days: dates.length,
    cycles: rows.length,
    held: count(rows, (r) => r.steps.day === "done"),
    cancelled: count(rows, (r) => r.stage === "cancelled"),
    materialsLate: count(rows, (r) => r.steps.materials === "done-late"),
    questionsOnTime: count(rows, (r) => r.steps.questions === "done"),
    questionsLate: count(rows, (r) => r.steps.questions === "done-late"),
    questionsMissing: count(rows, questionsMissing),
    flagged: count(rows, (r) => r.flagged.length > 0),
    decisionsLate: count(rows, (r) => r.steps.decision === "done-late"),
    decisionItems: rows.reduce((n, r) => n + r.items.total, 0),
    decisionItemsDone: rows.reduce((n, r) => n + r.items.done, 0),
    sheetsSubmitted: count(
      allSheets,
      (r) => r.status === "submitted" || r.status === "submitted-late",
    ),
    sheetsLate: count(allSheets, (r) => r.status === "submitted-late"),
    sheetsOverdue: count(allSheets, (r) => r.status === "overdue"),
    growthAssessed: count(allSheets, (r) => r.growth !== undefined),
    helpPlansAgreed: count(allSheets, (r) => r.helpPlan === "agreed"),
    practicesChosen: choices.length,
    practicesAccepted: bank.length,
    practicesPending: PracticeBank.pending(models.bank).length,
    deficits: models.deficits.deficits.length,
    months: monthFigures,
    schools,
  }
  return {
    ...figures,
    lateSteps:
      figures.materialsLate + figures.questionsLate + figures.decisionsLate + figures.sheetsLate,
  }
}

const monthsOf = (
  dates: ReadonlyArray<LocalDate.LocalDate>,
  months: ReadonlyArray<UnifiedDay.YearMonth.YearMonth>,
): ReadonlyArray<string> => [...new Set([...dates.map((d) => d.slice(0, 7)), ...months])].sort()
