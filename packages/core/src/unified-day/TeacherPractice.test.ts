import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import { TopicId } from "../Ids.ts"
import * as F from "./Fixtures.ts"
import * as TeacherPractice from "./TeacherPractice.ts"

const S = F.school("school-5")
const teacher = F.teacherOf(S, "t-5")

const run = (commands: ReadonlyArray<readonly [TeacherPractice.PracticeCommand, Actor]>) => {
  let state = TeacherPractice.initialState
  const events: Array<TeacherPractice.PracticeEvent> = []
  let last: Result.Result<
    ReadonlyArray<TeacherPractice.PracticeEvent>,
    TeacherPractice.PracticeError
  > = Result.succeed([])
  for (const [command, actor] of commands) {
    last = TeacherPractice.decide(command, state, {
      now: F.at("2025-11-10T05:00:00Z"),
      actor,
      regulation: F.regulation,
    })
    if (Result.isSuccess(last)) {
      for (const e of last.success) {
        events.push(e)
        state = TeacherPractice.evolve(state, e)
      }
    }
  }
  return { state, events, last }
}

const tag = (r: Result.Result<unknown, { readonly _tag: string }>) =>
  Result.isFailure(r) ? r.failure._tag : "ok"

const choose = new TeacherPractice.ChoosePractice({
  teacherId: F.person("t-5"),
  schoolId: S,
  startYear: 2025,
  title: "Смысловое чтение на уроках истории",
})
const submit = (id: string, topic = "t1") =>
  new TeacherPractice.SubmitPractice({
    submissionId: id,
    topicId: TopicId.make(topic),
    title: "Приём «Инсерт»",
    summary: "Описание приёма с примерами",
  })
const review = (id: string, verdict: "accepted" | "rejected") =>
  new TeacherPractice.ReviewSubmission({ submissionId: id, verdict })

describe("TeacherPractice (EMD-2.14, 2.15, 2.2)", () => {
  it("EMD-2.14 a teacher chooses their own practice for the year, once", () => {
    expect(run([[choose, teacher]]).events.map((e) => e._tag)).toEqual(["PracticeChosen"])
    expect(
      tag(
        run([
          [choose, teacher],
          [choose, teacher],
        ]).last,
      ),
    ).toBe("PracticeAlreadyChosen")
    expect(tag(run([[choose, F.teacherOf(S, "t-6")]]).last)).toBe("NotOwnRecord")
    expect(tag(run([[choose, F.leaderOf(S)]]).last)).toBe("Forbidden")
  })

  it("EMD-2.15 practices are submitted by topic after the choice, one waiting or accepted per topic", () => {
    expect(tag(run([[submit("p1"), teacher]]).last)).toBe("PracticeNotChosen")
    expect(
      tag(
        run([
          [choose, teacher],
          [submit("p1"), teacher],
          [submit("p2"), teacher],
        ]).last,
      ),
    ).toBe("SubmissionUnavailable")
    const resubmitted = run([
      [choose, teacher],
      [submit("p1"), teacher],
      [review("p1", "rejected"), F.methodist],
      [submit("p2"), teacher],
    ])
    expect(resubmitted.state._tag === "Chosen" && resubmitted.state.submissions.length).toBe(2)
  })

  it("EMD-2.2 methodists or specialists review submissions into the bank, once", () => {
    const r = run([
      [choose, teacher],
      [submit("p1"), teacher],
      [review("p1", "accepted"), F.specialist],
    ])
    expect(r.state._tag === "Chosen" && r.state.submissions[0]?.review?.verdict).toBe("accepted")
    expect(
      tag(
        run([
          [choose, teacher],
          [submit("p1"), teacher],
          [review("p1", "accepted"), teacher],
        ]).last,
      ),
    ).toBe("Forbidden")
    const again = run([
      [choose, teacher],
      [submit("p1"), teacher],
      [review("p1", "accepted"), F.methodist],
      [review("p1", "rejected"), F.methodist],
    ])
    expect(Result.isFailure(again.last) && again.last.failure.message).toContain(
      "already been reviewed",
    )
  })
})
