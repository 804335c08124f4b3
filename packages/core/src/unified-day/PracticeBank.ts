/**
 * The bank of best practices (банк лучших практик, EMD-2.2, 2.15) and the teachers'
 * chosen practices for the year (EMD-2.14), as a read model folded from the teachers'
 * practice streams. A practice enters the bank when its review accepts it; the bank is
 * what the district's exchange of positive practice draws on (EMD-2.4).
 *
 * @module
 */

import type { DateTime } from "effect"
import { Schema } from "effect"
import type { StoredEvent } from "../EventStore.ts"
import type { OrganisationId, PersonId, StreamId, TopicId } from "../Ids.ts"
import * as Projection from "./Projection.ts"
import * as TeacherPractice from "./TeacherPractice.ts"

/** The read model's state: every teacher's practice stream, by stream id. */
export const State = Schema.Struct({
  position: Schema.Number,
  skipped: Schema.Array(Projection.Skipped),
  practices: Schema.Record(Schema.String, TeacherPractice.PracticeState),
})
/** @see State */
export type State = typeof State.Type

/** The state before any event. */
export const initialState: State = { position: 0, skipped: [], practices: {} }

const apply = (state: State, e: Projection.EmdEvent): State => {
  if (e.kind !== "practice") return state
  const before = state.practices[e.streamId] ?? TeacherPractice.initialState
  return {
    ...state,
    practices: { ...state.practices, [e.streamId]: TeacherPractice.evolve(before, e.event) },
  }
}

/** Folds one stored event into the bank's state. */
export const project: (state: State, stored: StoredEvent) => State = Projection.projector(apply)

/** The bank of best practices as a read model. */
export const readModel: Projection.ReadModel<State> = {
  name: "emd-practice-bank",
  initialState,
  project,
  stateSchema: State,
}

/** EMD-2.2: one practice of the bank. */
export interface Entry {
  readonly teacherId: PersonId
  readonly schoolId: OrganisationId
  readonly startYear: number
  /** The teacher's practice for the year (EMD-2.14). */
  readonly practice: string
  readonly submissionId: string
  readonly topicId: TopicId
  readonly title: string
  readonly summary: string
  readonly url?: string
  readonly acceptedAt: DateTime.Utc
}

/**
 * EMD-2.2, 2.4, 2.15: the accepted practices, optionally of one topic or school, oldest
 * first: the material of the district's exchange of experience.
 */
export const bank = (
  state: State,
  filter: { readonly topicId?: TopicId; readonly schoolId?: OrganisationId } = {},
): ReadonlyArray<Entry> => {
  const out: Array<Entry> = []
  for (const p of Object.values(state.practices)) {
    if (p._tag !== "Chosen") continue
    if (filter.schoolId !== undefined && p.schoolId !== filter.schoolId) continue
    for (const s of p.submissions) {
      if (s.review?.verdict !== "accepted") continue
      if (filter.topicId !== undefined && s.topicId !== filter.topicId) continue
      out.push({
        teacherId: p.teacherId,
        schoolId: p.schoolId,
        startYear: p.startYear,
        practice: p.title,
        submissionId: s.submissionId,
        topicId: s.topicId,
        title: s.title,
        summary: s.summary,
        ...(s.url === undefined ? {} : { url: s.url }),
        acceptedAt: s.review.at,
      })
    }
  }
  return out.sort((a, b) => a.acceptedAt.epochMilliseconds - b.acceptedAt.epochMilliseconds)
}

/** EMD-2.14: each teacher's chosen practice, by stream. */
export const choices = (
  state: State,
): ReadonlyArray<{ readonly streamId: StreamId; readonly practice: TeacherPractice.Chosen }> =>
  Object.entries(state.practices).flatMap(([streamId, p]) =>
    p._tag === "Chosen" ? [{ streamId: streamId as StreamId, practice: p }] : [],
  )

/** EMD-2.15: submissions waiting for review, oldest first. */
export const pending = (
  state: State,
): ReadonlyArray<{
  readonly teacherId: PersonId
  readonly submission: TeacherPractice.Submission
}> =>
  Object.values(state.practices)
    .flatMap((p) =>
      p._tag === "Chosen"
        ? p.submissions
            .filter((s) => s.review === undefined)
            .map((submission) => ({ teacherId: p.teacherId, submission }))
        : [],
    )
    .sort(
      (a, b) =>
        a.submission.submittedAt.epochMilliseconds - b.submission.submittedAt.epochMilliseconds,
    )
