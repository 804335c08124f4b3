/**
 * The monthly progress sheet (лист продвижения) of a school as a decider (EMD-2.16):
 * at the end of each month the school leader submits it to the methodical department,
 * by the end of the month's last working day, local time; a late sheet is accepted and
 * marked late. Methodists assess the participants' professional growth from it
 * (EMD-2.18), and the deficits it notes are recorded for progress tracking (EMD-2.1).
 *
 * Stream: `emd-sheet:<school>:<YYYY-MM>` ({@link streamId}).
 *
 * @module
 */
import { DateTime, Result, Schema } from "effect"
import { authorize, type Forbidden, type PermissionTable } from "../Actor.ts"
import * as Deadline from "../calendar/Deadline.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import { OrganisationId, PersonId, StreamId } from "../Ids.ts"
import { Name } from "../kernel/Text.ts"
import { DeficitArea } from "./Deficit.ts"
import * as Dues from "./Dues.ts"
import { InvalidCommand } from "./Errors.ts"
import { type EmdRegulation, zoneOf } from "./Regulation.ts"
import * as YearMonth from "./YearMonth.ts"

const At = Schema.DateTimeUtcFromString

/** The stream type of progress sheets. */
export const streamType = "emd-sheet"

/** The stream of `school`'s sheet for `month`: `emd-sheet:<school>:<YYYY-MM>`. */
export const streamId = (school: OrganisationId, month: YearMonth.YearMonth): StreamId =>
  StreamId.make(`${streamType}:${school}:${month}`)

// ---------------------------------------------------------------- values

/** EMD-2.1: a deficit noted for the person of a sheet entry. */
export const EntryDeficit = Schema.Struct({ area: DeficitArea, description: Name })
/** @see EntryDeficit */
export type EntryDeficit = typeof EntryDeficit.Type

/**
 * EMD-2.16: one participant's line of the sheet: their progress this month, the practice
 * they work on (EMD-2.14) and the deficits noticed (EMD-2.1).
 */
export const SheetEntry = Schema.Struct({
  personId: PersonId,
  role: Schema.Literals(["leader", "teacher"]),
  progress: Name,
  practice: Schema.optionalKey(Name),
  deficits: Schema.Array(EntryDeficit),
})
/** @see SheetEntry */
export type SheetEntry = typeof SheetEntry.Type

/**
 * EMD-2.18: a methodist's assessment of one participant's professional growth
 * (профессионально-личностный рост): decline (снижение), none (нет динамики),
 * moderate (умеренный рост), significant (значительный рост).
 */
export const GrowthLevel = Schema.Literals(["decline", "none", "moderate", "significant"])
/** @see GrowthLevel */
export type GrowthLevel = typeof GrowthLevel.Type

/** EMD-2.18: the growth assessed for one participant of the sheet. */
export const Assessment = Schema.Struct({
  personId: PersonId,
  level: GrowthLevel,
  comment: Schema.optionalKey(Name),
})
/** @see Assessment */
export type Assessment = typeof Assessment.Type

// ---------------------------------------------------------------- commands

/** EMD-2.16: the school leader submits the month's sheet. */
export class SubmitSheet extends Schema.TaggedClass<SubmitSheet>()("SubmitSheet", {
  schoolId: OrganisationId,
  month: YearMonth.YearMonth,
  entries: Schema.NonEmptyArray(SheetEntry),
}) {}

/** EMD-2.18: a methodist assesses the participants' growth from the sheet. */
export class AssessGrowth extends Schema.TaggedClass<AssessGrowth>()("AssessGrowth", {
  assessments: Schema.NonEmptyArray(Assessment),
}) {}

/** Every command of a progress sheet. */
export const SheetCommand = Schema.Union([SubmitSheet, AssessGrowth]).pipe(
  Schema.toTaggedUnion("_tag"),
)
/** @see SheetCommand */
export type SheetCommand = typeof SheetCommand.Type

// ---------------------------------------------------------------- events

