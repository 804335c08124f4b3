/**
 * The coordinator's weekly view (EMD-2.7–2.13, EMD-1.3): for a day T, which school is at
 * which step of its cycle, what is overdue, what was done late, and which missing steps
 * of low-results schools are flagged (their participation is mandatory). The state is a
 * pure fold over the event log (years and cycles); "overdue" depends on the time asked,
 * so the view is a function of the state and `now`.
 *
 * @module
 */
import { DateTime, Result, Schema } from "effect"
import type * as LocalDate from "../calendar/LocalDate.ts"
import * as SchoolYear from "../calendar/SchoolYear.ts"
import type { StoredEvent } from "../EventStore.ts"
import type { DistrictId, OrganisationId, StreamId, TopicId } from "../Ids.ts"
import * as Cycle from "./Cycle.ts"
import * as Dues from "./Dues.ts"
import * as Projection from "./Projection.ts"
import type { EmdRegulation } from "./Regulation.ts"
import * as Year from "./Year.ts"

/** The read model's state: every year and every cycle, folded from the log. */
export const State = Schema.Struct({
  position: Schema.Number,
  skipped: Schema.Array(Projection.Skipped),
  /** Districts' years by stream id. */
  years: Schema.Record(Schema.String, Year.YearState),
  /** Cycles by the date they were opened for, then by stream id. */
  cycles: Schema.Record(Schema.String, Schema.Record(Schema.String, Cycle.CycleState)),
  /** The date each cycle stream was opened for. */
  opened: Schema.Record(Schema.String, Schema.String),
})
/** @see State */
export type State = typeof State.Type

/** The state before any event. */
export const initialState: State = { position: 0, skipped: [], years: {}, cycles: {}, opened: {} }

const apply = (state: State, e: Projection.EmdEvent): State => {
  if (e.kind === "year") {
    const before = state.years[e.streamId] ?? Year.initialState
    return { ...state, years: { ...state.years, [e.streamId]: Year.evolve(before, e.event) } }
  }
  if (e.kind !== "cycle") return state
  const opened =
    state.opened[e.streamId] ?? (e.event._tag === "CycleOpened" ? e.event.date : undefined)
  if (opened === undefined) return state
  const group = state.cycles[opened] ?? {}
  const next = Cycle.evolve(group[e.streamId] ?? Cycle.initialState, e.event)
  return {
    ...state,
    cycles: { ...state.cycles, [opened]: { ...group, [e.streamId]: next } },
    opened:
      state.opened[e.streamId] === undefined
        ? { ...state.opened, [e.streamId]: opened }
        : state.opened,
  }
}

/** Folds one stored event into the weekly view's state. */
export const project: (state: State, stored: StoredEvent) => State = Projection.projector(apply)

/** The weekly view as a read model. */
export const readModel: Projection.ReadModel<State> = {
  name: "emd-weekly-view",
  initialState,
  project,
  stateSchema: State,
}

/**
 * Where a step stands at the time asked: done (on time or late), still pending, overdue
 * (its due instant passed without it), or cancelled with the day.
 */
export type StepStatus = "done" | "done-late" | "pending" | "overdue" | "cancelled"

/**
 * The step a school is at: the earliest step not done yet, `control` while decision items
 * are open (EMD-2.13), `complete` when everything is closed.
 */
export type Stage = Dues.CycleStep | "control" | "complete" | "cancelled" | "not-opened"

/** One school's line of the weekly view. */
export interface Row {
  readonly schoolId: OrganisationId
  /** The cycle's stream; absent when the cycle has not been opened. */
  readonly streamId?: StreamId
  readonly lowResults: boolean
  /** The date the day is held on (after any move). */
  readonly date: LocalDate.LocalDate
  readonly topicId?: TopicId
  readonly stage: Stage
  readonly steps: { readonly [K in Dues.CycleStep]: StepStatus }
  /** Steps whose due instant has passed without them. */
  readonly overdue: ReadonlyArray<Dues.CycleStep>
  /** Steps done after their due instant (EMD-2.7 materials, EMD-2.10 questions, EMD-2.12 decision). */
  readonly late: ReadonlyArray<Dues.CycleStep>
  /** EMD-1.3: overdue steps of a low-results school, whose participation is mandatory. */
  readonly flagged: ReadonlyArray<Dues.CycleStep>
  /** EMD-2.13: the decision items and how many are done or overdue. */
  readonly items: { readonly total: number; readonly done: number; readonly overdue: number }
  /** Why the day was cancelled, when it was. */
  readonly cancelled?: Cycle.CancelReason
}

const stepDone = (
  s: Cycle.Open | Cycle.Cancelled,
  step: Dues.CycleStep,
): { readonly late: boolean } | undefined => {
  switch (step) {
    case "materials":
      return s.materials
    case "form":
      return s.form === undefined ? undefined : { late: false }
    case "videoconference":
      return s.videoconference === undefined ? undefined : { late: false }
    case "questions":
      return s.questions
    case "day":
      return s.day === undefined ? undefined : { late: false }
    case "decision":
      return s.decision
  }
}

