/**
 * A teacher's practice for the school year as a decider: after the video seminars and
 * the days, each teacher picks the practice that suits them best and works on it all
 * year (EMD-2.14); during the year they submit their practices by day topic to the
 * department (EMD-2.15), where methodists or specialists review them; accepted ones
 * enter the bank of best practices (EMD-2.2), read by `PracticeBank`.
 *
 * Stream: `emd-practice:<teacher>:<startYear>` ({@link streamId}).
 *
 * @module
 */
import { Result, Schema } from "effect"
import { authorize, type Forbidden, type PermissionTable } from "../Actor.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import { OrganisationId, PersonId, StreamId, TopicId } from "../Ids.ts"
import { Name } from "../kernel/Text.ts"
import { ItemId, Url } from "./CycleMessages.ts"
import { NotOwnRecord } from "./Errors.ts"
import type { EmdRegulation } from "./Regulation.ts"

const At = Schema.DateTimeUtcFromString

/** The stream type of teachers' practices. */
export const streamType = "emd-practice"

/** The stream of `teacher`'s practice in the school year of `startYear`. */
export const streamId = (teacher: PersonId, startYear: number): StreamId =>
  StreamId.make(`${streamType}:${teacher}:${startYear}`)

/** EMD-2.2: the review's verdict: accepted into the bank of best practices, or not. */
export const Verdict = Schema.Literals(["accepted", "rejected"])
/** @see Verdict */
export type Verdict = typeof Verdict.Type

/** EMD-2.15: a practice submitted by topic, and its review once made. */
export const Submission = Schema.Struct({
  submissionId: ItemId,
  topicId: TopicId,
  title: Name,
  summary: Name,
  url: Schema.optionalKey(Url),
  submittedAt: At,
  review: Schema.optionalKey(
    Schema.Struct({ verdict: Verdict, comment: Schema.optionalKey(Name), by: PersonId, at: At }),
  ),
})
/** @see Submission */
export type Submission = typeof Submission.Type

// ---------------------------------------------------------------- commands

/** EMD-2.14: the teacher picks their practice for the year. */
export class ChoosePractice extends Schema.TaggedClass<ChoosePractice>()("ChoosePractice", {
  teacherId: PersonId,
  schoolId: OrganisationId,
  startYear: Schema.Int,
  title: Name,
  description: Schema.optionalKey(Name),
}) {}

/** EMD-2.15: the teacher submits a practice on a day's topic to the department. */
export class SubmitPractice extends Schema.TaggedClass<SubmitPractice>()("SubmitPractice", {
  submissionId: ItemId,
  topicId: TopicId,
  title: Name,
  summary: Name,
  url: Schema.optionalKey(Url),
}) {}

/** EMD-2.2: a methodist or specialist reviews a submission for the bank of best practices. */
export class ReviewSubmission extends Schema.TaggedClass<ReviewSubmission>()("ReviewSubmission", {
  submissionId: ItemId,
  verdict: Verdict,
  comment: Schema.optionalKey(Name),
}) {}

