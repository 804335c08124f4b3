/**
 * The plan of targeted help (план адресной помощи) for a school's leaders and teachers as
 * a decider (EMD-2.17): drawn up from the month's progress sheets by the school's curator
 * and the methodical department together. Either party drafts it (items with owners and
 * due dates); it is in force once both the curator and the methodical department have
 * agreed to the same draft, and a new draft re-opens the agreement. Items are then
 * recorded as done, late when after their due instant.
 *
 * Stream: `emd-help-plan:<school>:<YYYY-MM>` ({@link streamId}).
 *
 * @module
 */
import { Result, Schema } from "effect"
import {
  type Actor,
  authorize,
  Forbidden,
  hasRole,
  type PermissionTable,
  type Role,
} from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import { OrganisationId, PersonId, StreamId } from "../Ids.ts"
import { Name } from "../kernel/Text.ts"
import { ItemId } from "./CycleMessages.ts"
import * as Dues from "./Dues.ts"
import { InvalidCommand } from "./Errors.ts"
import type { EmdRegulation } from "./Regulation.ts"
import * as YearMonth from "./YearMonth.ts"

const At = Schema.DateTimeUtcFromString

/** The stream type of plans of targeted help. */
export const streamType = "emd-help-plan"

/** The stream of `school`'s plan for `month`: `emd-help-plan:<school>:<YYYY-MM>`. */
export const streamId = (school: OrganisationId, month: YearMonth.YearMonth): StreamId =>
  StreamId.make(`${streamType}:${school}:${month}`)

// ---------------------------------------------------------------- values

/** EMD-2.17: an item of the plan: what is done, for whom, by whom, by when. */
export const HelpItemInput = Schema.Struct({
  itemId: ItemId,
  action: Name,
  /** The leader or teacher the help is for; absent when it is for the whole school. */
  forPersonId: Schema.optionalKey(PersonId),
  ownerId: PersonId,
  dueDate: LocalDate.LocalDate,
})
/** @see HelpItemInput */
export type HelpItemInput = typeof HelpItemInput.Type

/** EMD-2.17: an item as recorded, with its due instant and, once done, when. */
export const HelpItem = Schema.Struct({
  ...HelpItemInput.fields,
  due: Dues.Due,
  done: Schema.optionalKey(Schema.Struct({ at: At, late: Schema.Boolean, by: PersonId })),
})
/** @see HelpItem */
export type HelpItem = typeof HelpItem.Type

/** EMD-2.17: the two parties who draw up the plan together. */
export const Party = Schema.Literals(["curator", "methodical-department"])
/** @see Party */
export type Party = typeof Party.Type

/** The roles that may act for each party. */
export const partyRoles: { readonly [K in Party]: ReadonlyArray<Role> } = {
  curator: ["curator"],
  "methodical-department": ["methodist", "department-specialist"],
}

// ---------------------------------------------------------------- commands

/** EMD-2.17: drafts (or redrafts, before it is agreed) the plan from the month's sheets. */
export class DraftHelpPlan extends Schema.TaggedClass<DraftHelpPlan>()("DraftHelpPlan", {
  schoolId: OrganisationId,
  month: YearMonth.YearMonth,
  items: Schema.NonEmptyArray(HelpItemInput),
}) {}

/** EMD-2.17: one party agrees to the current draft. */
export class AgreeHelpPlan extends Schema.TaggedClass<AgreeHelpPlan>()("AgreeHelpPlan", {
  party: Party,
}) {}

/** EMD-2.17: an item of the agreed plan is done. */
export class CompleteHelpItem extends Schema.TaggedClass<CompleteHelpItem>()("CompleteHelpItem", {
  itemId: ItemId,
  note: Schema.optionalKey(Name),
}) {}

