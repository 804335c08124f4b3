/**
 * One school's weekly cycle of the unified methodical day for the day T, as a decider
 * (EMD-2.7–2.13, with EMD-1.3, 1.4 and 2.1): materials issued by the coordinator on
 * Wednesday T−8, the form chosen by the leader or the responsible person before the
 * day, the Friday T−6 videoconference, questions by Monday T−3 11:00 local time
 * (accepted later but marked late), the day held on T, its decision sent to the
 * coordinator, and the decision items controlled by the responsible person. The day may
 * be cancelled or moved before it is held. The week's preparation (EMD-2.11) has no step of
 * its own: it is the time between the questions and the day.
 *
 * Every command is checked against {@link permissions} for the cycle's school. Lateness
 * is decided from `context.now` against the dues fixed when the cycle opened.
 *
 * Stream: `emd-cycle:<school>:<T>` ({@link streamId}).
 *
 * @module
 */
import { DateTime, Result } from "effect"
import { authorize, type Forbidden, type PermissionTable } from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import * as ProductionCalendar from "../calendar/ProductionCalendar.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import { type OrganisationId, StreamId } from "../Ids.ts"
import {
  type Cancelled,
  type ControlDecisionItem,
  type ControlledItem,
  CycleAlreadyOpened,
  CycleCancelled,
  CycleCommand,
  CycleEvent,
  CycleNotOpened,
  CycleOpened,
  type CycleState,
  DayAlreadyHeld,
  DayCancelled,
  type DayForm,
  DayHeld,
  DayRescheduled,
  type DecisionItem,
  DecisionItemClosed,
  DecisionItemControlled,
  DecisionSent,
  FormChosen,
  MaterialsIssued,
  type Open,
  type OpenCycle,
  PrerequisiteMissing,
  QuestionsSubmitted,
  type RescheduleDay,
  type SendDecision,
  StepAlreadyDone,
  StepClosed,
  StepNotOpenYet,
  UnknownDecisionItem,
  VideoconferenceRecorded,
} from "./CycleMessages.ts"
import * as Dues from "./Dues.ts"
import { InvalidCommand, NotAWorkingDay } from "./Errors.ts"
import { calendarOf, type EmdRegulation, zoneOf } from "./Regulation.ts"

export * from "./CycleMessages.ts"

/** The stream type of weekly cycles. */
export const streamType = "emd-cycle"

/** The stream of `school`'s cycle for the day planned on `date`: `emd-cycle:<school>:<date>`. */
export const streamId = (school: OrganisationId, date: LocalDate.LocalDate): StreamId =>
  StreamId.make(`${streamType}:${school}:${date}`)

/** Every refusal of the cycle's decider. */
export type CycleError =
  | Forbidden
  | CycleNotOpened
  | CycleAlreadyOpened
  | CycleCancelled
  | StepAlreadyDone
  | PrerequisiteMissing
  | StepNotOpenYet
  | StepClosed
  | DayAlreadyHeld
  | UnknownDecisionItem
  | DecisionItemClosed
  | InvalidCommand
  | NotAWorkingDay
  | Dues.DueDatesUnavailable

/** The decision context of the cycle: the instant, the actor, the EMD regulation. */
export type Context = DecisionContext<EmdRegulation>

/**
 * Who may issue each command, scoped to the cycle's school (EMD-1.5: the responsible
 * person, `day-responsible`, is appointed by the leader's order; EMD-2.13: only they
 * control the decision items).
 */
export const permissions: PermissionTable<CycleCommand["_tag"]> = {
  OpenCycle: ["municipal-coordinator", "system"],
  IssueMaterials: ["municipal-coordinator"],
  ChooseForm: ["school-leader", "day-responsible"],
  RecordVideoconference: ["municipal-coordinator"],
  SubmitQuestions: ["school-leader", "day-responsible"],
  HoldDay: ["school-leader", "day-responsible"],
  SendDecision: ["school-leader", "day-responsible"],
  ControlDecisionItem: ["day-responsible"],
  CancelDay: ["municipal-coordinator", "department-specialist", "school-leader"],
  RescheduleDay: ["municipal-coordinator", "department-specialist"],
}

