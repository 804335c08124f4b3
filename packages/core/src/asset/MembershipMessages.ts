/**
 * The commands, events, states and refusals of one membership of the municipal
 * methodical asset: nomination with the eligibility check on its date (ASSET-3.1),
 * approval by an order, the teachers assigned to the member, the member's activities
 * (ASSET-4.1), a lapse of eligibility flagged on review, and the end by expiry or
 * exclusion. All are Effect Schema tagged unions, so they decode untrusted input and
 * encode to JSON. The decider is in `Membership.ts`.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { DistrictId, OrganisationId, PersonId } from "../Ids.ts"
import type { BasisId } from "../kernel/Criteria.ts"
import { Order } from "../kernel/Order.ts"
import { Teacher } from "../kernel/Teacher.ts"
import { Name } from "../kernel/Text.ts"
import { Activity } from "./Activity.ts"
import { Eligible, Ineligible } from "./Explanation.ts"
import * as Messages from "./Messages.ts"

// ---------------------------------------------------------------- values

/** A teacher assigned to a member for support, with their organisation. */
export const Assignment = Schema.Struct({ personId: PersonId, organisationId: OrganisationId })
/** @see Assignment */
export type Assignment = typeof Assignment.Type

/**
 * Why a member is excluded before the term ends.
 *
 * - `own-request`: по собственному желанию
 * - `eligibility-lapsed`: утрата оснований (категория истекла, …)
 * - `duties-not-performed`: неисполнение обязанностей (ASSET-5.2)
 * - `left-district`: увольнение, переезд
 * - `other`: иное, с пояснением
 */
export const ExclusionReason = Schema.Literals([
  "own-request",
  "eligibility-lapsed",
  "duties-not-performed",
  "left-district",
  "other",
])
/** @see ExclusionReason */
export type ExclusionReason = typeof ExclusionReason.Type

// ---------------------------------------------------------------- commands

/** Nominates a teacher; eligibility is judged on `nominatedOn` with the regulation in force. */
export class Nominate extends Schema.TaggedClass<Nominate>()("Nominate", {
  teacher: Teacher,
  nominatedOn: LocalDate.LocalDate,
}) {}

/** Approves the nomination by an order (приказ); membership runs from `from`. */
export class Approve extends Schema.TaggedClass<Approve>()("Approve", {
  order: Order,
  from: LocalDate.LocalDate,
  /** The last day of membership when the order sets one; otherwise the regulation's term. */
  until: Schema.optionalKey(LocalDate.LocalDate),
}) {}

/** Turns a nomination down. */
export class RejectNomination extends Schema.TaggedClass<RejectNomination>()("RejectNomination", {
  reason: Name,
}) {}

/** Judges the member's eligibility again on `on`, from their current records. */
export class ReviewStanding extends Schema.TaggedClass<ReviewStanding>()("ReviewStanding", {
  on: LocalDate.LocalDate,
  teacher: Teacher,
}) {}

/** Assigns teachers to the member for support (ASSET-2.1, 5.2). */
export class AssignTeachers extends Schema.TaggedClass<AssignTeachers>()("AssignTeachers", {
  on: LocalDate.LocalDate,
  teachers: Schema.NonEmptyArray(Assignment),
}) {}

/** Ends the assignment of teachers to the member. */
export class UnassignTeachers extends Schema.TaggedClass<UnassignTeachers>()("UnassignTeachers", {
  on: LocalDate.LocalDate,
  teachers: Schema.NonEmptyArray(PersonId),
}) {}

/** The member records an activity (ASSET-4.1) for teachers assigned to them. */
export class RecordActivity extends Schema.TaggedClass<RecordActivity>()("RecordActivity", {
  activity: Activity,
}) {}

/** Ends a membership whose term is over. */
export class Expire extends Schema.TaggedClass<Expire>()("Expire", {
  on: LocalDate.LocalDate,
}) {}

/** Excludes the member before the term ends, with the reason. */
export class Exclude extends Schema.TaggedClass<Exclude>()("Exclude", {
  on: LocalDate.LocalDate,
  reason: ExclusionReason,
  order: Schema.optionalKey(Order),
  note: Schema.optionalKey(Name),
}) {}

