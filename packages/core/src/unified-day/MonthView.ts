/**
 * The month's view of progress sheets (EMD-2.16) with the growth assessments made from
 * them (EMD-2.18) and the plans of targeted help drawn up for them (EMD-2.17): one row per
 * participating school, saying whether its sheet is in, late, overdue or not due yet. The
 * state is a pure fold over the event log; "overdue" depends on the time asked. The
 * assessments month by month are the monitoring of participants' growth (EMD-2.5).
 *
 * @module
 */
import { DateTime, Schema } from "effect"
import type { StoredEvent } from "../EventStore.ts"
import type { DistrictId, OrganisationId, StreamId } from "../Ids.ts"
import type * as Dues from "./Dues.ts"
import * as HelpPlan from "./HelpPlan.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as Projection from "./Projection.ts"
import * as Year from "./Year.ts"
import type { YearMonth } from "./YearMonth.ts"

/** The read model's state: years, sheets and plans folded from the log. */
export const State = Schema.Struct({
  position: Schema.Number,
  skipped: Schema.Array(Projection.Skipped),
  /** Districts' years by stream id (participants, sheet months and their dues). */
  years: Schema.Record(Schema.String, Year.YearState),
  /** Sheets by month, then by stream id. */
  sheets: Schema.Record(Schema.String, Schema.Record(Schema.String, ProgressSheet.SheetState)),
  /** Plans of targeted help by month, then by stream id. */
  plans: Schema.Record(Schema.String, Schema.Record(Schema.String, HelpPlan.HelpPlanState)),
  /** The month each sheet or plan stream belongs to. */
  months: Schema.Record(Schema.String, Schema.String),
})
/** @see State */
export type State = typeof State.Type

/** The state before any event. */
export const initialState: State = {
  position: 0,
  skipped: [],
  years: {},
  sheets: {},
  plans: {},
  months: {},
}

const monthOf = (state: State, streamId: StreamId, event: { readonly _tag: string }) =>
  state.months[streamId] ??
  ("month" in event && typeof event.month === "string" ? event.month : undefined)

const apply = (state: State, e: Projection.EmdEvent): State => {
  switch (e.kind) {
    case "year": {
      const before = state.years[e.streamId] ?? Year.initialState
      return { ...state, years: { ...state.years, [e.streamId]: Year.evolve(before, e.event) } }
    }
    case "sheet": {
      const month = monthOf(state, e.streamId, e.event)
      if (month === undefined) return state
      const group = state.sheets[month] ?? {}
      const next = ProgressSheet.evolve(group[e.streamId] ?? ProgressSheet.initialState, e.event)
      return {
        ...state,
        sheets: { ...state.sheets, [month]: { ...group, [e.streamId]: next } },
        months: withMonth(state.months, e.streamId, month),
      }
    }
    case "help-plan": {
      const month = monthOf(state, e.streamId, e.event)
      if (month === undefined) return state
      const group = state.plans[month] ?? {}
      const next = HelpPlan.evolve(group[e.streamId] ?? HelpPlan.initialState, e.event)
      return {
        ...state,
        plans: { ...state.plans, [month]: { ...group, [e.streamId]: next } },
        months: withMonth(state.months, e.streamId, month),
      }
    }
    default:
      return state
  }
}

const withMonth = (months: State["months"], streamId: StreamId, month: string) =>
  months[streamId] === month ? months : { ...months, [streamId]: month }

/** Folds one stored event into the month view's state. */
export const project: (state: State, stored: StoredEvent) => State = Projection.projector(apply)

/** The month view as a read model. */
export const readModel: Projection.ReadModel<State> = {
  name: "emd-month-view",
  initialState,
  project,
  stateSchema: State,
}

/** Where a school's sheet for the month stands at the time asked. */
export type SheetStatus = "submitted" | "submitted-late" | "not-due" | "overdue"

/** One school's line of the month view. */
export interface Row {
  readonly schoolId: OrganisationId
  readonly lowResults: boolean
  readonly month: YearMonth
  /** EMD-2.16: when the sheet is (or was) due; absent for a school outside the plan. */
  readonly due?: Dues.Due
  readonly status: SheetStatus
  readonly submittedAt?: DateTime.Utc
  /** EMD-2.18: the growth levels assessed from the sheet, counted; absent until assessed. */
  readonly growth?: { readonly [K in ProgressSheet.GrowthLevel]: number }
  /** EMD-2.17: the plan of targeted help for the school and month. */
  readonly helpPlan: "none" | "draft" | "agreed"
  readonly helpItems: { readonly total: number; readonly done: number; readonly overdue: number }
  /** EMD-2.1: deficits noted in the sheet. */
  readonly deficits: number
}

/** Options of {@link month}. */
export interface MonthOptions {
  readonly month: YearMonth
  /** The time the view is asked at. */
  readonly now: DateTime.Utc
  /** Only the schools of this district's year. */
  readonly districtId?: DistrictId
}