/** The state of a cycle that has no events. */
export const initialState: CycleState = { _tag: "NotOpened" }

type Decision = Result.Result<ReadonlyArray<CycleEvent>, CycleError>

const ok = (...events: ReadonlyArray<CycleEvent>): Decision => Result.succeed(events)
const fail = (error: CycleError): Decision => Result.fail(error)

const iso = (at: DateTime.Utc): string => DateTime.formatIso(at)

const workingDay = (
  date: LocalDate.LocalDate,
  regulation: EmdRegulation,
): Result.Result<void, NotAWorkingDay | Dues.DueDatesUnavailable> => {
  const info = ProductionCalendar.dayInfo(calendarOf(regulation), date)
  if (Result.isFailure(info)) {
    return Result.fail(new Dues.DueDatesUnavailable({ date, reason: info.failure.message }))
  }
  return info.success.working
    ? Result.void
    : Result.fail(new NotAWorkingDay({ date, detail: info.success.name ?? info.success.kind }))
}

const open = (command: OpenCycle, context: Context): Decision => {
  const day = workingDay(command.date, context.regulation)
  if (Result.isFailure(day)) return fail(day.failure)
  const dues = Dues.cycleDues(command.date, context.regulation)
  if (Result.isFailure(dues)) return fail(dues.failure)
  return ok(
    new CycleOpened({
      schoolId: command.schoolId,
      date: command.date,
      lowResults: command.lowResults,
      ...(command.topicId === undefined ? {} : { topicId: command.topicId }),
      dues: dues.success,
      at: context.now,
    }),
  )
}

const decideOpen = (command: CycleCommand, s: Open, context: Context): Decision => {
  const { now, actor } = context
  const before = (at: DateTime.Utc) => DateTime.isLessThan(now, at)
  const needMaterials = (): Decision | undefined =>
    s.materials === undefined
      ? fail(new PrerequisiteMissing({ command: command._tag, missing: "materials" }))
      : undefined
  switch (command._tag) {
    case "OpenCycle":
      return fail(new CycleAlreadyOpened({ schoolId: s.schoolId, date: s.plannedDate }))
    case "IssueMaterials":
      if (s.materials !== undefined) return fail(new StepAlreadyDone({ step: "materials" }))
      return ok(
        new MaterialsIssued({
          seminars: command.seminars,
          questions: command.questions,
          at: now,
          late: Dues.isLate(now, s.dues.materials),
        }),
      )
    case "ChooseForm": {
      const missing = needMaterials()
      if (missing !== undefined) return missing
      if (!before(s.dues.form.at)) {
        return fail(new StepClosed({ step: "form", closedAt: iso(s.dues.form.at) }))
      }
      if (s.form !== undefined && sameForm(s.form.form, command.form)) return ok()
      return ok(new FormChosen({ form: command.form, by: actor.personId, at: now }))
    }
    case "RecordVideoconference": {
      const missing = needMaterials()
      if (missing !== undefined) return missing
      if (s.videoconference !== undefined) {
        return fail(new StepAlreadyDone({ step: "videoconference" }))
      }
      return ok(new VideoconferenceRecorded({ attendees: command.attendees, at: now }))
    }
    case "SubmitQuestions": {
      const missing = needMaterials()
      if (missing !== undefined) return missing
      if (s.questions !== undefined) return fail(new StepAlreadyDone({ step: "questions" }))
      return ok(
        new QuestionsSubmitted({
          questions: command.questions,
          by: actor.personId,
          at: now,
          late: Dues.isLate(now, s.dues.questions),
        }),
      )
    }
    case "HoldDay": {
      const missing = needMaterials()
      if (missing !== undefined) return missing
      if (s.day !== undefined) return fail(new StepAlreadyDone({ step: "day" }))
      if (before(s.dues.form.at)) {
        return fail(new StepNotOpenYet({ step: "day", opensAt: iso(s.dues.form.at) }))
      }
      return ok(
        new DayHeld({
          form: command.form,
          participants: command.participants,
          by: actor.personId,
          at: now,
        }),
      )
    }
    case "SendDecision":
      return sendDecision(command, s, context)
    case "ControlDecisionItem":
      return control(command, s, context)
    case "CancelDay":
      if (s.day !== undefined) {
        return fail(new DayAlreadyHeld({ command: command._tag, date: s.date }))
      }
      return ok(
        new DayCancelled({
          reason: command.reason,
          ...(command.note === undefined ? {} : { note: command.note }),
          by: actor.personId,
          at: now,
        }),
      )
    case "RescheduleDay":
      return reschedule(command, s, context)
  }
}

