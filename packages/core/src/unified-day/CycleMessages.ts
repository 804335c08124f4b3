/**
 * The commands, events, states and refusals of one school's weekly cycle of the unified
 * methodical day (EMD-2.7–2.13): one stream per school and day T
 * (`emd-cycle:<school>:<T>`). All are Effect Schema tagged unions, so they decode
 * untrusted input, encode to JSON and can be generated for tests. The decider is in
 * `Cycle.ts`.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { OrganisationId, PersonId, TopicId } from "../Ids.ts"
import { Name } from "../kernel/Text.ts"
import { DeficitNote } from "./Deficit.ts"
import { CycleDues, CycleStep, Due } from "./Dues.ts"

// ---------------------------------------------------------------- values

/** A link to a web resource (a video seminar, a material): `http(s)://…`. */
export const Url = Schema.String.check(
  Schema.isMaxLength(2000, { message: "must be at most 2000 characters" }),
  Schema.isPattern(/^https?:\/\/\S+$/, { message: "must be an http(s) link" }),
)
/** @see Url */
export type Url = typeof Url.Type

/** EMD-1.6, 2.7: a video seminar of the regional institute (видеосеминар) with its link. */
export const Seminar = Schema.Struct({ title: Name, url: Url })
/** @see Seminar */
export type Seminar = typeof Seminar.Type

/**
 * EMD-1.4: the form a school chooses for its day (форма проведения ЕМД). The catalogue
 * names the usual forms; `other` with a title covers anything else.
 */
export const DayFormKind = Schema.Literals([
  "seminar",
  "workshop",
  "round-table",
  "open-lessons",
  "master-class",
  "pedagogical-council",
  "methodical-association",
  "other",
])
/** @see DayFormKind */
export type DayFormKind = typeof DayFormKind.Type

/** EMD-1.4, 2.8: a form with an optional title («Педсовет-практикум»). */
export const DayForm = Schema.Struct({
  kind: DayFormKind,
  title: Schema.optionalKey(Name),
})
/** @see DayForm */
export type DayForm = typeof DayForm.Type

const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/** EMD-1.3, 2.12: who took part in the day: leaders and teachers, counted and named. */
export const Participants = Schema.Struct({
  leaders: Count,
  teachers: Count,
  people: Schema.Array(PersonId),
})
/** @see Participants */
export type Participants = typeof Participants.Type

/** A short identifier of an item within its decision or plan (`1`, `1.a`, `read-fgos`). */
export const ItemId = Schema.String.check(
  Schema.isMinLength(1, { message: "must not be empty" }),
  Schema.isMaxLength(50, { message: "must be at most 50 characters" }),
  Schema.isPattern(/^[\p{L}\p{N}_.-]+$/u, {
    message: "may contain only letters, digits and _ . -",
  }),
)
/** @see ItemId */
export type ItemId = typeof ItemId.Type

/** EMD-2.13: an item of the day's decision: what, by when, who carries it out. */
export const DecisionItemInput = Schema.Struct({
  itemId: ItemId,
  text: Name,
  dueDate: LocalDate.LocalDate,
  ownerId: Schema.optionalKey(PersonId),
})
/** @see DecisionItemInput */
export type DecisionItemInput = typeof DecisionItemInput.Type

/** EMD-2.13: a decision item as recorded, with its due instant in the district's zone. */
export const DecisionItem = Schema.Struct({ ...DecisionItemInput.fields, due: Due })
/** @see DecisionItem */
export type DecisionItem = typeof DecisionItem.Type

/** EMD-2.13: how the responsible person finds an item when controlling it. */
export const ItemStatus = Schema.Literals(["open", "in-progress", "done", "not-done"])
/** @see ItemStatus */
export type ItemStatus = typeof ItemStatus.Type

/** Why a day is cancelled: quarantine, a newly declared non-working day, or another reason. */
export const CancelReason = Schema.Literals(["quarantine", "non-working-day", "other"])
/** @see CancelReason */
export type CancelReason = typeof CancelReason.Type

const Note = Schema.optionalKey(Name)
const At = Schema.DateTimeUtcFromString

// ---------------------------------------------------------------- commands

/**
 * Opens the cycle of `schoolId` for the day on `date`, fixing its due instants from the
 * regulation in force. `lowResults` marks a school whose participation is mandatory
 * (EMD-1.3). Issued by the coordinator or the system, usually for every participating
 * school at once (see `Week.openWeek`).
 */
export class OpenCycle extends Schema.TaggedClass<OpenCycle>()("OpenCycle", {
  schoolId: OrganisationId,
  date: LocalDate.LocalDate,
  lowResults: Schema.Boolean,
  topicId: Schema.optionalKey(TopicId),
}) {}

