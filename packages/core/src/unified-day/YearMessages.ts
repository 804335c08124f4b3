/**
 * The commands, events, state and refusals of a district's year of unified methodical
 * days: one stream per district and school year (`emd-year:<district>:<startYear>`). It
 * holds the schedule of days (EMD-1.2), the topics from the regional institute assigned
 * to them (EMD-1.6), the participating schools (EMD-1.3), the persons responsible for
 * the day in each school (EMD-1.5) and the curators of low-results schools (EMD-2.3).
 * The decider is in `Year.ts`.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import * as SchoolYear from "../calendar/SchoolYear.ts"
import { DistrictId, OrganisationId, PersonId, TopicId } from "../Ids.ts"
import { Order } from "../kernel/Order.ts"
import { Name } from "../kernel/Text.ts"
import * as CuratorAssignment from "./CuratorAssignment.ts"
import { CancelReason, Seminar } from "./CycleMessages.ts"
import { Due } from "./Dues.ts"
import { YearMonth } from "./YearMonth.ts"

const At = Schema.DateTimeUtcFromString
const Note = Schema.optionalKey(Name)

/** EMD-1.5: the responsible person is a deputy leader or an active teacher of the school. */
export const ResponsibleBasis = Schema.Literals(["deputy-leader", "active-teacher"])
/** @see ResponsibleBasis */
export type ResponsibleBasis = typeof ResponsibleBasis.Type

/** A week's date that is not held, and why (a holiday, a vacation). */
export const SkippedDate = Schema.Struct({
  date: LocalDate.LocalDate,
  reason: Schema.Literals(["non-working-day", "vacation"]),
  detail: Schema.String,
})
/** @see SkippedDate */
export type SkippedDate = typeof SkippedDate.Type

/** EMD-2.16: a month of the school year and when its progress sheet is due. */
export const SheetMonth = Schema.Struct({ month: YearMonth, due: Due })
/** @see SheetMonth */
export type SheetMonth = typeof SheetMonth.Type

// ---------------------------------------------------------------- commands

/**
 * EMD-1.2: plans the year: every configured weekday of the school year, non-working days
 * (and vacations, when the regulation says so) skipped; also fixes the due instants of
 * the monthly progress sheets (EMD-2.16). `vacations` default to the typical ones.
 */
export class PlanYear extends Schema.TaggedClass<PlanYear>()("PlanYear", {
  districtId: DistrictId,
  startYear: Schema.Int.check(Schema.isBetween({ minimum: 2000, maximum: 2100 })),
  vacations: Schema.optionalKey(Schema.Array(SchoolYear.Vacation)),
}) {}

/** EMD-1.6: a topic received from the regional institute as video seminars. */
export class ReceiveTopic extends Schema.TaggedClass<ReceiveTopic>()("ReceiveTopic", {
  topicId: TopicId,
  title: Name,
  seminars: Schema.NonEmptyArray(Seminar),
}) {}

/** EMD-1.6: assigns a received topic to a planned day. */
export class AssignTopic extends Schema.TaggedClass<AssignTopic>()("AssignTopic", {
  date: LocalDate.LocalDate,
  topicId: TopicId,
}) {}

/** Cancels a planned day for the whole district (a new non-working day, quarantine). */
export class CancelPlannedDay extends Schema.TaggedClass<CancelPlannedDay>()("CancelPlannedDay", {
  date: LocalDate.LocalDate,
  reason: CancelReason,
  note: Note,
}) {}

/** Moves a planned day to another working day of the school year for the whole district. */
export class MovePlannedDay extends Schema.TaggedClass<MovePlannedDay>()("MovePlannedDay", {
  date: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  reason: CancelReason,
  note: Note,
}) {}

/**
 * EMD-1.3: a school takes part: low-results schools must, others may join. The
 * coordinator registers any school; a leader may register their own.
 */
export class RegisterSchool extends Schema.TaggedClass<RegisterSchool>()("RegisterSchool", {
  schoolId: OrganisationId,
  lowResults: Schema.Boolean,
  leaderId: PersonId,
}) {}

/** EMD-1.3: a school stops taking part; refused for a low-results school. */
export class WithdrawSchool extends Schema.TaggedClass<WithdrawSchool>()("WithdrawSchool", {
  schoolId: OrganisationId,
}) {}

/**
 * EMD-1.5: the school leader appoints, by an order, the person responsible for the day
 * from the deputies or active teachers; a new appointment replaces the previous one.
 */
export class AppointResponsible extends Schema.TaggedClass<AppointResponsible>()(
  "AppointResponsible",
  { schoolId: OrganisationId, personId: PersonId, basis: ResponsibleBasis, order: Order },
) {}

/**
 * EMD-2.3: assigns curators to the low-results schools among the leaders of the other
 * schools of the district, keeping every valid previous pair. `schools` lists every
 * school of the district (participating or not: any leader may be a curator).
 */