/** EMD-2.7–2.13, EMD-1.3: one cycle's line of the view at `now`. */
export const row = (
  s: Cycle.Open | Cycle.Cancelled,
  now: DateTime.Utc,
  streamId?: StreamId,
): Row => {
  const cancelled = s._tag === "Cancelled"
  const steps = {} as { [K in Dues.CycleStep]: StepStatus }
  for (const step of Dues.cycleSteps) {
    const done = stepDone(s, step)
    steps[step] =
      done !== undefined
        ? done.late
          ? "done-late"
          : "done"
        : cancelled
          ? "cancelled"
          : DateTime.isGreaterThan(now, s.dues[step].at)
            ? "overdue"
            : "pending"
  }
  const overdue = Dues.cycleSteps.filter((step) => steps[step] === "overdue")
  const items = s.decision?.items ?? []
  const openItems = items.filter((i) => i.status === "open" || i.status === "in-progress")
  const firstOpen = Dues.cycleSteps.find((step) => stepDone(s, step) === undefined)
  const stage: Stage = cancelled
    ? "cancelled"
    : firstOpen !== undefined
      ? firstOpen
      : openItems.length > 0
        ? "control"
        : "complete"
  return {
    schoolId: s.schoolId,
    ...(streamId === undefined ? {} : { streamId }),
    lowResults: s.lowResults,
    date: s.date,
    ...(s.topicId === undefined ? {} : { topicId: s.topicId }),
    stage,
    steps,
    overdue,
    late: Dues.cycleSteps.filter((step) => steps[step] === "done-late"),
    flagged: s.lowResults ? overdue : [],
    items: {
      total: items.length,
      done: items.filter((i) => i.status === "done").length,
      overdue: openItems.filter((i) => DateTime.isGreaterThan(now, i.due.at)).length,
    },
    ...(s._tag === "Cancelled" ? { cancelled: s.cancellation.reason } : {}),
  }
}

/** Options of {@link week}. */
export interface WeekOptions {
  /** The day T. */
  readonly date: LocalDate.LocalDate
  /** The time the view is asked at: what is overdue depends on it. */
  readonly now: DateTime.Utc
  /** Only the schools of this district's year. */
  readonly districtId?: DistrictId
  /**
   * When given, participating schools whose cycle was not opened get dues computed from
   * it, so their missing steps show as overdue (and flagged for low-results schools).
   */
  readonly regulation?: EmdRegulation
}

/**
 * EMD-2.7–2.13, EMD-1.3: the coordinator's view of the day T: one row per school (the
 * opened cycles, and the participating schools whose cycle was not opened), by school id.
 */
export const week = (state: State, options: WeekOptions): ReadonlyArray<Row> => {
  const { date, now } = options
  const years = Object.values(state.years).filter(
    (y): y is Year.Planned =>
      y._tag === "Planned" &&
      SchoolYear.contains(y.schoolYear, date) &&
      (options.districtId === undefined || y.districtId === options.districtId),
  )
  const inDistrict = new Set(years.flatMap((y) => y.schools.map((p) => p.schoolId)))
  const rows: Array<Row> = []
  const seen = new Set<string>()
  for (const group of Object.values(state.cycles)) {
    for (const [streamId, s] of Object.entries(group)) {
      if (s._tag === "NotOpened" || s.date !== date) continue
      if (options.districtId !== undefined && !inDistrict.has(s.schoolId)) continue
      rows.push(row(s, now, streamId as StreamId))
      seen.add(s.schoolId)
    }
  }
  for (const y of years) {
    const day = y.days.find((d) => d.date === date && d.cancelled === undefined)
    if (day === undefined) continue
    const dues =
      options.regulation === undefined ? undefined : Dues.cycleDues(date, options.regulation)
    for (const p of Year.participants(y)) {
      if (seen.has(p.schoolId)) continue
      seen.add(p.schoolId)
      rows.push(notOpened(p, date, now, day.topicId, dues))
    }
  }
  return rows.sort((a, b) => (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0))
}

const notOpened = (
  p: Year.Participant,
  date: LocalDate.LocalDate,
  now: DateTime.Utc,
  topicId: TopicId | undefined,
  dues: Result.Result<Dues.CycleDues, Dues.DueDatesUnavailable> | undefined,
): Row => {
  const steps = {} as { [K in Dues.CycleStep]: StepStatus }
  for (const step of Dues.cycleSteps) {
    steps[step] =
      dues !== undefined &&
      Result.isSuccess(dues) &&
      DateTime.isGreaterThan(now, dues.success[step].at)
        ? "overdue"
        : "pending"
  }
  const overdue = Dues.cycleSteps.filter((step) => steps[step] === "overdue")
  return {
    schoolId: p.schoolId,
    lowResults: p.lowResults,
    date,
    ...(topicId === undefined ? {} : { topicId }),
    stage: "not-opened",
    steps,
    overdue,
    late: [],
    flagged: p.lowResults ? overdue : [],
    items: { total: 0, done: 0, overdue: 0 },
  }
}

/** The counts a coordinator reads first: schools per stage, and how many are behind. */
export interface Summary {
  readonly schools: number
  readonly byStage: { readonly [K in Stage]?: number }
  /** Schools with at least one overdue step. */
  readonly overdue: number
  /** Schools with at least one step done late. */
  readonly late: number
  /** Low-results schools with a flagged missing step (EMD-1.3). */
  readonly flagged: number
}

/** EMD-1.3, 2.7–2.13: the summary of a week's rows. */
export const summary = (rows: ReadonlyArray<Row>): Summary => {
  const byStage: { [K in Stage]?: number } = {}
  for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1
  return {
    schools: rows.length,
    byStage,
    overdue: rows.filter((r) => r.overdue.length > 0).length,
    late: rows.filter((r) => r.late.length > 0).length,
    flagged: rows.filter((r) => r.flagged.length > 0).length,
  }
}

/** Every cycle of the state that is open or cancelled, with its stream, in no particular order. */
export const cycles = (
  state: State,
): ReadonlyArray<{ readonly streamId: StreamId; readonly state: Cycle.Open | Cycle.Cancelled }> =>
  Object.values(state.cycles).flatMap((group) =>
    Object.entries(group).flatMap(([streamId, s]) =>
      s._tag === "NotOpened" ? [] : [{ streamId: streamId as StreamId, state: s }],
    ),
  )
