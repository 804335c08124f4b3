/**
 * A district's year of unified methodical days as a decider: the schedule of days
 * (EMD-1.2: every configured weekday of the school year, non-working days skipped,
 * vacations too when the regulation says so), topics from the regional institute as
 * video seminars assigned to days (EMD-1.6), days cancelled or moved for the whole
 * district, participating schools (EMD-1.3), responsible persons appointed by the
 * leaders' orders (EMD-1.5) and curators of the low-results schools (EMD-2.3).
 *
 * Stream: `emd-year:<district>:<startYear>` ({@link streamId}).
 *
 * @module
 */
import { Result } from "effect"
import { authorize, type Forbidden, type PermissionTable, type RoleGrant } from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import * as ProductionCalendar from "../calendar/ProductionCalendar.ts"
import * as SchoolYear from "../calendar/SchoolYear.ts"
import * as WeeklySchedule from "../calendar/WeeklySchedule.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import { type DistrictId, type OrganisationId, type PersonId, StreamId } from "../Ids.ts"
import * as CuratorAssignment from "./CuratorAssignment.ts"
import * as Cycle from "./Cycle.ts"
import * as Dues from "./Dues.ts"
import { InvalidCommand, NotAWorkingDay } from "./Errors.ts"
import { calendarOf, type EmdRegulation } from "./Regulation.ts"
import {
  type Appointment,
  type AppointResponsible,
  type AssignCurators,
  type AssignTopic,
  CuratorsAssigned,
  DateUnavailable,
  InvalidYear,
  type MovePlannedDay,
  NotAPlannedDay,
  type Participant,
  ParticipationMandatory,
  type Planned,
  PlannedDayCancelled,
  PlannedDayMoved,
  type PlanYear,
  type ReceiveTopic,
  ResponsibleAppointed,
  type ScheduledDay,
  SchoolNotRegistered,
  SchoolRegistered,
  SchoolWithdrawn,
  type SheetMonth,
  TopicAlreadyReceived,
  TopicAssigned,
  TopicReceived,
  UnknownTopic,
  type WithdrawSchool,
  YearAlreadyPlanned,
  YearCommand,
  YearEvent,
  YearNotPlanned,
  YearPlanned,
  type YearState,
} from "./YearMessages.ts"
import * as YearMonth from "./YearMonth.ts"

export * from "./YearMessages.ts"

/** The stream type of districts' years. */
export const streamType = "emd-year"

/** The stream of `district`'s year starting in `startYear`: `emd-year:<district>:<startYear>`. */
export const streamId = (district: DistrictId, startYear: number): StreamId =>
  StreamId.make(`${streamType}:${district}:${startYear}`)

/** Every refusal of the year's decider. */
export type YearError =
  | Forbidden
  | YearNotPlanned
  | YearAlreadyPlanned
  | InvalidYear
  | NotAPlannedDay
  | DateUnavailable
  | UnknownTopic
  | TopicAlreadyReceived
  | SchoolNotRegistered
  | ParticipationMandatory
  | CuratorAssignment.CuratorAssignmentInfeasible
  | InvalidCommand
  | NotAWorkingDay
  | Dues.DueDatesUnavailable

/** The decision context of the year: the instant, the actor, the EMD regulation. */
export type Context = DecisionContext<EmdRegulation>

/**
 * Who may issue each command. School commands are scoped to their school: a leader
 * registers their own school and appoints its responsible person (EMD-1.5).
 */
export const permissions: PermissionTable<YearCommand["_tag"]> = {
  PlanYear: ["municipal-coordinator", "department-specialist"],
  ReceiveTopic: ["municipal-coordinator"],
  AssignTopic: ["municipal-coordinator"],
  CancelPlannedDay: ["municipal-coordinator", "department-specialist"],
  MovePlannedDay: ["municipal-coordinator", "department-specialist"],
  RegisterSchool: ["municipal-coordinator", "school-leader"],
  WithdrawSchool: ["municipal-coordinator", "school-leader"],
  AppointResponsible: ["school-leader"],
  AssignCurators: ["municipal-coordinator", "department-specialist"],
}