/** Every command of a plan of targeted help. */
export const HelpPlanCommand = Schema.Union([DraftHelpPlan, AgreeHelpPlan, CompleteHelpItem]).pipe(
  Schema.toTaggedUnion("_tag"),
)
/** @see HelpPlanCommand */
export type HelpPlanCommand = typeof HelpPlanCommand.Type

// ---------------------------------------------------------------- events

/** EMD-2.17: a draft of the plan, replacing any earlier draft and its agreements. */
export class HelpPlanDrafted extends Schema.TaggedClass<HelpPlanDrafted>()("HelpPlanDrafted", {
  schoolId: OrganisationId,
  month: YearMonth.YearMonth,
  items: Schema.NonEmptyArray(HelpItem),
  party: Party,
  by: PersonId,
  at: At,
}) {}

/** EMD-2.17: one party agreed to the current draft. */
export class HelpPlanAgreedBy extends Schema.TaggedClass<HelpPlanAgreedBy>()("HelpPlanAgreedBy", {
  party: Party,
  by: PersonId,
  at: At,
}) {}

/** EMD-2.17: both parties have agreed; the plan is in force. */
export class HelpPlanAgreed extends Schema.TaggedClass<HelpPlanAgreed>()("HelpPlanAgreed", {
  at: At,
}) {}

/** EMD-2.17: an item done; `late` after its due instant. */
export class HelpItemCompleted extends Schema.TaggedClass<HelpItemCompleted>()(
  "HelpItemCompleted",
  { itemId: ItemId, note: Schema.optionalKey(Name), by: PersonId, at: At, late: Schema.Boolean },
) {}