/** Every command of a membership. */
export const MembershipCommand = Schema.Union([
  Nominate,
  Approve,
  RejectNomination,
  ReviewStanding,
  AssignTeachers,
  UnassignTeachers,
  RecordActivity,
  Expire,
  Exclude,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see MembershipCommand */
export type MembershipCommand = typeof MembershipCommand.Type

// ---------------------------------------------------------------- events

/** A teacher was nominated and found eligible on the nomination date (ASSET-3.1). */
export class Nominated extends Schema.TaggedClass<Nominated>()("Nominated", {
  personId: PersonId,
  districtId: DistrictId,
  organisationId: OrganisationId,
  nominatedOn: LocalDate.LocalDate,
  nominatedBy: PersonId,
  eligibility: Eligible,
}) {}

/** The nomination was turned down. */
export class NominationRejected extends Schema.TaggedClass<NominationRejected>()(
  "NominationRejected",
  { personId: PersonId, reason: Name, by: PersonId },
) {}

/** The membership was approved by an order. */
export class Approved extends Schema.TaggedClass<Approved>()("Approved", {
  personId: PersonId,
  order: Order,
  from: LocalDate.LocalDate,
  until: Schema.optionalKey(LocalDate.LocalDate),
}) {}

/**
 * On review, no basis holds any more: the member is flagged, not silently kept.
 * `categoryLapsed` tells whether the category the member was admitted with has lapsed.
 */
export class StandingLapsed extends Schema.TaggedClass<StandingLapsed>()("StandingLapsed", {
  personId: PersonId,
  on: LocalDate.LocalDate,
  categoryLapsed: Schema.Boolean,
  explanation: Ineligible,
}) {}

/** On review, a basis holds again (a new category, for instance): the flag is lifted. */
export class StandingRestored extends Schema.TaggedClass<StandingRestored>()("StandingRestored", {
  personId: PersonId,
  on: LocalDate.LocalDate,
  eligibility: Eligible,
}) {}

/** Teachers were assigned to the member. */
export class TeachersAssigned extends Schema.TaggedClass<TeachersAssigned>()("TeachersAssigned", {
  personId: PersonId,
  on: LocalDate.LocalDate,
  teachers: Schema.NonEmptyArray(Assignment),
}) {}

/** Teachers were no longer assigned to the member. */
export class TeachersUnassigned extends Schema.TaggedClass<TeachersUnassigned>()(
  "TeachersUnassigned",
  { personId: PersonId, on: LocalDate.LocalDate, teachers: Schema.NonEmptyArray(PersonId) },
) {}

/** The member recorded an activity (ASSET-4.1). */
export class ActivityRecorded extends Schema.TaggedClass<ActivityRecorded>()("ActivityRecorded", {
  personId: PersonId,
  activity: Activity,
}) {}

/** The membership ended: its term ran out, or the member was excluded. */
export class MembershipEnded extends Schema.TaggedClass<MembershipEnded>()("MembershipEnded", {
  personId: PersonId,
  on: LocalDate.LocalDate,
  reason: Schema.Literals(["expired", "excluded"]),
  exclusion: Schema.optionalKey(ExclusionReason),
  order: Schema.optionalKey(Order),
  note: Schema.optionalKey(Name),
}) {}

/** Every event of a membership. */
export const MembershipEvent = Schema.Union([
  Nominated,
  NominationRejected,
  Approved,
  StandingLapsed,
  StandingRestored,
  TeachersAssigned,
  TeachersUnassigned,
  ActivityRecorded,
  MembershipEnded,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see MembershipEvent */
export type MembershipEvent = typeof MembershipEvent.Type

// ---------------------------------------------------------------- states

/** No nomination yet. */
export interface NoMembership {
  readonly _tag: "None"
}

/** Nominated and found eligible; waiting for the order. */
export interface NominatedMember {
  readonly _tag: "Nominated"
  readonly personId: PersonId
  readonly districtId: DistrictId
  readonly organisationId: OrganisationId
  readonly nominatedOn: LocalDate.LocalDate
  readonly basis: BasisId
}

/** Approved by an order: a member from `from` (through `until` when there is a term). */
export interface ActiveMember {
  readonly _tag: "Active"
  readonly personId: PersonId
  readonly districtId: DistrictId
  readonly organisationId: OrganisationId
  readonly nominatedOn: LocalDate.LocalDate
  readonly basis: BasisId
  readonly order: Order
  readonly from: LocalDate.LocalDate
  readonly until?: LocalDate.LocalDate
  /** Set when a review found no basis holding; cleared when one holds again. */
  readonly lapse?: { readonly on: LocalDate.LocalDate; readonly categoryLapsed: boolean }
  readonly assigned: ReadonlyArray<Assignment>
  readonly activities: number
}

/** Rejected, expired or excluded; nothing more happens in this stream. */
export interface EndedMember {
  readonly _tag: "Ended"
  readonly personId: PersonId
  readonly districtId: DistrictId
  readonly organisationId: OrganisationId
  readonly reason: "rejected" | "expired" | "excluded"
  readonly on?: LocalDate.LocalDate
  readonly exclusion?: ExclusionReason
}

/** The state of a membership. */
export type MembershipState = NoMembership | NominatedMember | ActiveMember | EndedMember

// ---------------------------------------------------------------- refusals

/** ASSET-3.1: no basis holds on the nomination date; `explanation` names every failed criterion. */
export class NotEligible extends Schema.TaggedError<NotEligible>()("NotEligible", {
  personId: PersonId,
  explanation: Ineligible,
}) {
  override get message(): string {
    return `${this.personId} is not eligible: ${Messages.explain(this.explanation, [], "ru").join("; ")}`
  }
}

/** The command does not apply in the membership's current state. */
export class WrongMembershipState extends Schema.TaggedError<WrongMembershipState>()(
  "WrongMembershipState",
  { command: Schema.String, state: Schema.String },
) {
  override get message(): string {
    return `${this.command} does not apply to a membership that is ${this.state}`
  }
}

/** The command is well-formed but does not fit the membership (dates, people). */
export class InvalidMembershipCommand extends Schema.TaggedError<InvalidMembershipCommand>()(
  "InvalidMembershipCommand",
  { command: Schema.String, reason: Schema.String },
) {
  override get message(): string {
    return `${this.command}: ${this.reason}`
  }
}

/** Only the member records their own activities. */
export class NotTheMember extends Schema.TaggedError<NotTheMember>()("NotTheMember", {
  personId: PersonId,
  memberId: PersonId,
}) {
  override get message(): string {
    return `${this.personId} cannot record activities of the member ${this.memberId}`
  }
}

/** ASSET-5.2: an activity names teachers who are not assigned to the member. */
export class NotAssigned extends Schema.TaggedError<NotAssigned>()("NotAssigned", {
  memberId: PersonId,
  teachers: Schema.Array(PersonId),
}) {
  override get message(): string {
    return `the teachers ${this.teachers.join(", ")} are not assigned to the member ${this.memberId}`
  }
}