/** The state of a year that has no events. */
export const initialState: YearState = { _tag: "NotPlanned" }

type Decision = Result.Result<ReadonlyArray<YearEvent>, YearError>
const ok = (...events: ReadonlyArray<YearEvent>): Decision => Result.succeed(events)
const fail = (error: YearError): Decision => Result.fail(error)

const schoolOf = (command: YearCommand): OrganisationId | undefined =>
  command._tag === "RegisterSchool" ||
  command._tag === "WithdrawSchool" ||
  command._tag === "AppointResponsible"
    ? command.schoolId
    : undefined

const monthDay = (startYear: number, text: string, after?: LocalDate.LocalDate) => {
  const [m, d] = text.split("-").map(Number) as [number, number]
  const date = LocalDate.make(startYear, m, d)
  if (Result.isFailure(date)) return date
  return after !== undefined && date.success < after ? LocalDate.make(startYear + 1, m, d) : date
}

const plan = (command: PlanYear, context: Context): Decision => {
  const bounds = context.regulation.calendar.schoolYear
  let start: LocalDate.LocalDate | undefined
  let end: LocalDate.LocalDate | undefined
  if (bounds !== undefined) {
    const s = monthDay(command.startYear, bounds.start)
    if (Result.isFailure(s)) return fail(new InvalidYear({ reason: s.failure.message }))
    const e = monthDay(command.startYear, bounds.end, s.success)
    if (Result.isFailure(e)) return fail(new InvalidYear({ reason: e.failure.message }))
    start = s.success
    end = e.success
  }
  const year = SchoolYear.make({
    startYear: command.startYear,
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    ...(command.vacations === undefined ? {} : { vacations: command.vacations }),
  })
  if (Result.isFailure(year)) return fail(new InvalidYear({ reason: year.failure.message }))
  const slots = WeeklySchedule.weeklySlots({
    schoolYear: year.success,
    weekday: context.regulation.emd.weekday,
    calendar: calendarOf(context.regulation),
    skipVacations: context.regulation.emd.skipVacations,
  })
  if (Result.isFailure(slots)) {
    return fail(
      new Dues.DueDatesUnavailable({
        date: year.success.start,
        reason: slots.failure.message,
      }),
    )
  }
  const sheets: Array<SheetMonth> = []
  for (const month of YearMonth.between(year.success.start, year.success.end)) {
    const due = Dues.sheetDue(month, context.regulation)
    if (Result.isFailure(due)) return fail(due.failure)
    sheets.push({ month, due: due.success })
  }
  return ok(
    new YearPlanned({
      districtId: command.districtId,
      schoolYear: year.success,
      days: slots.success.filter((s) => s.held).map((s) => s.date),
      skipped: slots.success.flatMap((s) =>
        s.held ? [] : [{ date: s.date, reason: s.reason, detail: s.detail }],
      ),
      sheets,
      at: context.now,
    }),
  )
}

/** The day of the schedule on `date` that is not cancelled, or the refusal. */
const activeDay = (
  s: Planned,
  date: LocalDate.LocalDate,
): Result.Result<ScheduledDay, NotAPlannedDay> => {
  const day = s.days.find((d) => d.date === date)
  if (day === undefined) return Result.fail(new NotAPlannedDay({ date, cancelled: false }))
  if (day.cancelled !== undefined) return Result.fail(new NotAPlannedDay({ date, cancelled: true }))
  return Result.succeed(day)
}

const participant = (s: Planned, schoolId: OrganisationId): Participant | undefined =>
  s.schools.find((p) => p.schoolId === schoolId && !p.withdrawn)