export class AssignCurators extends Schema.TaggedClass<AssignCurators>()("AssignCurators", {
  schools: Schema.Array(CuratorAssignment.School),
}) {}

/** Every command of the district's year. */
export const YearCommand = Schema.Union([
  PlanYear,
  ReceiveTopic,
  AssignTopic,
  CancelPlannedDay,
  MovePlannedDay,
  RegisterSchool,
  WithdrawSchool,
  AppointResponsible,
  AssignCurators,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see YearCommand */
export type YearCommand = typeof YearCommand.Type

// ---------------------------------------------------------------- events

/** EMD-1.2, 2.16: the year planned: its days, the skipped weeks, the sheet months. */
export class YearPlanned extends Schema.TaggedClass<YearPlanned>()("YearPlanned", {
  districtId: DistrictId,
  schoolYear: SchoolYear.SchoolYear,
  days: Schema.Array(LocalDate.LocalDate),
  skipped: Schema.Array(SkippedDate),
  sheets: Schema.Array(SheetMonth),
  at: At,
}) {}

/** EMD-1.6: a topic received. */
export class TopicReceived extends Schema.TaggedClass<TopicReceived>()("TopicReceived", {
  topicId: TopicId,
  title: Name,
  seminars: Schema.NonEmptyArray(Seminar),
  at: At,
}) {}

/** EMD-1.6: a topic assigned to a day (replacing any earlier one). */
export class TopicAssigned extends Schema.TaggedClass<TopicAssigned>()("TopicAssigned", {
  date: LocalDate.LocalDate,
  topicId: TopicId,
  at: At,
}) {}

/** A planned day cancelled for the district. */
export class PlannedDayCancelled extends Schema.TaggedClass<PlannedDayCancelled>()(
  "PlannedDayCancelled",
  { date: LocalDate.LocalDate, reason: CancelReason, note: Note, at: At },
) {}

/** A planned day moved for the district; its topic moves with it. */
export class PlannedDayMoved extends Schema.TaggedClass<PlannedDayMoved>()("PlannedDayMoved", {
  date: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  reason: CancelReason,
  note: Note,
  at: At,
}) {}

/** EMD-1.3: a school registered (again, when its flag or leader changes). */
export class SchoolRegistered extends Schema.TaggedClass<SchoolRegistered>()("SchoolRegistered", {
  schoolId: OrganisationId,
  lowResults: Schema.Boolean,
  leaderId: PersonId,
  at: At,
}) {}

/** EMD-1.3: a school withdrawn. */
export class SchoolWithdrawn extends Schema.TaggedClass<SchoolWithdrawn>()("SchoolWithdrawn", {
  schoolId: OrganisationId,
  at: At,
}) {}

/** EMD-1.5: a responsible person appointed by the leader's order. */
export class ResponsibleAppointed extends Schema.TaggedClass<ResponsibleAppointed>()(
  "ResponsibleAppointed",
  {
    schoolId: OrganisationId,
    personId: PersonId,
    basis: ResponsibleBasis,
    order: Order,
    by: PersonId,
    at: At,
  },
) {}

/** EMD-2.3: the curator assignment in force, with what changed and why. */
export class CuratorsAssigned extends Schema.TaggedClass<CuratorsAssigned>()("CuratorsAssigned", {
  pairs: Schema.Array(CuratorAssignment.Pair),
  added: Schema.Array(CuratorAssignment.Pair),
  removed: Schema.Array(CuratorAssignment.Removal),
  maxLoad: Schema.Number,
  at: At,
}) {}

/** Every event of the district's year. */
export const YearEvent = Schema.Union([
  YearPlanned,
  TopicReceived,
  TopicAssigned,
  PlannedDayCancelled,
  PlannedDayMoved,
  SchoolRegistered,
  SchoolWithdrawn,
  ResponsibleAppointed,
  CuratorsAssigned,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see YearEvent */
export type YearEvent = typeof YearEvent.Type

// ---------------------------------------------------------------- state

/** A day of the year's schedule. */
export const ScheduledDay = Schema.Struct({
  date: LocalDate.LocalDate,
  /** The date it was planned on, when it was moved. */
  movedFrom: Schema.optionalKey(LocalDate.LocalDate),
  topicId: Schema.optionalKey(TopicId),
  cancelled: Schema.optionalKey(Schema.Struct({ reason: CancelReason, note: Note })),
})
/** @see ScheduledDay */
export type ScheduledDay = typeof ScheduledDay.Type

/** EMD-1.3: a participating school. */
export const Participant = Schema.Struct({
  schoolId: OrganisationId,
  lowResults: Schema.Boolean,
  leaderId: PersonId,
  withdrawn: Schema.Boolean,
})
/** @see Participant */
export type Participant = typeof Participant.Type

/** EMD-1.5: a school's responsible person and the order appointing them. */
export const Appointment = Schema.Struct({
  schoolId: OrganisationId,
  personId: PersonId,
  basis: ResponsibleBasis,
  order: Order,
})
/** @see Appointment */
export type Appointment = typeof Appointment.Type

/** EMD-1.6: a topic and its video seminars. */
export const Topic = Schema.Struct({
  topicId: TopicId,
  title: Name,
  seminars: Schema.NonEmptyArray(Seminar),
})
/** @see Topic */
export type Topic = typeof Topic.Type

/** A year not planned yet: the state of an empty stream. */
export const NotPlanned = Schema.TaggedStruct("NotPlanned", {})
/** @see NotPlanned */
export type NotPlanned = typeof NotPlanned.Type

/** A planned year. Lists are kept sorted (days by date, schools by id). */
export const Planned = Schema.TaggedStruct("Planned", {
  districtId: DistrictId,
  schoolYear: SchoolYear.SchoolYear,
  days: Schema.Array(ScheduledDay),
  skipped: Schema.Array(SkippedDate),
  sheets: Schema.Array(SheetMonth),
  topics: Schema.Array(Topic),
  schools: Schema.Array(Participant),
  responsibles: Schema.Array(Appointment),
  curators: Schema.Array(CuratorAssignment.Pair),
})
/** @see Planned */
export type Planned = typeof Planned.Type

/** The state of a district's year. */
export const YearState = Schema.Union([NotPlanned, Planned]).pipe(Schema.toTaggedUnion("_tag"))
/** @see YearState */
export type YearState = typeof YearState.Type

// ---------------------------------------------------------------- refusals

/** A command other than `PlanYear` before the year is planned. */
export class YearNotPlanned extends Schema.TaggedError<YearNotPlanned>()("YearNotPlanned", {
  command: Schema.String,
}) {
  override get message(): string {
    return `${this.command}: the year is not planned yet; plan it with PlanYear first`
  }
}

/** EMD-1.2: `PlanYear` for a year already planned. */
export class YearAlreadyPlanned extends Schema.TaggedError<YearAlreadyPlanned>()(
  "YearAlreadyPlanned",
  { startYear: Schema.Number },
) {
  override get message(): string {
    return `the school year ${this.startYear} is already planned`
  }
}

/** EMD-1.2: the school year cannot be built (vacations outside it, overlapping). */
export class InvalidYear extends Schema.TaggedError<InvalidYear>()("InvalidYear", {
  reason: Schema.String,
}) {
  override get message(): string {
    return `the school year cannot be planned: ${this.reason}`
  }
}

/** EMD-1.2, 1.6: the date is not a day of the schedule (or it was cancelled). */
export class NotAPlannedDay extends Schema.TaggedError<NotAPlannedDay>()("NotAPlannedDay", {
  date: Schema.String,
  cancelled: Schema.Boolean,
}) {
  override get message(): string {
    return this.cancelled
      ? `${this.date} was cancelled`
      : `${this.date} is not a day of the schedule`
  }
}

/** EMD-1.2: a day cannot move onto a date already planned or outside the school year. */
export class DateUnavailable extends Schema.TaggedError<DateUnavailable>()("DateUnavailable", {
  date: Schema.String,
  reason: Schema.Literals(["already-planned", "outside-school-year"]),
}) {
  override get message(): string {
    return this.reason === "already-planned"
      ? `${this.date} already has a unified methodical day`
      : `${this.date} lies outside the school year`
  }
}

/** EMD-1.6: no topic with this id has been received from the regional institute. */
export class UnknownTopic extends Schema.TaggedError<UnknownTopic>()("UnknownTopic", {
  topicId: Schema.String,
}) {
  override get message(): string {
    return `topic ${this.topicId} has not been received from the regional institute`
  }
}

/** EMD-1.6: a topic id received twice. */
export class TopicAlreadyReceived extends Schema.TaggedError<TopicAlreadyReceived>()(
  "TopicAlreadyReceived",
  { topicId: Schema.String },
) {
  override get message(): string {
    return `topic ${this.topicId} has already been received`
  }
}

/** EMD-1.3, 1.5: the school does not take part in the year's days. */
export class SchoolNotRegistered extends Schema.TaggedError<SchoolNotRegistered>()(
  "SchoolNotRegistered",
  { schoolId: Schema.String },
) {
  override get message(): string {
    return `${this.schoolId} does not take part in the unified methodical days`
  }
}

/** EMD-1.3: participation is mandatory for a low-results school; it cannot withdraw. */
export class ParticipationMandatory extends Schema.TaggedError<ParticipationMandatory>()(
  "ParticipationMandatory",
  { schoolId: Schema.String },
) {
  override get message(): string {
    return `${this.schoolId} is a low-results school: its participation is mandatory (EMD-1.3)`
  }
}