/** Every command of a teacher's practice. */
export const PracticeCommand = Schema.Union([
  ChoosePractice,
  SubmitPractice,
  ReviewSubmission,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see PracticeCommand */
export type PracticeCommand = typeof PracticeCommand.Type

// ---------------------------------------------------------------- events

/** EMD-2.14: the practice chosen for the year. */
export class PracticeChosen extends Schema.TaggedClass<PracticeChosen>()("PracticeChosen", {
  teacherId: PersonId,
  schoolId: OrganisationId,
  startYear: Schema.Int,
  title: Name,
  description: Schema.optionalKey(Name),
  at: At,
}) {}

/** EMD-2.15: a practice submitted on a topic. */
export class PracticeSubmitted extends Schema.TaggedClass<PracticeSubmitted>()(
  "PracticeSubmitted",
  {
    submissionId: ItemId,
    topicId: TopicId,
    title: Name,
    summary: Name,
    url: Schema.optionalKey(Url),
    at: At,
  },
) {}

/** EMD-2.2: a submission reviewed; accepted ones are in the bank of best practices. */
export class SubmissionReviewed extends Schema.TaggedClass<SubmissionReviewed>()(
  "SubmissionReviewed",
  {
    submissionId: ItemId,
    verdict: Verdict,
    comment: Schema.optionalKey(Name),
    by: PersonId,
    at: At,
  },
) {}

/** Every event of a teacher's practice. */
export const PracticeEvent = Schema.Union([
  PracticeChosen,
  PracticeSubmitted,
  SubmissionReviewed,
]).pipe(Schema.toTaggedUnion("_tag"))
/** @see PracticeEvent */
export type PracticeEvent = typeof PracticeEvent.Type

// ---------------------------------------------------------------- state

/** No practice chosen yet. */
export const NotChosen = Schema.TaggedStruct("NotChosen", {})
/** @see NotChosen */
export type NotChosen = typeof NotChosen.Type

/** The chosen practice and the submissions so far, in order. */
export const Chosen = Schema.TaggedStruct("Chosen", {
  teacherId: PersonId,
  schoolId: OrganisationId,
  startYear: Schema.Int,
  title: Name,
  description: Schema.optionalKey(Name),
  submissions: Schema.Array(Submission),
})
/** @see Chosen */
export type Chosen = typeof Chosen.Type

/** The state of a teacher's practice. */
export const PracticeState = Schema.Union([NotChosen, Chosen]).pipe(Schema.toTaggedUnion("_tag"))
/** @see PracticeState */
export type PracticeState = typeof PracticeState.Type

// ---------------------------------------------------------------- refusals

/** EMD-2.14: the practice for the year is chosen once. */
export class PracticeAlreadyChosen extends Schema.TaggedError<PracticeAlreadyChosen>()(
  "PracticeAlreadyChosen",
  { title: Schema.String },
) {
  override get message(): string {
    return `the practice for the year is already chosen: «${this.title}»`
  }
}

/** EMD-2.14, 2.15: practices are submitted after the year's practice is chosen. */
export class PracticeNotChosen extends Schema.TaggedError<PracticeNotChosen>()(
  "PracticeNotChosen",
  { command: Schema.String },
) {
  override get message(): string {
    return `${this.command}: the teacher has not chosen a practice for the year yet`
  }
}

/**
 * EMD-2.15, 2.2: a submission id used twice, a topic that already has a submission
 * waiting or accepted, an unknown submission, or one already reviewed.
 */
export class SubmissionUnavailable extends Schema.TaggedError<SubmissionUnavailable>()(
  "SubmissionUnavailable",
  {
    submissionId: Schema.String,
    reason: Schema.Literals(["id-taken", "topic-taken", "unknown", "already-reviewed"]),
  },
) {
  override get message(): string {
    const why = {
      "id-taken": "already exists",
      "topic-taken": "is on a topic that already has a practice waiting or accepted",
      unknown: "does not exist",
      "already-reviewed": "has already been reviewed",
    }[this.reason]
    return `submission ${this.submissionId} ${why}`
  }
}

/** Every refusal of a teacher's practice. */
export type PracticeError =
  | Forbidden
  | NotOwnRecord
  | PracticeAlreadyChosen
  | PracticeNotChosen
  | SubmissionUnavailable

// ---------------------------------------------------------------- decider

/** The decision context of a teacher's practice. */
export type Context = DecisionContext<EmdRegulation>

/**
 * EMD-2.14, 2.15: the teacher (of the school, and only on their own record) chooses and
 * submits; EMD-2.2: methodists and department specialists review.
 */
export const permissions: PermissionTable<PracticeCommand["_tag"]> = {
  ChoosePractice: ["teacher"],
  SubmitPractice: ["teacher"],
  ReviewSubmission: ["methodist", "department-specialist"],
}

/** The state of a practice that has no events. */
export const initialState: PracticeState = { _tag: "NotChosen" }

type Decision = Result.Result<ReadonlyArray<PracticeEvent>, PracticeError>

const submit = (command: SubmitPractice, s: Chosen, context: Context): Decision => {
  if (s.submissions.some((x) => x.submissionId === command.submissionId)) {
    return Result.fail(
      new SubmissionUnavailable({ submissionId: command.submissionId, reason: "id-taken" }),
    )
  }
  const taken = s.submissions.some(
    (x) => x.topicId === command.topicId && x.review?.verdict !== "rejected",
  )
  if (taken) {
    return Result.fail(
      new SubmissionUnavailable({ submissionId: command.submissionId, reason: "topic-taken" }),
    )
  }
  return Result.succeed([
    new PracticeSubmitted({
      submissionId: command.submissionId,
      topicId: command.topicId,
      title: command.title,
      summary: command.summary,
      ...(command.url === undefined ? {} : { url: command.url }),
      at: context.now,
    }),
  ])
}

const review = (command: ReviewSubmission, s: Chosen, context: Context): Decision => {
  const submission = s.submissions.find((x) => x.submissionId === command.submissionId)
  if (submission === undefined || submission.review !== undefined) {
    return Result.fail(
      new SubmissionUnavailable({
        submissionId: command.submissionId,
        reason: submission === undefined ? "unknown" : "already-reviewed",
      }),
    )
  }
  return Result.succeed([
    new SubmissionReviewed({
      submissionId: command.submissionId,
      verdict: command.verdict,
      ...(command.comment === undefined ? {} : { comment: command.comment }),
      by: context.actor.personId,
      at: context.now,
    }),
  ])
}

/** Decides a command of a teacher's practice. */
export const decide = (
  command: PracticeCommand,
  state: PracticeState,
  context: Context,
): Decision => {
  const scope =
    state._tag === "Chosen"
      ? state.schoolId
      : command._tag === "ChoosePractice"
        ? command.schoolId
        : undefined
  const auth = authorize(permissions, command, context.actor, scope)
  if (Result.isFailure(auth)) return Result.fail(auth.failure)
  const owner =
    state._tag === "Chosen"
      ? state.teacherId
      : command._tag === "ChoosePractice"
        ? command.teacherId
        : undefined
  if (
    command._tag !== "ReviewSubmission" &&
    owner !== undefined &&
    owner !== context.actor.personId
  ) {
    return Result.fail(
      new NotOwnRecord({ command: command._tag, personId: context.actor.personId, ownerId: owner }),
    )
  }
  if (state._tag === "NotChosen") {
    if (command._tag !== "ChoosePractice") {
      return Result.fail(new PracticeNotChosen({ command: command._tag }))
    }
    return Result.succeed([
      new PracticeChosen({
        teacherId: command.teacherId,
        schoolId: command.schoolId,
        startYear: command.startYear,
        title: command.title,
        ...(command.description === undefined ? {} : { description: command.description }),
        at: context.now,
      }),
    ])
  }
  switch (command._tag) {
    case "ChoosePractice":
      return Result.fail(new PracticeAlreadyChosen({ title: state.title }))
    case "SubmitPractice":
      return submit(command, state, context)
    case "ReviewSubmission":
      return review(command, state, context)
  }
}

/** Applies one event of a teacher's practice; total. */
export const evolve = (state: PracticeState, event: PracticeEvent): PracticeState =>
  PracticeEvent.match(event, {
    PracticeChosen: (e): PracticeState =>
      state._tag === "Chosen"
        ? state
        : {
            _tag: "Chosen",
            teacherId: e.teacherId,
            schoolId: e.schoolId,
            startYear: e.startYear,
            title: e.title,
            ...(e.description === undefined ? {} : { description: e.description }),
            submissions: [],
          },
    PracticeSubmitted: (e): PracticeState =>
      state._tag === "Chosen"
        ? {
            ...state,
            submissions: [
              ...state.submissions,
              {
                submissionId: e.submissionId,
                topicId: e.topicId,
                title: e.title,
                summary: e.summary,
                ...(e.url === undefined ? {} : { url: e.url }),
                submittedAt: e.at,
              },
            ],
          }
        : state,
    SubmissionReviewed: (e): PracticeState =>
      state._tag === "Chosen"
        ? {
            ...state,
            submissions: state.submissions.map((x) =>
              x.submissionId === e.submissionId
                ? {
                    ...x,
                    review: {
                      verdict: e.verdict,
                      ...(e.comment === undefined ? {} : { comment: e.comment }),
                      by: e.by,
                      at: e.at,
                    },
                  }
                : x,
            ),
          }
        : state,
  })

/** The teacher's practice as a definition the engine runs. */
export const definition: Definition<
  PracticeCommand,
  PracticeEvent,
  PracticeState,
  PracticeError,
  Context
> = {
  streamType,
  eventSchema: PracticeEvent,
  initialState,
  decide,
  evolve,
}