const sameForm = (a: DayForm, b: DayForm): boolean => a.kind === b.kind && a.title === b.title

const sendDecision = (command: SendDecision, s: Open, context: Context): Decision => {
  if (s.day === undefined) {
    return fail(new PrerequisiteMissing({ command: command._tag, missing: "day" }))
  }
  if (s.decision !== undefined) return fail(new StepAlreadyDone({ step: "decision" }))
  const ids = new Set<string>()
  const items: Array<DecisionItem> = []
  for (const item of command.items) {
    if (ids.has(item.itemId)) {
      return fail(
        new InvalidCommand({ command: command._tag, reason: `item ${item.itemId} appears twice` }),
      )
    }
    ids.add(item.itemId)
    if (item.dueDate < s.date) {
      return fail(
        new InvalidCommand({
          command: command._tag,
          reason: `item ${item.itemId} is due ${item.dueDate}, before the day ${s.date}`,
        }),
      )
    }
    const due = Dues.endOfWorkingDay(item.dueDate, context.regulation)
    if (Result.isFailure(due)) return fail(due.failure)
    items.push({ ...item, due: due.success })
  }
  return ok(
    new DecisionSent({
      summary: command.summary,
      items,
      deficits: command.deficits,
      by: context.actor.personId,
      at: context.now,
      late: Dues.isLate(context.now, s.dues.decision),
    }),
  )
}

const control = (command: ControlDecisionItem, s: Open, context: Context): Decision => {
  if (s.decision === undefined) {
    return fail(new PrerequisiteMissing({ command: command._tag, missing: "decision" }))
  }
  const item = s.decision.items.find((i) => i.itemId === command.itemId)
  if (item === undefined) {
    return fail(
      new UnknownDecisionItem({
        itemId: command.itemId,
        known: s.decision.items.map((i) => i.itemId),
      }),
    )
  }
  if (item.status === "done" || item.status === "not-done") {
    return fail(new DecisionItemClosed({ itemId: item.itemId, status: item.status }))
  }
  if (item.status === command.status && command.note === undefined) return ok()
  return ok(
    new DecisionItemControlled({
      itemId: command.itemId,
      status: command.status,
      ...(command.note === undefined ? {} : { note: command.note }),
      by: context.actor.personId,
      at: context.now,
      late: command.status === "done" && Dues.isLate(context.now, item.due),
    }),
  )
}

const reschedule = (command: RescheduleDay, s: Open, context: Context): Decision => {
  if (s.day !== undefined) {
    return fail(new DayAlreadyHeld({ command: command._tag, date: s.date }))
  }
  if (command.to === s.date) {
    return fail(
      new InvalidCommand({ command: command._tag, reason: `the day is already on ${s.date}` }),
    )
  }
  const today = localToday(context)
  if (command.to < today) {
    return fail(
      new InvalidCommand({
        command: command._tag,
        reason: `the new date ${command.to} has already passed (today is ${today})`,
      }),
    )
  }
  const day = workingDay(command.to, context.regulation)
  if (Result.isFailure(day)) return fail(day.failure)
  const dues = Dues.cycleDues(command.to, context.regulation)
  if (Result.isFailure(dues)) return fail(dues.failure)
  return ok(
    new DayRescheduled({
      from: s.date,
      to: command.to,
      reason: command.reason,
      ...(command.note === undefined ? {} : { note: command.note }),
      dues: dues.success,
      by: context.actor.personId,
      at: context.now,
    }),
  )
}

const localToday = (context: Context): LocalDate.LocalDate => {
  const p = DateTime.toParts(DateTime.setZone(context.now, zoneOf(context.regulation)))
  return LocalDate.makeUnsafe(p.year, p.month, p.day)
}