/** EMD-2.7: the coordinator issues the video-seminar links and discussion questions. */
export class IssueMaterials extends Schema.TaggedClass<IssueMaterials>()("IssueMaterials", {
  seminars: Schema.NonEmptyArray(Seminar),
  questions: Schema.Array(Name),
}) {}

/** EMD-1.4, 2.8: the leader or the responsible person chooses the form of the day. */
export class ChooseForm extends Schema.TaggedClass<ChooseForm>()("ChooseForm", {
  form: DayForm,
}) {}

/**
 * EMD-2.9: the coordinator records who of the school attended the Friday videoconference;
 * nobody (an empty list) records that the school was absent.
 */
export class RecordVideoconference extends Schema.TaggedClass<RecordVideoconference>()(
  "RecordVideoconference",
  { attendees: Schema.Array(PersonId) },
) {}

/** EMD-2.10: the school sends its questions on the video seminars to the coordinator. */
export class SubmitQuestions extends Schema.TaggedClass<SubmitQuestions>()("SubmitQuestions", {
  questions: Schema.NonEmptyArray(Name),
}) {}

/** EMD-2.12: the school records that the day was held, in which form and with whom. */
export class HoldDay extends Schema.TaggedClass<HoldDay>()("HoldDay", {
  form: DayForm,
  participants: Participants,
}) {}

/**
 * EMD-2.12, 2.13, 2.1: the school sends the day's decision to the coordinator, with the
 * items to carry out and the deficits the day brought to light.
 */
export class SendDecision extends Schema.TaggedClass<SendDecision>()("SendDecision", {
  summary: Name,
  items: Schema.Array(DecisionItemInput),
  deficits: Schema.Array(DeficitNote),
}) {}

/** EMD-2.13: the responsible person records how a decision item is carried out. */
export class ControlDecisionItem extends Schema.TaggedClass<ControlDecisionItem>()(
  "ControlDecisionItem",
  {
    itemId: ItemId,
    status: Schema.Literals(["in-progress", "done", "not-done"]),
    note: Note,
  },
) {}

/** The day is cancelled for this school (quarantine, a new non-working day, …). */
export class CancelDay extends Schema.TaggedClass<CancelDay>()("CancelDay", {
  reason: CancelReason,
  note: Note,
}) {}

/**
 * The day moves to another date for this school; the dues of the steps not yet done are
 * computed afresh for the new date.
 */
export class RescheduleDay extends Schema.TaggedClass<RescheduleDay>()("RescheduleDay", {
  to: LocalDate.LocalDate,
  reason: CancelReason,
  note: Note,
}) {}

