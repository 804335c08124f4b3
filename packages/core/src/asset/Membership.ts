/**
 * One membership of the municipal methodical asset as a decider: nomination, with the
 * eligibility check on the nomination date under the regulation in force (ASSET-3.1);
 * approval by an order; active membership, during which teachers are assigned to the
 * member and the member records activities for them (ASSET-4.1, 5.2); a review that
 * flags a member whose category or other basis has lapsed, rather than keeping them
 * silently; and the end by expiry of the term or by exclusion with a reason.
 *
 * The asset's size (ASSET-3.2) is set by need: the regulation's `plannedSize` is shown
 * against the active members by the roster, not enforced per membership.
 *
 * Stream: `asset-membership:<district>:<person>:<nomination date>` ({@link streamId}).
 *
 * @module
 */
import { type DateTime, Result } from "effect"
import { authorize, type Forbidden, type PermissionTable } from "../Actor.ts"
import { localDateOf } from "../calendar/Deadline.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import { type DistrictId, type PersonId, StreamId } from "../Ids.ts"
import type { Teacher } from "../kernel/Teacher.ts"
import { type Rules, screenerFor } from "./Eligibility.ts"
import type { Ineligible } from "./Explanation.ts"
import {
  type ActiveMember,
  ActivityRecorded,
  Approved,
  InvalidMembershipCommand,
  MembershipCommand,
  MembershipEnded,
  MembershipEvent,
  type MembershipState,
  Nominated,
  NominationRejected,
  NotAssigned,
  NotEligible,
  NotTheMember,
  StandingLapsed,
  StandingRestored,
  TeachersAssigned,
  TeachersUnassigned,
  WrongMembershipState,
} from "./MembershipMessages.ts"

export * from "./MembershipMessages.ts"

/** The stream type of asset memberships. */
export const streamType = "asset-membership"

/** The stream of one membership: `asset-membership:<district>:<person>:<nomination date>`. */
export const streamId = (
  districtId: DistrictId,
  personId: PersonId,
  nominatedOn: LocalDate.LocalDate,
): StreamId => StreamId.make(`${streamType}:${districtId}:${personId}:${nominatedOn}`)

/** What the membership reads from the regulation in force. */
export interface AssetRegulation extends Rules {
  readonly calendar: { readonly timeZone: DateTime.TimeZone }
  readonly asset: Rules["asset"] & { readonly membershipTermYears?: number }
}

/** The decision context: the instant, the actor, the regulation in force. */
export type Context = DecisionContext<AssetRegulation>

/** Every refusal of a membership. */
export type MembershipError =
  | Forbidden
  | NotEligible
  | WrongMembershipState
  | InvalidMembershipCommand
  | NotTheMember
  | NotAssigned

/**
 * Who may issue each command. A school leader or deputy nominates teachers of their own
 * school; the department decides on nominations and ends memberships; methodists and
 * coordinators assign teachers; only the member records activities.
 */
export const permissions: PermissionTable<MembershipCommand["_tag"]> = {
  Nominate: [
    "school-leader",
    "deputy-leader",
    "methodist",
    "municipal-coordinator",
    "department-specialist",
  ],
  Approve: ["department-specialist"],
  RejectNomination: ["department-specialist"],
  ReviewStanding: ["system", "methodist", "department-specialist"],
  AssignTeachers: ["department-specialist", "methodist", "municipal-coordinator"],
  UnassignTeachers: ["department-specialist", "methodist", "municipal-coordinator"],
  RecordActivity: ["asset-member"],
  Expire: ["system", "department-specialist"],
  Exclude: ["department-specialist"],
}

/** The state of a membership that has no events. */
export const initialState: MembershipState = { _tag: "None" }

type Decision = Result.Result<ReadonlyArray<MembershipEvent>, MembershipError>

const ok = (...events: ReadonlyArray<MembershipEvent>): Decision => Result.succeed(events)
const fail = (error: MembershipError): Decision => Result.fail(error)
const invalid = (command: MembershipCommand, reason: string): Decision =>
  fail(new InvalidMembershipCommand({ command: command._tag, reason }))
const wrongState = (command: MembershipCommand, state: MembershipState): Decision =>
  fail(new WrongMembershipState({ command: command._tag, state: state._tag }))

const today = (context: Context): LocalDate.LocalDate =>
  localDateOf(context.now, context.regulation.calendar.timeZone)

/** The last day of a term of `years` begun on `from`: the day before the anniversary. */
const lastDayOfTerm = (from: LocalDate.LocalDate, years: number): LocalDate.LocalDate => {
  const { year, month, day } = LocalDate.toParts(from)
  const anniversary = Result.getOrElse(LocalDate.make(year + years, month, day), () =>
    LocalDate.makeUnsafe(year + years, month + 1, 1),
  )
  return LocalDate.addDays(anniversary, -1)
}