const decidePlanned = (command: YearCommand, s: Planned, context: Context): Decision => {
  const now = context.now
  switch (command._tag) {
    case "PlanYear":
      return fail(new YearAlreadyPlanned({ startYear: s.schoolYear.startYear }))
    case "ReceiveTopic":
      return receiveTopic(command, s, context)
    case "AssignTopic":
      return assignTopic(command, s, context)
    case "CancelPlannedDay": {
      const day = activeDay(s, command.date)
      if (Result.isFailure(day)) return fail(day.failure)
      return ok(
        new PlannedDayCancelled({
          date: command.date,
          reason: command.reason,
          ...(command.note === undefined ? {} : { note: command.note }),
          at: now,
        }),
      )
    }
    case "MovePlannedDay":
      return moveDay(command, s, context)
    case "RegisterSchool": {
      const current = participant(s, command.schoolId)
      if (
        current !== undefined &&
        current.lowResults === command.lowResults &&
        current.leaderId === command.leaderId
      ) {
        return ok()
      }
      return ok(
        new SchoolRegistered({
          schoolId: command.schoolId,
          lowResults: command.lowResults,
          leaderId: command.leaderId,
          at: now,
        }),
      )
    }
    case "WithdrawSchool":
      return withdraw(command, s, context)
    case "AppointResponsible":
      return appoint(command, s, context)
    case "AssignCurators":
      return assignCurators(command, s, context)
  }
}

const receiveTopic = (command: ReceiveTopic, s: Planned, context: Context): Decision =>
  s.topics.some((t) => t.topicId === command.topicId)
    ? fail(new TopicAlreadyReceived({ topicId: command.topicId }))
    : ok(
        new TopicReceived({
          topicId: command.topicId,
          title: command.title,
          seminars: command.seminars,
          at: context.now,
        }),
      )

const assignTopic = (command: AssignTopic, s: Planned, context: Context): Decision => {
  const day = activeDay(s, command.date)
  if (Result.isFailure(day)) return fail(day.failure)
  if (!s.topics.some((t) => t.topicId === command.topicId)) {
    return fail(new UnknownTopic({ topicId: command.topicId }))
  }
  if (day.success.topicId === command.topicId) return ok()
  return ok(new TopicAssigned({ date: command.date, topicId: command.topicId, at: context.now }))
}

const moveDay = (command: MovePlannedDay, s: Planned, context: Context): Decision => {
  const day = activeDay(s, command.date)
  if (Result.isFailure(day)) return fail(day.failure)
  if (command.to === command.date) {
    return fail(
      new InvalidCommand({ command: command._tag, reason: `the day is already on ${command.to}` }),
    )
  }
  if (!SchoolYear.contains(s.schoolYear, command.to)) {
    return fail(new DateUnavailable({ date: command.to, reason: "outside-school-year" }))
  }
  if (s.days.some((d) => d.date === command.to && d.cancelled === undefined)) {
    return fail(new DateUnavailable({ date: command.to, reason: "already-planned" }))
  }
  const info = ProductionCalendar.dayInfo(calendarOf(context.regulation), command.to)
  if (Result.isFailure(info)) {
    return fail(new Dues.DueDatesUnavailable({ date: command.to, reason: info.failure.message }))
  }
  if (!info.success.working) {
    return fail(
      new NotAWorkingDay({ date: command.to, detail: info.success.name ?? info.success.kind }),
    )
  }
  return ok(
    new PlannedDayMoved({
      date: command.date,
      to: command.to,
      reason: command.reason,
      ...(command.note === undefined ? {} : { note: command.note }),
      at: context.now,
    }),
  )
}

const withdraw = (command: WithdrawSchool, s: Planned, context: Context): Decision => {
  const current = participant(s, command.schoolId)
  if (current === undefined) return fail(new SchoolNotRegistered({ schoolId: command.schoolId }))
  if (current.lowResults) return fail(new ParticipationMandatory({ schoolId: command.schoolId }))
  return ok(new SchoolWithdrawn({ schoolId: command.schoolId, at: context.now }))
}