/** Every command of the weekly cycle. */
export const CycleCommand = Schema.Union([
  OpenCycle,
  IssueMaterials,
  ChooseForm,
  RecordVideoconference,
  SubmitQuestions,
  HoldDay,
  SendDecision,
  ControlDecisionItem,
  CancelDay,
  RescheduleDay,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see CycleCommand */
export type CycleCommand = typeof CycleCommand.Type

// ---------------------------------------------------------------- events

/** The cycle opened, with the due instants fixed from the regulation then in force. */
export class CycleOpened extends Schema.TaggedClass<CycleOpened>()("CycleOpened", {
  schoolId: OrganisationId,
  date: LocalDate.LocalDate,
  lowResults: Schema.Boolean,
  topicId: Schema.optionalKey(TopicId),
  dues: CycleDues,
  at: At,
}) {}

/** EMD-2.7: materials issued; `late` when after the due instant. */
export class MaterialsIssued extends Schema.TaggedClass<MaterialsIssued>()("MaterialsIssued", {
  seminars: Schema.NonEmptyArray(Seminar),
  questions: Schema.Array(Name),
  at: At,
  late: Schema.Boolean,
}) {}

/** EMD-1.4, 2.8: the form chosen (again, when it changes before the day). */
export class FormChosen extends Schema.TaggedClass<FormChosen>()("FormChosen", {
  form: DayForm,
  by: PersonId,
  at: At,
}) {}

/** EMD-2.9: the school's attendance at the videoconference. */
export class VideoconferenceRecorded extends Schema.TaggedClass<VideoconferenceRecorded>()(
  "VideoconferenceRecorded",
  { attendees: Schema.Array(PersonId), at: At },
) {}

/** EMD-2.10: questions received; `late` when after Monday T−3 11:00 local time. */
export class QuestionsSubmitted extends Schema.TaggedClass<QuestionsSubmitted>()(
  "QuestionsSubmitted",
  { questions: Schema.NonEmptyArray(Name), by: PersonId, at: At, late: Schema.Boolean },
) {}

/** EMD-2.12: the day held, with its form and participants. */
export class DayHeld extends Schema.TaggedClass<DayHeld>()("DayHeld", {
  form: DayForm,
  participants: Participants,
  by: PersonId,
  at: At,
}) {}

/** EMD-2.12, 2.13, 2.1: the decision sent, with items and deficits; `late` after its due. */
export class DecisionSent extends Schema.TaggedClass<DecisionSent>()("DecisionSent", {
  summary: Name,
  items: Schema.Array(DecisionItem),
  deficits: Schema.Array(DeficitNote),
  by: PersonId,
  at: At,
  late: Schema.Boolean,
}) {}

/** EMD-2.13: an item controlled; `late` when it is done after its due instant. */
export class DecisionItemControlled extends Schema.TaggedClass<DecisionItemControlled>()(
  "DecisionItemControlled",
  {
    itemId: ItemId,
    status: Schema.Literals(["in-progress", "done", "not-done"]),
    note: Note,
    by: PersonId,
    at: At,
    late: Schema.Boolean,
  },
) {}

/** The day cancelled for this school. */
export class DayCancelled extends Schema.TaggedClass<DayCancelled>()("DayCancelled", {
  reason: CancelReason,
  note: Note,
  by: PersonId,
  at: At,
}) {}

/** The day moved to `to`, with the dues for the new date. */
export class DayRescheduled extends Schema.TaggedClass<DayRescheduled>()("DayRescheduled", {
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  reason: CancelReason,
  note: Note,
  dues: CycleDues,
  by: PersonId,
  at: At,
}) {}

/** Every event of the weekly cycle. */
export const CycleEvent = Schema.Union([
  CycleOpened,
  MaterialsIssued,
  FormChosen,
  VideoconferenceRecorded,
  QuestionsSubmitted,
  DayHeld,
  DecisionSent,
  DecisionItemControlled,
  DayCancelled,
  DayRescheduled,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see CycleEvent */
export type CycleEvent = typeof CycleEvent.Type

// ---------------------------------------------------------------- state

/** A step done, when, and whether late. */
export const StepRecord = Schema.Struct({ at: At, late: Schema.Boolean })
/** @see StepRecord */
export type StepRecord = typeof StepRecord.Type

/** EMD-2.13: a decision item with its current status. */
export const ControlledItem = Schema.Struct({
  ...DecisionItem.fields,
  status: ItemStatus,
  /** When it was last controlled. */
  controlledAt: Schema.optionalKey(At),
  /** Whether it was done after its due instant. */
  doneLate: Schema.Boolean,
})
/** @see ControlledItem */
export type ControlledItem = typeof ControlledItem.Type

const cycleFields = {
  schoolId: OrganisationId,
  /** The date the day is held on now (after any reschedule). */
  date: LocalDate.LocalDate,
  /** The date the cycle was opened for: the stream's date. */
  plannedDate: LocalDate.LocalDate,
  lowResults: Schema.Boolean,
  topicId: Schema.optionalKey(TopicId),
  dues: CycleDues,
  materials: Schema.optionalKey(
    Schema.Struct({
      ...StepRecord.fields,
      seminars: Schema.Array(Seminar),
      questions: Schema.Array(Name),
    }),
  ),
  form: Schema.optionalKey(Schema.Struct({ form: DayForm, by: PersonId, at: At })),
  videoconference: Schema.optionalKey(Schema.Struct({ attendees: Schema.Array(PersonId), at: At })),
  questions: Schema.optionalKey(
    Schema.Struct({ ...StepRecord.fields, questions: Schema.Array(Name), by: PersonId }),
  ),
  day: Schema.optionalKey(
    Schema.Struct({ form: DayForm, participants: Participants, by: PersonId, at: At }),
  ),
  decision: Schema.optionalKey(
    Schema.Struct({
      ...StepRecord.fields,
      summary: Name,
      items: Schema.Array(ControlledItem),
      deficits: Schema.Array(DeficitNote),
      by: PersonId,
    }),
  ),
  reschedules: Schema.Array(
    Schema.Struct({ from: LocalDate.LocalDate, to: LocalDate.LocalDate, reason: CancelReason }),
  ),
}

/** A cycle that has not been opened: the state of an empty stream. */
export const NotOpened = Schema.TaggedStruct("NotOpened", {})
/** @see NotOpened */
export type NotOpened = typeof NotOpened.Type

/** An opened cycle, before and after the day is held. */
export const Open = Schema.TaggedStruct("Open", cycleFields)
/** @see Open */
export type Open = typeof Open.Type

/** A cancelled cycle: terminal. */
export const Cancelled = Schema.TaggedStruct("Cancelled", {
  ...cycleFields,
  cancellation: Schema.Struct({ reason: CancelReason, note: Note, by: PersonId, at: At }),
})
/** @see Cancelled */
export type Cancelled = typeof Cancelled.Type

/** The state of a weekly cycle. */
export const CycleState = Schema.Union([NotOpened, Open, Cancelled]).pipe(
  Schema.toTaggedUnion("_tag"),
)
/** @see CycleState */
export type CycleState = typeof CycleState.Type

// ---------------------------------------------------------------- refusals

const stepDoneRu: { readonly [K in CycleStep]: string } = {
  materials: "материалы уже выданы",
  form: "форма уже выбрана",
  videoconference: "участие в ВКС уже отмечено",
  questions: "вопросы уже отправлены",
  day: "ЕМД уже проведён",
  decision: "решение уже направлено",
}

/** A command other than `OpenCycle` on a cycle that has not been opened. */
export class CycleNotOpened extends Schema.TaggedError<CycleNotOpened>()("CycleNotOpened", {
  command: Schema.String,
}) {
  override get message(): string {
    return `${this.command}: the cycle has not been opened yet; open it with OpenCycle first`
  }
}

/** `OpenCycle` on a cycle that is already open. */
export class CycleAlreadyOpened extends Schema.TaggedError<CycleAlreadyOpened>()(
  "CycleAlreadyOpened",
  { schoolId: Schema.String, date: Schema.String },
) {
  override get message(): string {
    return `the cycle of ${this.schoolId} for ${this.date} is already open`
  }
}

/**
 * EMD-2.7–2.13: a step that is done once was already done; the message says which, in
 * Russian too («вопросы уже отправлены»).
 */
export class StepAlreadyDone extends Schema.TaggedError<StepAlreadyDone>()("StepAlreadyDone", {
  step: CycleStep,
}) {
  override get message(): string {
    return `${this.step} is already done (${stepDoneRu[this.step]})`
  }
}

/**
 * EMD-2.8, 2.12, 2.13: a step needs an earlier one first (the form is chosen after
 * watching the materials; the decision follows the day).
 */
export class PrerequisiteMissing extends Schema.TaggedError<PrerequisiteMissing>()(
  "PrerequisiteMissing",
  { command: Schema.String, missing: CycleStep },
) {
  override get message(): string {
    return `${this.command} needs the step "${this.missing}" to be done first`
  }
}

/** EMD-2.12: the day cannot be recorded as held before it starts (local time). */
export class StepNotOpenYet extends Schema.TaggedError<StepNotOpenYet>()("StepNotOpenYet", {
  step: CycleStep,
  opensAt: Schema.String,
}) {
  override get message(): string {
    return `${this.step} cannot be recorded before ${this.opensAt}`
  }
}

/** EMD-1.4, 2.8: the form is chosen before the day; once the day has started it is closed. */
export class StepClosed extends Schema.TaggedError<StepClosed>()("StepClosed", {
  step: CycleStep,
  closedAt: Schema.String,
}) {
  override get message(): string {
    return `${this.step} closed at ${this.closedAt}`
  }
}

/** A command on a cancelled cycle: nothing more happens in it. */
export class CycleCancelled extends Schema.TaggedError<CycleCancelled>()("CycleCancelled", {
  command: Schema.String,
  reason: CancelReason,
}) {
  override get message(): string {
    return `${this.command}: the day was cancelled (${this.reason})`
  }
}

/** A held day cannot be cancelled or moved. */
export class DayAlreadyHeld extends Schema.TaggedError<DayAlreadyHeld>()("DayAlreadyHeld", {
  command: Schema.String,
  date: Schema.String,
}) {
  override get message(): string {
    return `${this.command}: the day of ${this.date} has already been held`
  }
}

/** EMD-2.13: no item of the decision has this id. */
export class UnknownDecisionItem extends Schema.TaggedError<UnknownDecisionItem>()(
  "UnknownDecisionItem",
  { itemId: Schema.String, known: Schema.Array(Schema.String) },
) {
  override get message(): string {
    return `the decision has no item ${this.itemId} (items: ${this.known.join(", ") || "none"})`
  }
}

/** EMD-2.13: an item found done or not done is closed; its status no longer changes. */
export class DecisionItemClosed extends Schema.TaggedError<DecisionItemClosed>()(
  "DecisionItemClosed",
  { itemId: Schema.String, status: ItemStatus },
) {
  override get message(): string {
    return `decision item ${this.itemId} is already closed as ${this.status}`
  }
}