const growthCounts = (s: ProgressSheet.Submitted): Row["growth"] => {
  if (s.assessment === undefined) return undefined
  const counts = { decline: 0, none: 0, moderate: 0, significant: 0 }
  for (const a of s.assessment.assessments) counts[a.level]++
  return counts
}

/**
 * EMD-2.16–2.18: the month's sheets: one row per participating school of the years that
 * plan this month (and any other school that submitted one), by school id.
 */
export const month = (state: State, options: MonthOptions): ReadonlyArray<Row> => {
  const { now } = options
  const sheets = new Map<string, ProgressSheet.Submitted>()
  for (const s of Object.values(state.sheets[options.month] ?? {})) {
    if (s._tag === "Submitted") sheets.set(s.schoolId, s)
  }
  const plans = new Map<string, HelpPlan.Draft | HelpPlan.Agreed>()
  for (const p of Object.values(state.plans[options.month] ?? {})) {
    if (p._tag !== "NotDrafted") plans.set(p.schoolId, p)
  }
  const rows: Array<Row> = []
  const seen = new Set<string>()
  const line = (schoolId: OrganisationId, lowResults: boolean, due: Dues.Due | undefined): Row => {
    const sheet = sheets.get(schoolId)
    const plan = plans.get(schoolId)
    const items = plan?.items ?? []
    const effectiveDue = sheet?.due ?? due
    const status: SheetStatus =
      sheet !== undefined
        ? sheet.late
          ? "submitted-late"
          : "submitted"
        : effectiveDue !== undefined && DateTime.isGreaterThan(now, effectiveDue.at)
          ? "overdue"
          : "not-due"
    const growth = sheet === undefined ? undefined : growthCounts(sheet)
    return {
      schoolId,
      lowResults,
      month: options.month,
      ...(effectiveDue === undefined ? {} : { due: effectiveDue }),
      status,
      ...(sheet === undefined ? {} : { submittedAt: sheet.at }),
      ...(growth === undefined ? {} : { growth }),
      helpPlan: plan === undefined ? "none" : plan._tag === "Draft" ? "draft" : "agreed",
      helpItems: {
        total: items.length,
        done: items.filter((i) => i.done !== undefined).length,
        overdue: items.filter((i) => i.done === undefined && DateTime.isGreaterThan(now, i.due.at))
          .length,
      },
      deficits: sheet?.entries.reduce((n, e) => n + e.deficits.length, 0) ?? 0,
    }
  }
  for (const y of Object.values(state.years)) {
    if (y._tag !== "Planned") continue
    if (options.districtId !== undefined && y.districtId !== options.districtId) continue
    const sheetMonth = y.sheets.find((m) => m.month === options.month)
    if (sheetMonth === undefined) continue
    for (const p of Year.participants(y)) {
      if (seen.has(p.schoolId)) continue
      seen.add(p.schoolId)
      rows.push(line(p.schoolId, p.lowResults, sheetMonth.due))
    }
  }
  if (options.districtId === undefined) {
    for (const [schoolId] of sheets) {
      if (!seen.has(schoolId)) rows.push(line(schoolId as OrganisationId, false, undefined))
    }
  }
  return rows.sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0))
}

/** The month's counts. */
export interface Summary {
  readonly schools: number
  readonly submitted: number
  /** Submitted after the due instant (EMD-2.16: accepted, marked late). */
  readonly late: number
  readonly overdue: number
  /** Sheets with growth assessed (EMD-2.18). */
  readonly assessed: number
  /** Schools with an agreed plan of targeted help (EMD-2.17). */
  readonly agreedPlans: number
}

/** EMD-2.16–2.18: the summary of a month's rows. */
export const summary = (rows: ReadonlyArray<Row>): Summary => ({
  schools: rows.length,
  submitted: rows.filter((r) => r.status === "submitted" || r.status === "submitted-late").length,
  late: rows.filter((r) => r.status === "submitted-late").length,
  overdue: rows.filter((r) => r.status === "overdue").length,
  assessed: rows.filter((r) => r.growth !== undefined).length,
  agreedPlans: rows.filter((r) => r.helpPlan === "agreed").length,
})

/** EMD-2.5, 2.18: one assessment of a person's growth, with the month it was made from. */
export interface GrowthPoint {
  readonly month: YearMonth
  readonly schoolId: OrganisationId
  readonly level: ProgressSheet.GrowthLevel
  readonly comment?: string
}

/**
 * EMD-2.5: the monitoring of one participant's professional growth: every assessment
 * made from the sheets (EMD-2.18), month by month.
 */
export const growthOf = (state: State, personId: string): ReadonlyArray<GrowthPoint> =>
  Object.keys(state.sheets)
    .sort()
    .flatMap((m) =>
      Object.values(state.sheets[m] ?? {}).flatMap((s) =>
        s._tag === "Submitted" && s.assessment !== undefined
          ? s.assessment.assessments
              .filter((a) => a.personId === personId)
              .map(
                (a): GrowthPoint => ({
                  month: s.month,
                  schoolId: s.schoolId,
                  level: a.level,
                  ...(a.comment === undefined ? {} : { comment: a.comment }),
                }),
              )
          : [],
      ),
    )