const appoint = (command: AppointResponsible, s: Planned, context: Context): Decision => {
  const school = participant(s, command.schoolId)
  if (school === undefined) return fail(new SchoolNotRegistered({ schoolId: command.schoolId }))
  if (command.order.issuer !== command.schoolId) {
    return fail(
      new InvalidCommand({
        command: command._tag,
        reason: `the appointing order must be issued by ${command.schoolId}, not ${command.order.issuer}`,
      }),
    )
  }
  if (command.personId === school.leaderId) {
    return fail(
      new InvalidCommand({
        command: command._tag,
        reason: "the responsible person is a deputy or an active teacher, not the leader",
      }),
    )
  }
  const current = s.responsibles.find((a) => a.schoolId === command.schoolId)
  if (
    current !== undefined &&
    current.personId === command.personId &&
    current.basis === command.basis &&
    current.order.number === command.order.number &&
    current.order.date === command.order.date
  ) {
    return ok()
  }
  return ok(
    new ResponsibleAppointed({
      schoolId: command.schoolId,
      personId: command.personId,
      basis: command.basis,
      order: command.order,
      by: context.actor.personId,
      at: context.now,
    }),
  )
}

const assignCurators = (command: AssignCurators, s: Planned, context: Context): Decision => {
  const maxLoad = context.regulation.emd.curatorMaxLoad
  const result = CuratorAssignment.assign({
    schools: command.schools,
    previous: s.curators,
    maxLoad,
  })
  if (Result.isFailure(result)) return fail(result.failure)
  const { pairs, added, removed } = result.success
  const unchanged =
    added.length === 0 &&
    removed.length === 0 &&
    pairs.length === s.curators.length &&
    pairs.every((p, i) => s.curators[i]?.curatorSchoolId === p.curatorSchoolId)
  if (unchanged) return ok()
  return ok(new CuratorsAssigned({ pairs, added, removed, maxLoad, at: context.now }))
}

/** Decides a command of the district's year: the events to record or a typed refusal. */
export const decide = (command: YearCommand, state: YearState, context: Context): Decision => {
  const auth = authorize(permissions, command, context.actor, schoolOf(command))
  if (Result.isFailure(auth)) return fail(auth.failure)
  if (state._tag === "NotPlanned") {
    return command._tag === "PlanYear"
      ? plan(command, context)
      : fail(new YearNotPlanned({ command: command._tag }))
  }
  return decidePlanned(command, state, context)
}

const byDate = (a: ScheduledDay, b: ScheduledDay) => LocalDate.compare(a.date, b.date)

const upsert = <A, K>(
  list: ReadonlyArray<A>,
  key: (a: A) => K,
  item: A,
  order: (a: A, b: A) => number,
) => [...list.filter((x) => key(x) !== key(item)), item].sort(order)

const bySchool = (a: { schoolId: string }, b: { schoolId: string }) =>
  a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0

const evolvePlanned = (s: Planned, event: YearEvent): YearState =>
  YearEvent.match(event, {
    YearPlanned: (): YearState => s,
    TopicReceived: (e): YearState => ({
      ...s,
      topics: [...s.topics, { topicId: e.topicId, title: e.title, seminars: e.seminars }],
    }),
    TopicAssigned: (e): YearState => ({
      ...s,
      days: s.days.map((d) => (d.date === e.date ? { ...d, topicId: e.topicId } : d)),
    }),
    PlannedDayCancelled: (e): YearState => ({
      ...s,
      days: s.days.map((d) =>
        d.date === e.date && d.cancelled === undefined
          ? {
              ...d,
              cancelled: { reason: e.reason, ...(e.note === undefined ? {} : { note: e.note }) },
            }
          : d,
      ),
    }),
    PlannedDayMoved: (e): YearState => ({
      ...s,
      days: s.days
        .flatMap((d): ReadonlyArray<ScheduledDay> => {
          if (d.date === e.to && d.cancelled !== undefined) return []
          if (d.date !== e.date || d.cancelled !== undefined) return [d]
          return [{ ...d, date: e.to, movedFrom: d.movedFrom ?? d.date }]
        })
        .sort(byDate),
    }),
    SchoolRegistered: (e): YearState => ({
      ...s,
      schools: upsert(
        s.schools,
        (p) => p.schoolId,
        { schoolId: e.schoolId, lowResults: e.lowResults, leaderId: e.leaderId, withdrawn: false },
        bySchool,
      ),
    }),
    SchoolWithdrawn: (e): YearState => ({
      ...s,
      schools: s.schools.map((p) => (p.schoolId === e.schoolId ? { ...p, withdrawn: true } : p)),
    }),
    ResponsibleAppointed: (e): YearState => ({
      ...s,
      responsibles: upsert(
        s.responsibles,
        (a) => a.schoolId,
        { schoolId: e.schoolId, personId: e.personId, basis: e.basis, order: e.order },
        bySchool,
      ),
    }),
    CuratorsAssigned: (e): YearState => ({ ...s, curators: e.pairs }),
  })