/** Whether the failures of the member's own basis include their category. */
const categoryLapsed = (explanation: Ineligible, basis: string): boolean =>
  explanation.bases.some(
    (b) => b.basis === basis && b.failures.some((f) => f._tag === "CategoryAtLeast"),
  )

const sameTeacher = (command: MembershipCommand, teacher: Teacher, personId: PersonId) =>
  teacher.personId === personId
    ? undefined
    : invalid(command, `the records are of ${teacher.personId}, the member is ${personId}`)

const decideNone = (command: MembershipCommand, context: Context): Decision => {
  if (command._tag !== "Nominate") return wrongState(command, initialState)
  const { teacher, nominatedOn } = command
  const auth = authorize(permissions, command, context.actor, teacher.organisationId)
  if (Result.isFailure(auth)) return fail(auth.failure)
  if (teacher.districtId !== context.actor.districtId) {
    return invalid(
      command,
      `the teacher belongs to ${teacher.districtId}, not ${context.actor.districtId}`,
    )
  }
  if (nominatedOn > today(context)) {
    return invalid(command, `a nomination cannot be dated in the future (${nominatedOn})`)
  }
  const explanation = screenerFor(context.regulation).evaluate(teacher, nominatedOn)
  if (explanation._tag === "Ineligible") {
    return fail(new NotEligible({ personId: teacher.personId, explanation }))
  }
  return ok(
    new Nominated({
      personId: teacher.personId,
      districtId: teacher.districtId,
      organisationId: teacher.organisationId,
      nominatedOn,
      nominatedBy: context.actor.personId,
      eligibility: explanation,
    }),
  )
}

const decideActive = (
  command: MembershipCommand,
  state: ActiveMember,
  context: Context,
): Decision => {
  const personId = state.personId
  switch (command._tag) {
    case "ReviewStanding": {
      const other = sameTeacher(command, command.teacher, personId)
      if (other !== undefined) return other
      const explanation = screenerFor(context.regulation).evaluate(command.teacher, command.on)
      if (explanation._tag === "Ineligible") {
        if (state.lapse !== undefined) return ok()
        return ok(
          new StandingLapsed({
            personId,
            on: command.on,
            categoryLapsed: categoryLapsed(explanation, state.basis),
            explanation,
          }),
        )
      }
      return state.lapse === undefined
        ? ok()
        : ok(new StandingRestored({ personId, on: command.on, eligibility: explanation }))
    }
    case "AssignTeachers": {
      if (command.teachers.some((t) => t.personId === personId)) {
        return invalid(command, "a member cannot be assigned to support themselves")
      }
      const fresh = command.teachers.filter(
        (t, i) =>
          !state.assigned.some((a) => a.personId === t.personId) &&
          command.teachers.findIndex((u) => u.personId === t.personId) === i,
      )
      const [first, ...rest] = fresh
      return first === undefined
        ? ok()
        : ok(new TeachersAssigned({ personId, on: command.on, teachers: [first, ...rest] }))
    }
    case "UnassignTeachers": {
      const known = command.teachers.filter(
        (t, i) => state.assigned.some((a) => a.personId === t) && command.teachers.indexOf(t) === i,
      )
      const [first, ...rest] = known
      return first === undefined
        ? ok()
        : ok(new TeachersUnassigned({ personId, on: command.on, teachers: [first, ...rest] }))
    }
    case "RecordActivity": {
      if (context.actor.personId !== personId) {
        return fail(new NotTheMember({ personId: context.actor.personId, memberId: personId }))
      }
      const { activity } = command
      if (activity.on < state.from || (state.until !== undefined && activity.on > state.until)) {
        return invalid(command, `the member is not in the asset on ${activity.on}`)
      }
      if (activity.on > today(context)) {
        return invalid(command, `an activity cannot be recorded ahead of its date (${activity.on})`)
      }
      const strangers = activity.teachers.filter(
        (t) => !state.assigned.some((a) => a.personId === t),
      )
      if (strangers.length > 0)
        return fail(new NotAssigned({ memberId: personId, teachers: strangers }))
      return ok(new ActivityRecorded({ personId, activity }))
    }
    case "Expire": {
      if (state.until === undefined) return invalid(command, "the membership has no term to expire")
      if (command.on <= state.until) {
        return invalid(command, `the term runs through ${state.until}`)
      }
      return ok(
        new MembershipEnded({ personId, on: LocalDate.addDays(state.until, 1), reason: "expired" }),
      )
    }
    case "Exclude":
      if (command.on < state.from) {
        return invalid(command, `the membership begins on ${state.from}`)
      }
      return ok(
        new MembershipEnded({
          personId,
          on: command.on,
          reason: "excluded",
          exclusion: command.reason,
          ...(command.order === undefined ? {} : { order: command.order }),
          ...(command.note === undefined ? {} : { note: command.note }),
        }),
      )
    case "Nominate":
    case "Approve":
    case "RejectNomination":
      return wrongState(command, state)
  }
}