/**
 * Decides a command of the weekly cycle: the events to record or a typed refusal.
 * Authorisation comes first, scoped to the cycle's school.
 */
export const decide = (command: CycleCommand, state: CycleState, context: Context): Decision => {
  if (state._tag === "NotOpened") {
    if (command._tag !== "OpenCycle") return fail(new CycleNotOpened({ command: command._tag }))
    const auth = authorize(permissions, command, context.actor, command.schoolId)
    if (Result.isFailure(auth)) return fail(auth.failure)
    return open(command, context)
  }
  const auth = authorize(permissions, command, context.actor, state.schoolId)
  if (Result.isFailure(auth)) return fail(auth.failure)
  if (state._tag === "Cancelled") {
    if (command._tag === "OpenCycle") {
      return fail(new CycleAlreadyOpened({ schoolId: state.schoolId, date: state.plannedDate }))
    }
    return fail(new CycleCancelled({ command: command._tag, reason: state.cancellation.reason }))
  }
  return decideOpen(command, state, context)
}

const controlled = (items: ReadonlyArray<ControlledItem>, e: DecisionItemControlled) =>
  items.map(
    (i): ControlledItem =>
      i.itemId === e.itemId
        ? { ...i, status: e.status, controlledAt: e.at, doneLate: i.doneLate || e.late }
        : i,
  )

const evolveOpen = (s: Open, event: CycleEvent): CycleState =>
  CycleEvent.match(event, {
    CycleOpened: (): CycleState => s,
    MaterialsIssued: (e): CycleState => ({
      ...s,
      materials: { at: e.at, late: e.late, seminars: e.seminars, questions: e.questions },
    }),
    FormChosen: (e): CycleState => ({ ...s, form: { form: e.form, by: e.by, at: e.at } }),
    VideoconferenceRecorded: (e): CycleState => ({
      ...s,
      videoconference: { attendees: e.attendees, at: e.at },
    }),
    QuestionsSubmitted: (e): CycleState => ({
      ...s,
      questions: { at: e.at, late: e.late, questions: e.questions, by: e.by },
    }),
    DayHeld: (e): CycleState => ({
      ...s,
      day: { form: e.form, participants: e.participants, by: e.by, at: e.at },
    }),
    DecisionSent: (e): CycleState => ({
      ...s,
      decision: {
        at: e.at,
        late: e.late,
        summary: e.summary,
        items: e.items.map((i): ControlledItem => ({ ...i, status: "open", doneLate: false })),
        deficits: e.deficits,
        by: e.by,
      },
    }),
    DecisionItemControlled: (e): CycleState =>
      s.decision === undefined
        ? s
        : { ...s, decision: { ...s.decision, items: controlled(s.decision.items, e) } },
    DayCancelled: (e): CycleState => {
      const cancelled: Cancelled = {
        ...s,
        _tag: "Cancelled",
        cancellation: {
          reason: e.reason,
          ...(e.note === undefined ? {} : { note: e.note }),
          by: e.by,
          at: e.at,
        },
      }
      return cancelled
    },
    DayRescheduled: (e): CycleState => ({
      ...s,
      date: e.to,
      dues: e.dues,
      reschedules: [...s.reschedules, { from: e.from, to: e.to, reason: e.reason }],
    }),
  })

/** Applies one event of the weekly cycle to its state; total. */
export const evolve = (state: CycleState, event: CycleEvent): CycleState => {
  if (state._tag === "NotOpened") {
    if (event._tag !== "CycleOpened") return state
    return {
      _tag: "Open",
      schoolId: event.schoolId,
      date: event.date,
      plannedDate: event.date,
      lowResults: event.lowResults,
      ...(event.topicId === undefined ? {} : { topicId: event.topicId }),
      dues: event.dues,
      reschedules: [],
    }
  }
  if (state._tag === "Cancelled") return state
  return evolveOpen(state, event)
}

/** The weekly cycle as a definition the engine runs. */
export const definition: Definition<CycleCommand, CycleEvent, CycleState, CycleError, Context> = {
  streamType,
  eventSchema: CycleEvent,
  initialState,
  decide,
  evolve,
}

/** Re-exported for callers that build a cycle's commands from untrusted input. */
export const commandSchema = CycleCommand