/** Applies one event of the district's year to its state; total. */
export const evolve = (state: YearState, event: YearEvent): YearState => {
  if (state._tag === "NotPlanned") {
    if (event._tag !== "YearPlanned") return state
    return {
      _tag: "Planned",
      districtId: event.districtId,
      schoolYear: event.schoolYear,
      days: event.days.map((date) => ({ date })),
      skipped: event.skipped,
      sheets: event.sheets,
      topics: [],
      schools: [],
      responsibles: [],
      curators: [],
    }
  }
  return evolvePlanned(state, event)
}

/** The district's year as a definition the engine runs. */
export const definition: Definition<YearCommand, YearEvent, YearState, YearError, Context> = {
  streamType,
  eventSchema: YearEvent,
  initialState,
  decide,
  evolve,
}

// ---------------------------------------------------------------- queries

/** EMD-1.2: the dates on which the day is held (after moves, without cancelled ones). */
export const heldDates = (state: YearState): ReadonlyArray<LocalDate.LocalDate> =>
  state._tag === "Planned"
    ? state.days.filter((d) => d.cancelled === undefined).map((d) => d.date)
    : []

/** EMD-1.3: the schools taking part now, by id. */
export const participants = (state: YearState): ReadonlyArray<Participant> =>
  state._tag === "Planned" ? state.schools.filter((p) => !p.withdrawn) : []

/** EMD-1.5: the appointment in force for a school, if any. */
export const responsibleOf = (
  state: YearState,
  schoolId: OrganisationId,
): Appointment | undefined =>
  state._tag === "Planned" ? state.responsibles.find((a) => a.schoolId === schoolId) : undefined

/**
 * EMD-1.5, 2.3: the role grants the year gives a person: `day-responsible` for the schools
 * whose leader appointed them, `curator` for the low-results schools they curate. An
 * embedding system adds these to the person's actor.
 */
export const roleGrants = (state: YearState, personId: PersonId): ReadonlyArray<RoleGrant> => {
  if (state._tag === "NotPlanned") return []
  return [
    ...state.responsibles
      .filter((a) => a.personId === personId)
      .map((a): RoleGrant => ({ role: "day-responsible", organisationId: a.schoolId })),
    ...state.curators
      .filter((p) => p.curatorId === personId)
      .map((p): RoleGrant => ({ role: "curator", organisationId: p.schoolId })),
  ]
}

/** A cycle command addressed to its stream. */
export interface Addressed<C> {
  readonly streamId: StreamId
  readonly command: C
}

/**
 * EMD-1.2, 1.3, 1.6: the commands that open the weekly cycle of every participating
 * school for the day on `date`, with the day's topic and each school's low-results flag.
 * Refuses a date that is not an active day of the schedule.
 */
export const openCycles = (
  state: YearState,
  date: LocalDate.LocalDate,
): Result.Result<ReadonlyArray<Addressed<Cycle.OpenCycle>>, NotAPlannedDay | YearNotPlanned> => {
  if (state._tag === "NotPlanned") return Result.fail(new YearNotPlanned({ command: "OpenCycle" }))
  const day = activeDay(state, date)
  if (Result.isFailure(day)) return Result.fail(day.failure)
  return Result.succeed(
    participants(state).map((p) => ({
      streamId: Cycle.streamId(p.schoolId, date),
      command: new Cycle.OpenCycle({
        schoolId: p.schoolId,
        date,
        lowResults: p.lowResults,
        ...(day.success.topicId === undefined ? {} : { topicId: day.success.topicId }),
      }),
    })),
  )
}

/** Re-exported for callers that build the year's commands from untrusted input. */
export const commandSchema = YearCommand