/** EMD-2.16: the sheet submitted, with its due instant and whether it was late. */
export class SheetSubmitted extends Schema.TaggedClass<SheetSubmitted>()("SheetSubmitted", {
  schoolId: OrganisationId,
  month: YearMonth.YearMonth,
  entries: Schema.NonEmptyArray(SheetEntry),
  due: Dues.Due,
  late: Schema.Boolean,
  by: PersonId,
  at: At,
}) {}

/** EMD-2.18: growth assessed. */
export class GrowthAssessed extends Schema.TaggedClass<GrowthAssessed>()("GrowthAssessed", {
  assessments: Schema.NonEmptyArray(Assessment),
  by: PersonId,
  at: At,
}) {}

/** Every event of a progress sheet. */
export const SheetEvent = Schema.Union([SheetSubmitted, GrowthAssessed]).pipe(
  Schema.toTaggedUnion("_tag"),
)
/** @see SheetEvent */
export type SheetEvent = typeof SheetEvent.Type

// ---------------------------------------------------------------- state

/** A sheet not submitted yet. */
export const NotSubmitted = Schema.TaggedStruct("NotSubmitted", {})
/** @see NotSubmitted */
export type NotSubmitted = typeof NotSubmitted.Type

/** A submitted sheet, with the assessment once made. */
export const Submitted = Schema.TaggedStruct("Submitted", {
  schoolId: OrganisationId,
  month: YearMonth.YearMonth,
  entries: Schema.NonEmptyArray(SheetEntry),
  due: Dues.Due,
  late: Schema.Boolean,
  by: PersonId,
  at: At,
  assessment: Schema.optionalKey(
    Schema.Struct({ assessments: Schema.NonEmptyArray(Assessment), by: PersonId, at: At }),
  ),
})
/** @see Submitted */
export type Submitted = typeof Submitted.Type

/** The state of a progress sheet. */
export const SheetState = Schema.Union([NotSubmitted, Submitted]).pipe(Schema.toTaggedUnion("_tag"))
/** @see SheetState */
export type SheetState = typeof SheetState.Type

// ---------------------------------------------------------------- refusals

/** EMD-2.16: the month's sheet has already been submitted. */
export class SheetAlreadySubmitted extends Schema.TaggedError<SheetAlreadySubmitted>()(
  "SheetAlreadySubmitted",
  { schoolId: Schema.String, month: Schema.String },
) {
  override get message(): string {
    return `the progress sheet of ${this.schoolId} for ${this.month} has already been submitted (лист продвижения уже представлен)`
  }
}

/** EMD-2.16: a sheet cannot be submitted before its month begins (local time). */
export class SheetNotOpenYet extends Schema.TaggedError<SheetNotOpenYet>()("SheetNotOpenYet", {
  month: Schema.String,
  opensAt: Schema.String,
}) {
  override get message(): string {
    return `the progress sheet for ${this.month} can be submitted from ${this.opensAt}`
  }
}

/** EMD-2.18: growth is assessed from a submitted sheet only. */
export class SheetNotSubmitted extends Schema.TaggedError<SheetNotSubmitted>()(
  "SheetNotSubmitted",
  { command: Schema.String },
) {
  override get message(): string {
    return `${this.command}: the progress sheet has not been submitted yet`
  }
}

/** EMD-2.18: the sheet's growth has already been assessed. */
export class GrowthAlreadyAssessed extends Schema.TaggedError<GrowthAlreadyAssessed>()(
  "GrowthAlreadyAssessed",
  { by: Schema.String },
) {
  override get message(): string {
    return `growth has already been assessed from this sheet by ${this.by}`
  }
}

/** Every refusal of a progress sheet. */
export type SheetError =
  | Forbidden
  | SheetAlreadySubmitted
  | SheetNotOpenYet
  | SheetNotSubmitted
  | GrowthAlreadyAssessed
  | InvalidCommand
  | Dues.DueDatesUnavailable

// ---------------------------------------------------------------- decider

/** The decision context of a sheet. */
export type Context = DecisionContext<EmdRegulation>

/** EMD-2.16: the leader submits, scoped to the school; EMD-2.18: a methodist assesses. */
export const permissions: PermissionTable<SheetCommand["_tag"]> = {
  SubmitSheet: ["school-leader"],
  AssessGrowth: ["methodist"],
}

