/**
 * A small decider used by the engine tests and the decider benchmark: a document's
 * review, with six states and eight events. Not part of the public API.
 */
import { Result, Schema } from "effect"
import { authorize, type Forbidden, type PermissionTable } from "../src/Actor.ts"
import type { DecisionContext, Definition } from "../src/Decider.ts"

export class Draft extends Schema.TaggedClass<Draft>()("Draft", { title: Schema.String }) {}
export class Submit extends Schema.TaggedClass<Submit>()("Submit", {}) {}
export class StartReview extends Schema.TaggedClass<StartReview>()("StartReview", {}) {}
export class RequestChanges extends Schema.TaggedClass<RequestChanges>()("RequestChanges", {
  note: Schema.String,
}) {}
export class Approve extends Schema.TaggedClass<Approve>()("Approve", {}) {}
export class Publish extends Schema.TaggedClass<Publish>()("Publish", {}) {}
export class Archive extends Schema.TaggedClass<Archive>()("Archive", {}) {}
export class Comment extends Schema.TaggedClass<Comment>()("Comment", { text: Schema.String }) {}

export const ReviewCommand = Schema.Union([
  Draft,
  Submit,
  StartReview,
  RequestChanges,
  Approve,
  Publish,
  Archive,
  Comment,
])
export type ReviewCommand = typeof ReviewCommand.Type

export class Drafted extends Schema.TaggedClass<Drafted>()("Drafted", { title: Schema.String }) {}
export class Submitted extends Schema.TaggedClass<Submitted>()("Submitted", {}) {}
export class ReviewStarted extends Schema.TaggedClass<ReviewStarted>()("ReviewStarted", {}) {}
export class ChangesRequested extends Schema.TaggedClass<ChangesRequested>()("ChangesRequested", {
  note: Schema.String,
}) {}
export class Resubmitted extends Schema.TaggedClass<Resubmitted>()("Resubmitted", {}) {}
export class Approved extends Schema.TaggedClass<Approved>()("Approved", {}) {}
export class Published extends Schema.TaggedClass<Published>()("Published", {}) {}
export class Commented extends Schema.TaggedClass<Commented>()("Commented", {
  text: Schema.String,
}) {}

export const ReviewEvent = Schema.Union([
  Drafted,
  Submitted,
  ReviewStarted,
  ChangesRequested,
  Resubmitted,
  Approved,
  Published,
  Commented,
])
export type ReviewEvent = typeof ReviewEvent.Type

export type ReviewStatus =
  | "none"
  | "draft"
  | "submitted"
  | "in-review"
  | "changes"
  | "approved"
  | "published"

export interface ReviewState {
  readonly status: ReviewStatus
  readonly title: string
  readonly comments: number
}

export class WrongState extends Schema.TaggedError<WrongState>()("WrongState", {
  command: Schema.String,
  status: Schema.String,
}) {
  override get message(): string {
    return `${this.command} is not allowed while the document is ${this.status}`
  }
}

const permissions: PermissionTable<ReviewCommand["_tag"]> = {
  Draft: ["teacher"],
  Submit: ["teacher"],
  StartReview: ["methodist"],
  RequestChanges: ["methodist"],
  Approve: ["methodist"],
  Publish: ["municipal-coordinator"],
  Archive: ["municipal-coordinator"],
  Comment: ["teacher", "methodist"],
}

const allowed: { readonly [K in ReviewCommand["_tag"]]: ReadonlyArray<ReviewStatus> } = {
  Draft: ["none"],
  Submit: ["draft", "changes"],
  StartReview: ["submitted"],
  RequestChanges: ["in-review"],
  Approve: ["in-review"],
  Publish: ["approved"],
  Archive: [],
  Comment: ["draft", "submitted", "in-review", "changes", "approved"],
}

const eventFor = (command: ReviewCommand, state: ReviewState): ReviewEvent => {
  switch (command._tag) {
    case "Draft":
      return new Drafted({ title: command.title })
    case "Submit":
      return state.status === "changes" ? new Resubmitted({}) : new Submitted({})
    case "StartReview":
      return new ReviewStarted({})
    case "RequestChanges":
      return new ChangesRequested({ note: command.note })
    case "Approve":
      return new Approved({})
    case "Publish":
    case "Archive":
      return new Published({})
    case "Comment":
      return new Commented({ text: command.text })
  }
}

export const decide = (
  command: ReviewCommand,
  state: ReviewState,
  context: DecisionContext<unknown>,
): Result.Result<ReadonlyArray<ReviewEvent>, WrongState | Forbidden> => {
  const auth = authorize(permissions, command, context.actor)
  if (Result.isFailure(auth)) return Result.fail(auth.failure)
  if (!allowed[command._tag].includes(state.status)) {
    return Result.fail(new WrongState({ command: command._tag, status: state.status }))
  }
  return Result.succeed([eventFor(command, state)])
}

export const evolve = (state: ReviewState, event: ReviewEvent): ReviewState => {
  switch (event._tag) {
    case "Drafted":
      return { status: "draft", title: event.title, comments: 0 }
    case "Submitted":
    case "Resubmitted":
      return { ...state, status: "submitted" }
    case "ReviewStarted":
      return { ...state, status: "in-review" }
    case "ChangesRequested":
      return { ...state, status: "changes" }
    case "Approved":
      return { ...state, status: "approved" }
    case "Published":
      return { ...state, status: "published" }
    case "Commented":
      return { ...state, comments: state.comments + 1 }
  }
}

export const initialState: ReviewState = { status: "none", title: "", comments: 0 }

export const definition: Definition<
  ReviewCommand,
  ReviewEvent,
  ReviewState,
  WrongState | Forbidden,
  DecisionContext<unknown>
> = {
  streamType: "review",
  eventSchema: ReviewEvent,
  initialState,
  decide,
  evolve,
}