/** Every event of a plan of targeted help. */
export const HelpPlanEvent = Schema.Union([
  HelpPlanDrafted,
  HelpPlanAgreedBy,
  HelpPlanAgreed,
  HelpItemCompleted,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see HelpPlanEvent */
export type HelpPlanEvent = typeof HelpPlanEvent.Type

// ---------------------------------------------------------------- state

/** No draft yet. */
export const NotDrafted = Schema.TaggedStruct("NotDrafted", {})
/** @see NotDrafted */
export type NotDrafted = typeof NotDrafted.Type

const planFields = {
  schoolId: OrganisationId,
  month: YearMonth.YearMonth,
  items: Schema.NonEmptyArray(HelpItem),
}

/** A draft and the parties that have agreed to it so far. */
export const Draft = Schema.TaggedStruct("Draft", { ...planFields, agreedBy: Schema.Array(Party) })
/** @see Draft */
export type Draft = typeof Draft.Type

/** The plan in force. */
export const Agreed = Schema.TaggedStruct("Agreed", { ...planFields, agreedAt: At })
/** @see Agreed */
export type Agreed = typeof Agreed.Type

/** The state of a plan of targeted help. */
export const HelpPlanState = Schema.Union([NotDrafted, Draft, Agreed]).pipe(
  Schema.toTaggedUnion("_tag"),
)
/** @see HelpPlanState */
export type HelpPlanState = typeof HelpPlanState.Type

// ---------------------------------------------------------------- refusals

/** EMD-2.17: no draft exists yet. */
export class HelpPlanNotDrafted extends Schema.TaggedError<HelpPlanNotDrafted>()(
  "HelpPlanNotDrafted",
  { command: Schema.String },
) {
  override get message(): string {
    return `${this.command}: the plan of targeted help has not been drafted yet`
  }
}

/** EMD-2.17: the plan is already in force; it is not redrafted or agreed again. */
export class HelpPlanAlreadyAgreed extends Schema.TaggedError<HelpPlanAlreadyAgreed>()(
  "HelpPlanAlreadyAgreed",
  { command: Schema.String },
) {
  override get message(): string {
    return `${this.command}: the plan of targeted help is already agreed`
  }
}

/** EMD-2.17: this party has already agreed to the current draft. */
export class AlreadyAgreedBy extends Schema.TaggedError<AlreadyAgreedBy>()("AlreadyAgreedBy", {
  party: Party,
}) {
  override get message(): string {
    return `the ${this.party} has already agreed to this draft`
  }
}

/** EMD-2.17: items are done only under an agreed plan. */
export class HelpPlanNotAgreed extends Schema.TaggedError<HelpPlanNotAgreed>()(
  "HelpPlanNotAgreed",
  { missing: Schema.Array(Party) },
) {
  override get message(): string {
    return `the plan is not in force yet: waiting for ${this.missing.join(" and ")}`
  }
}

/** EMD-2.17: no item of the plan has this id, or it is already done. */
export class HelpItemUnavailable extends Schema.TaggedError<HelpItemUnavailable>()(
  "HelpItemUnavailable",
  { itemId: Schema.String, reason: Schema.Literals(["unknown", "already-done"]) },
) {
  override get message(): string {
    return this.reason === "unknown"
      ? `the plan has no item ${this.itemId}`
      : `item ${this.itemId} is already done`
  }
}

/** Every refusal of a plan of targeted help. */
export type HelpPlanError =
  | Forbidden
  | HelpPlanNotDrafted
  | HelpPlanAlreadyAgreed
  | AlreadyAgreedBy
  | HelpPlanNotAgreed
  | HelpItemUnavailable
  | InvalidCommand
  | Dues.DueDatesUnavailable

// ---------------------------------------------------------------- decider

/** The decision context of a plan. */
export type Context = DecisionContext<EmdRegulation>

/**
 * The curator (scoped to the school) and the methodical department (methodists,
 * department specialists) draw up the plan together (EMD-2.17).
 */
export const permissions: PermissionTable<HelpPlanCommand["_tag"]> = {
  DraftHelpPlan: ["curator", "methodist", "department-specialist"],
  AgreeHelpPlan: ["curator", "methodist", "department-specialist"],
  CompleteHelpItem: ["curator", "methodist", "department-specialist"],
}

/** The state of a plan that has no events. */
export const initialState: HelpPlanState = { _tag: "NotDrafted" }

type Decision = Result.Result<ReadonlyArray<HelpPlanEvent>, HelpPlanError>

/** The party an actor acts for: the methodical department when they hold its roles. */
const partyOf = (actor: Actor, schoolId: OrganisationId): Party =>
  partyRoles["methodical-department"].some((r) => hasRole(actor, r, schoolId))
    ? "methodical-department"
    : "curator"

const draft = (command: DraftHelpPlan, context: Context): Decision => {
  const ids = command.items.map((i) => i.itemId)
  const twice = ids.find((id, i) => ids.indexOf(id) !== i)
  if (twice !== undefined) {
    return Result.fail(
      new InvalidCommand({ command: command._tag, reason: `item ${twice} appears twice` }),
    )
  }
  const items: Array<HelpItem> = []
  for (const item of command.items) {
    const due = Dues.endOfWorkingDay(item.dueDate, context.regulation)
    if (Result.isFailure(due)) return Result.fail(due.failure)
    items.push({ ...item, due: due.success })
  }
  return Result.succeed([
    new HelpPlanDrafted({
      schoolId: command.schoolId,
      month: command.month,
      items: items as [HelpItem, ...Array<HelpItem>],
      party: partyOf(context.actor, command.schoolId),
      by: context.actor.personId,
      at: context.now,
    }),
  ])
}

const agree = (command: AgreeHelpPlan, s: Draft, context: Context): Decision => {
  if (!partyRoles[command.party].some((r) => hasRole(context.actor, r, s.schoolId))) {
    return Result.fail(
      new Forbidden({
        command: `${command._tag} as ${command.party}`,
        personId: context.actor.personId,
        needed: [...partyRoles[command.party]],
        organisationId: s.schoolId,
      }),
    )
  }
  if (s.agreedBy.includes(command.party)) {
    return Result.fail(new AlreadyAgreedBy({ party: command.party }))
  }
  const by = new HelpPlanAgreedBy({
    party: command.party,
    by: context.actor.personId,
    at: context.now,
  })
  return Result.succeed(
    s.agreedBy.length + 1 === Party.literals.length
      ? [by, new HelpPlanAgreed({ at: context.now })]
      : [by],
  )
}

const complete = (command: CompleteHelpItem, s: Agreed, context: Context): Decision => {
  const item = s.items.find((i) => i.itemId === command.itemId)
  if (item === undefined || item.done !== undefined) {
    return Result.fail(
      new HelpItemUnavailable({
        itemId: command.itemId,
        reason: item === undefined ? "unknown" : "already-done",
      }),
    )
  }
  return Result.succeed([
    new HelpItemCompleted({
      itemId: command.itemId,
      ...(command.note === undefined ? {} : { note: command.note }),
      by: context.actor.personId,
      at: context.now,
      late: Dues.isLate(context.now, item.due),
    }),
  ])
}

/** Decides a command of a plan of targeted help. */
export const decide = (
  command: HelpPlanCommand,
  state: HelpPlanState,
  context: Context,
): Decision => {
  const scope =
    state._tag !== "NotDrafted"
      ? state.schoolId
      : command._tag === "DraftHelpPlan"
        ? command.schoolId
        : undefined
  const auth = authorize(permissions, command, context.actor, scope)
  if (Result.isFailure(auth)) return Result.fail(auth.failure)
  switch (state._tag) {
    case "NotDrafted":
      return command._tag === "DraftHelpPlan"
        ? draft(command, context)
        : Result.fail(new HelpPlanNotDrafted({ command: command._tag }))
    case "Draft":
      if (command._tag === "DraftHelpPlan") {
        if (command.schoolId !== state.schoolId || command.month !== state.month) {
          return Result.fail(
            new InvalidCommand({
              command: command._tag,
              reason: `this is the plan of ${state.schoolId} for ${state.month}`,
            }),
          )
        }
        return draft(command, context)
      }
      if (command._tag === "AgreeHelpPlan") return agree(command, state, context)
      return Result.fail(
        new HelpPlanNotAgreed({
          missing: Party.literals.filter((p) => !state.agreedBy.includes(p)),
        }),
      )
    case "Agreed":
      return command._tag === "CompleteHelpItem"
        ? complete(command, state, context)
        : Result.fail(new HelpPlanAlreadyAgreed({ command: command._tag }))
  }
}

/** Applies one event of a plan of targeted help; total. */
export const evolve = (state: HelpPlanState, event: HelpPlanEvent): HelpPlanState =>
  HelpPlanEvent.match(event, {
    HelpPlanDrafted: (e): HelpPlanState =>
      state._tag === "Agreed"
        ? state
        : { _tag: "Draft", schoolId: e.schoolId, month: e.month, items: e.items, agreedBy: [] },
    HelpPlanAgreedBy: (e): HelpPlanState =>
      state._tag === "Draft" ? { ...state, agreedBy: [...state.agreedBy, e.party] } : state,
    HelpPlanAgreed: (e): HelpPlanState =>
      state._tag === "Draft"
        ? {
            _tag: "Agreed",
            schoolId: state.schoolId,
            month: state.month,
            items: state.items,
            agreedAt: e.at,
          }
        : state,
    HelpItemCompleted: (e): HelpPlanState =>
      state._tag === "Agreed"
        ? {
            ...state,
            items: state.items.map((i) =>
              i.itemId === e.itemId ? { ...i, done: { at: e.at, late: e.late, by: e.by } } : i,
            ) as [HelpItem, ...Array<HelpItem>],
          }
        : state,
  })

/** The plan of targeted help as a definition the engine runs. */
export const definition: Definition<
  HelpPlanCommand,
  HelpPlanEvent,
  HelpPlanState,
  HelpPlanError,
  Context
> = {
  streamType,
  eventSchema: HelpPlanEvent,
  initialState,
  decide,
  evolve,
}