/**
 * Decides a command of a membership: the events to record or a typed refusal.
 * Authorisation comes first; a school leader acts only for their own school.
 */
export const decide = (
  command: MembershipCommand,
  state: MembershipState,
  context: Context,
): Decision => {
  if (state._tag === "None") return decideNone(command, context)
  const auth = authorize(permissions, command, context.actor, state.organisationId)
  if (Result.isFailure(auth)) return fail(auth.failure)
  switch (state._tag) {
    case "Ended":
      return wrongState(command, state)
    case "Nominated":
      switch (command._tag) {
        case "Approve": {
          if (command.order.date < state.nominatedOn) {
            return invalid(
              command,
              `the order (${command.order.date}) predates the nomination (${state.nominatedOn})`,
            )
          }
          if (command.from < command.order.date) {
            return invalid(
              command,
              `membership cannot begin (${command.from}) before the order (${command.order.date})`,
            )
          }
          const years = context.regulation.asset.membershipTermYears
          const until =
            command.until ?? (years === undefined ? undefined : lastDayOfTerm(command.from, years))
          if (until !== undefined && until < command.from) {
            return invalid(
              command,
              `membership cannot end (${until}) before it begins (${command.from})`,
            )
          }
          return ok(
            new Approved({
              personId: state.personId,
              order: command.order,
              from: command.from,
              ...(until === undefined ? {} : { until }),
            }),
          )
        }
        case "RejectNomination":
          return ok(
            new NominationRejected({
              personId: state.personId,
              reason: command.reason,
              by: context.actor.personId,
            }),
          )
        default:
          return wrongState(command, state)
      }
    case "Active":
      return decideActive(command, state, context)
  }
}

/** Applies one event of a membership to its state; total. */
export const evolve = (state: MembershipState, event: MembershipEvent): MembershipState =>
  MembershipEvent.match(event, {
    Nominated: (e): MembershipState =>
      state._tag !== "None"
        ? state
        : {
            _tag: "Nominated",
            personId: e.personId,
            districtId: e.districtId,
            organisationId: e.organisationId,
            nominatedOn: e.nominatedOn,
            basis: e.eligibility.basis,
          },
    NominationRejected: (): MembershipState =>
      state._tag !== "Nominated"
        ? state
        : {
            _tag: "Ended",
            personId: state.personId,
            districtId: state.districtId,
            organisationId: state.organisationId,
            reason: "rejected",
          },
    Approved: (e): MembershipState =>
      state._tag !== "Nominated"
        ? state
        : {
            ...state,
            _tag: "Active",
            order: e.order,
            from: e.from,
            ...(e.until === undefined ? {} : { until: e.until }),
            assigned: [],
            activities: 0,
          },
    StandingLapsed: (e): MembershipState =>
      state._tag !== "Active"
        ? state
        : { ...state, lapse: { on: e.on, categoryLapsed: e.categoryLapsed } },
    StandingRestored: (): MembershipState => {
      if (state._tag !== "Active") return state
      const { lapse: _, ...rest } = state
      return rest
    },
    TeachersAssigned: (e): MembershipState =>
      state._tag !== "Active" ? state : { ...state, assigned: [...state.assigned, ...e.teachers] },
    TeachersUnassigned: (e): MembershipState =>
      state._tag !== "Active"
        ? state
        : { ...state, assigned: state.assigned.filter((a) => !e.teachers.includes(a.personId)) },
    ActivityRecorded: (): MembershipState =>
      state._tag !== "Active" ? state : { ...state, activities: state.activities + 1 },
    MembershipEnded: (e): MembershipState =>
      state._tag !== "Active"
        ? state
        : {
            _tag: "Ended",
            personId: state.personId,
            districtId: state.districtId,
            organisationId: state.organisationId,
            reason: e.reason,
            on: e.on,
            ...(e.exclusion === undefined ? {} : { exclusion: e.exclusion }),
          },
  })

/** A membership as a definition the engine runs. */
export const definition: Definition<
  MembershipCommand,
  MembershipEvent,
  MembershipState,
  MembershipError,
  Context
> = {
  streamType,
  eventSchema: MembershipEvent,
  initialState,
  decide,
  evolve,
}

/** Re-exported for callers that build commands from untrusted input. */
export const commandSchema = MembershipCommand