/** The state of a sheet that has no events. */
export const initialState: SheetState = { _tag: "NotSubmitted" }

type Decision = Result.Result<ReadonlyArray<SheetEvent>, SheetError>

const duplicate = (ids: ReadonlyArray<string>): string | undefined =>
  ids.find((id, i) => ids.indexOf(id) !== i)

const submit = (command: SubmitSheet, context: Context): Decision => {
  const twice = duplicate(command.entries.map((e) => e.personId))
  if (twice !== undefined) {
    return Result.fail(
      new InvalidCommand({ command: command._tag, reason: `${twice} has two entries` }),
    )
  }
  const opens = DateTime.toUtc(
    Deadline.startOfDay(YearMonth.firstDay(command.month), zoneOf(context.regulation)),
  )
  if (DateTime.isLessThan(context.now, opens)) {
    return Result.fail(
      new SheetNotOpenYet({ month: command.month, opensAt: DateTime.formatIso(opens) }),
    )
  }
  const due = Dues.sheetDue(command.month, context.regulation)
  if (Result.isFailure(due)) return Result.fail(due.failure)
  return Result.succeed([
    new SheetSubmitted({
      schoolId: command.schoolId,
      month: command.month,
      entries: command.entries,
      due: due.success,
      late: Dues.isLate(context.now, due.success),
      by: context.actor.personId,
      at: context.now,
    }),
  ])
}

const assess = (command: AssessGrowth, s: Submitted, context: Context): Decision => {
  if (s.assessment !== undefined) {
    return Result.fail(new GrowthAlreadyAssessed({ by: s.assessment.by }))
  }
  const twice = duplicate(command.assessments.map((a) => a.personId))
  if (twice !== undefined) {
    return Result.fail(
      new InvalidCommand({ command: command._tag, reason: `${twice} is assessed twice` }),
    )
  }
  const stranger = command.assessments.find(
    (a) => !s.entries.some((e) => e.personId === a.personId),
  )
  if (stranger !== undefined) {
    return Result.fail(
      new InvalidCommand({
        command: command._tag,
        reason: `${stranger.personId} has no entry in the sheet`,
      }),
    )
  }
  return Result.succeed([
    new GrowthAssessed({
      assessments: command.assessments,
      by: context.actor.personId,
      at: context.now,
    }),
  ])
}

/** Decides a command of a progress sheet. */
export const decide = (command: SheetCommand, state: SheetState, context: Context): Decision => {
  const school = command._tag === "SubmitSheet" ? command.schoolId : undefined
  const scope = state._tag === "Submitted" ? state.schoolId : school
  const auth = authorize(permissions, command, context.actor, scope)
  if (Result.isFailure(auth)) return Result.fail(auth.failure)
  if (state._tag === "NotSubmitted") {
    return command._tag === "SubmitSheet"
      ? submit(command, context)
      : Result.fail(new SheetNotSubmitted({ command: command._tag }))
  }
  return command._tag === "SubmitSheet"
    ? Result.fail(new SheetAlreadySubmitted({ schoolId: state.schoolId, month: state.month }))
    : assess(command, state, context)
}

/** Applies one event of a progress sheet; total. */
export const evolve = (state: SheetState, event: SheetEvent): SheetState => {
  if (event._tag === "SheetSubmitted") {
    if (state._tag === "Submitted") return state
    return {
      _tag: "Submitted",
      schoolId: event.schoolId,
      month: event.month,
      entries: event.entries,
      due: event.due,
      late: event.late,
      by: event.by,
      at: event.at,
    }
  }
  if (state._tag === "NotSubmitted") return state
  return { ...state, assessment: { assessments: event.assessments, by: event.by, at: event.at } }
}

/** The progress sheet as a definition the engine runs. */
export const definition: Definition<SheetCommand, SheetEvent, SheetState, SheetError, Context> = {
  streamType,
  eventSchema: SheetEvent,
  initialState,
  decide,
  evolve,
}
