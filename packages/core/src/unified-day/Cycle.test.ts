import { DateTime, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import { TopicId } from "../Ids.ts"
import * as Cycle from "./Cycle.ts"
import * as F from "./Fixtures.ts"

const S = F.school("school-7")
const T = F.date("2025-10-16") // Thursday; T−8 Wed 10-08, T−6 Fri 10-10, T−3 Mon 10-13
const leader = F.leaderOf(S)
const responsible = F.responsibleOf(S)

const run = (
  commands: ReadonlyArray<readonly [Cycle.CycleCommand, Actor, string]>,
  regulation = F.regulation,
) => {
  let state = Cycle.initialState
  const events: Array<Cycle.CycleEvent> = []
  let last: Result.Result<ReadonlyArray<Cycle.CycleEvent>, Cycle.CycleError> = Result.succeed([])
  for (const [command, actor, now] of commands) {
    last = Cycle.decide(command, state, { now: F.at(now), actor, regulation })
    if (Result.isSuccess(last)) {
      for (const e of last.success) {
        events.push(e)
        state = Cycle.evolve(state, e)
      }
    }
  }
  return { state, events, last }
}

const failure = (r: Result.Result<unknown, Cycle.CycleError>): Cycle.CycleError => {
  if (Result.isSuccess(r)) throw new Error("expected a refusal")
  return r.failure
}

const openCmd = new Cycle.OpenCycle({
  schoolId: S,
  date: T,
  lowResults: true,
  topicId: TopicId.make("topic-1"),
})
const materials = new Cycle.IssueMaterials({
  seminars: [{ title: "Формирующее оценивание", url: "https://iro.omsk.ru/v/1" }],
  questions: ["Как вы применяете критерии оценивания?"],
})
const form = new Cycle.ChooseForm({ form: { kind: "workshop" } })
const questions = new Cycle.SubmitQuestions({ questions: ["Как оценивать проекты?"] })
const hold = new Cycle.HoldDay({
  form: { kind: "workshop" },
  participants: { leaders: 2, teachers: 14, people: [] },
})
const decision = new Cycle.SendDecision({
  summary: "Внедрить листы самооценки",
  items: [{ itemId: "1", text: "Разработать лист самооценки", dueDate: F.date("2025-10-23") }],
  deficits: [{ personId: F.person("t-1"), area: "assessment", description: "Критерии" }],
})

const opened: ReadonlyArray<readonly [Cycle.CycleCommand, Actor, string]> = [
  [openCmd, F.coordinator, "2025-10-01T03:00:00Z"],
  [materials, F.coordinator, "2025-10-08T04:00:00Z"],
]

describe("Cycle (EMD-2.7–2.13)", () => {
  it("EMD-2.7 opens the cycle with dues in the district zone and issues materials on time", () => {
    const { state, events } = run(opened)
    expect(events.map((e) => e._tag)).toEqual(["CycleOpened", "MaterialsIssued"])
    expect(state._tag).toBe("Open")
    if (state._tag !== "Open") return
    expect(DateTime.formatIso(state.dues.materials.at)).toBe("2025-10-08T17:59:59.999Z")
    expect(DateTime.formatIso(state.dues.questions.at)).toBe("2025-10-13T05:00:00.000Z")
    expect(state.dues.videoconference.date).toBe("2025-10-10")
    expect(DateTime.formatIso(state.dues.form.at)).toBe("2025-10-15T18:00:00.000Z")
    expect(state.materials?.late).toBe(false)
  })

  it("EMD-2.7 marks materials issued after Wednesday T−8 as late", () => {
    const { state } = run([opened[0]!, [materials, F.coordinator, "2025-10-08T18:00:00Z"]])
    expect(state._tag === "Open" && state.materials?.late).toBe(true)
  })

  it("EMD-2.7 only the coordinator issues materials", () => {
    const { last } = run([opened[0]!, [materials, leader, "2025-10-08T04:00:00Z"]])
    const e = failure(last)
    expect(e._tag).toBe("Forbidden")
    expect(e.message).toContain("municipal-coordinator")
  })

  it("EMD-1.2 refuses to open a cycle on a non-working day", () => {
    const { last } = run([
      [
        new Cycle.OpenCycle({ schoolId: S, date: F.date("2025-11-04"), lowResults: false }),
        F.coordinator,
        "2025-10-01T03:00:00Z",
      ],
    ])
    const e = failure(last)
    expect(e._tag).toBe("NotAWorkingDay")
    expect(e.message).toContain("2025-11-04")
  })

  it("EMD-1.4 EMD-2.8 the leader or the responsible person chooses the form after the materials, before the day", () => {
    expect(failure(run([opened[0]!, [form, leader, "2025-10-09T04:00:00Z"]]).last)._tag).toBe(
      "PrerequisiteMissing",
    )
    const byResponsible = run([...opened, [form, responsible, "2025-10-09T04:00:00Z"]])
    expect(byResponsible.events.at(-1)?._tag).toBe("FormChosen")
    const changed = run([
      ...opened,
      [form, responsible, "2025-10-09T04:00:00Z"],
      [new Cycle.ChooseForm({ form: { kind: "round-table" } }), leader, "2025-10-14T04:00:00Z"],
    ])
    expect(changed.state._tag === "Open" && changed.state.form?.form.kind).toBe("round-table")
    const late = run([...opened, [form, leader, "2025-10-15T18:00:00Z"]])
    expect(failure(late.last)._tag).toBe("StepClosed")
    const teacher = run([...opened, [form, F.teacherOf(S), "2025-10-09T04:00:00Z"]])
    expect(failure(teacher.last)._tag).toBe("Forbidden")
    const otherLeader = run([
      ...opened,
      [form, F.leaderOf(F.school("school-8")), "2025-10-09T04:00:00Z"],
    ])
    expect(failure(otherLeader.last)._tag).toBe("Forbidden")
  })

  it("EMD-2.9 the coordinator records the school's attendance at the Friday videoconference", () => {
    const { state } = run([
      ...opened,
      [
        new Cycle.RecordVideoconference({ attendees: [leader.personId] }),
        F.coordinator,
        "2025-10-10T08:00:00Z",
      ],
    ])
    expect(state._tag === "Open" && state.videoconference?.attendees).toEqual([leader.personId])
  })

  it("EMD-2.10 questions by Monday T−3 11:00 local time are on time, later ones are accepted and marked late", () => {
    const onTime = run([...opened, [questions, responsible, "2025-10-13T05:00:00Z"]])
    expect(onTime.state._tag === "Open" && onTime.state.questions?.late).toBe(false)
    const late = run([...opened, [questions, responsible, "2025-10-13T05:00:00.001Z"]])
    expect(late.state._tag === "Open" && late.state.questions?.late).toBe(true)
    expect(late.events.at(-1)?._tag).toBe("QuestionsSubmitted")
  })

  it("EMD-2.10 refuses a second sending of questions: «вопросы уже отправлены»", () => {
    const { last } = run([
      ...opened,
      [questions, responsible, "2025-10-12T05:00:00Z"],
      [questions, leader, "2025-10-12T06:00:00Z"],
    ])
    const e = failure(last)
    expect(e._tag).toBe("StepAlreadyDone")
    expect(e.message).toContain("вопросы уже отправлены")
  })

  it("EMD-2.10 the 11:00 deadline is local: Vladivostok is four hours ahead of Omsk", () => {
    const vladivostok = F.inZone("Asia/Vladivostok")
    const r = run([...opened, [questions, responsible, "2025-10-13T02:00:00Z"]], vladivostok)
    // 02:00Z is 12:00 in Vladivostok: late there, though it is only 08:00 in Omsk.
    expect(r.state._tag === "Open" && r.state.questions?.late).toBe(true)
  })

  it("EMD-2.10 a Monday holiday moves the questions deadline to Tuesday (Civil Code art. 193)", () => {
    const t = F.date("2026-02-26") // Monday 2026-02-23 is Defender of the Fatherland Day
    const r = run([
      [
        new Cycle.OpenCycle({ schoolId: S, date: t, lowResults: false }),
        F.coordinator,
        "2026-02-01T03:00:00Z",
      ],
    ])
    expect(r.state._tag === "Open" && r.state.dues.questions.date).toBe("2026-02-24")
  })

  it("EMD-2.12 the day is held on T, not before, and the decision after it is marked late", () => {
    const early = run([...opened, [hold, leader, "2025-10-15T17:59:59Z"]])
    expect(failure(early.last)._tag).toBe("StepNotOpenYet")
    const held = run([
      ...opened,
      [hold, leader, "2025-10-16T03:00:00Z"],
      [decision, leader, "2025-10-16T18:00:00Z"],
    ])
    expect(held.events.slice(-2).map((e) => e._tag)).toEqual(["DayHeld", "DecisionSent"])
    expect(held.state._tag === "Open" && held.state.decision?.late).toBe(true)
    const noDay = run([...opened, [decision, leader, "2025-10-16T08:00:00Z"]])
    expect(failure(noDay.last)._tag).toBe("PrerequisiteMissing")
  })

  it("EMD-2.13 only the responsible person controls the decision items; done after the due date is late", () => {
    const base = [
      ...opened,
      [hold, leader, "2025-10-16T03:00:00Z"],
      [decision, leader, "2025-10-16T10:00:00Z"],
    ] as const
    const byLeader = run([
      ...base,
      [
        new Cycle.ControlDecisionItem({ itemId: "1", status: "done" }),
        leader,
        "2025-10-20T03:00:00Z",
      ],
    ])
    expect(failure(byLeader.last)._tag).toBe("Forbidden")
    const late = run([
      ...base,
      [
        new Cycle.ControlDecisionItem({ itemId: "1", status: "in-progress" }),
        responsible,
        "2025-10-20T03:00:00Z",
      ],
      [
        new Cycle.ControlDecisionItem({ itemId: "1", status: "done" }),
        responsible,
        "2025-10-23T18:00:00Z",
      ],
    ])
    const item = late.state._tag === "Open" ? late.state.decision?.items[0] : undefined
    expect(item?.status).toBe("done")
    expect(item?.doneLate).toBe(true)
    const closed = run([
      ...base,
      [
        new Cycle.ControlDecisionItem({ itemId: "1", status: "not-done" }),
        responsible,
        "2025-10-24T03:00:00Z",
      ],
      [
        new Cycle.ControlDecisionItem({ itemId: "1", status: "done" }),
        responsible,
        "2025-10-24T04:00:00Z",
      ],
    ])
    expect(failure(closed.last)._tag).toBe("DecisionItemClosed")
    const unknown = run([
      ...base,
      [
        new Cycle.ControlDecisionItem({ itemId: "9", status: "done" }),
        responsible,
        "2025-10-20T03:00:00Z",
      ],
    ])
    expect(failure(unknown.last).message).toContain("no item 9")
  })

  it("EMD-2.13 refuses a decision with two items of one id", () => {
    const twice = new Cycle.SendDecision({
      summary: "Решение",
      items: [
        { itemId: "1", text: "А", dueDate: T },
        { itemId: "1", text: "Б", dueDate: T },
      ],
      deficits: [],
    })
    const r = run([
      ...opened,
      [hold, leader, "2025-10-16T03:00:00Z"],
      [twice, leader, "2025-10-16T04:00:00Z"],
    ])
    expect(failure(r.last)._tag).toBe("InvalidCommand")
  })

  it("EMD-1.2 a day cancelled for quarantine refuses every later step", () => {
    const r = run([
      ...opened,
      [new Cycle.CancelDay({ reason: "quarantine" }), leader, "2025-10-09T03:00:00Z"],
      [questions, leader, "2025-10-10T03:00:00Z"],
    ])
    expect(r.state._tag).toBe("Cancelled")
    const e = failure(r.last)
    expect(e._tag).toBe("CycleCancelled")
    expect(e.message).toContain("quarantine")
  })

  it("EMD-1.2 a held day can be neither cancelled nor moved", () => {
    const r = run([
      ...opened,
      [hold, leader, "2025-10-16T03:00:00Z"],
      [new Cycle.CancelDay({ reason: "other" }), F.coordinator, "2025-10-16T05:00:00Z"],
    ])
    expect(failure(r.last)._tag).toBe("DayAlreadyHeld")
  })

  it("EMD-1.2 a day moved off a new non-working day gets dues for its new date", () => {
    const toHoliday = run([
      ...opened,
      [
        new Cycle.RescheduleDay({ to: F.date("2025-11-04"), reason: "non-working-day" }),
        F.coordinator,
        "2025-10-09T03:00:00Z",
      ],
    ])
    expect(failure(toHoliday.last)._tag).toBe("NotAWorkingDay")
    const moved = run([
      ...opened,
      [
        new Cycle.RescheduleDay({ to: F.date("2025-10-17"), reason: "non-working-day" }),
        F.coordinator,
        "2025-10-09T03:00:00Z",
      ],
    ])
    expect(moved.state._tag === "Open" && moved.state.date).toBe("2025-10-17")
    expect(moved.state._tag === "Open" && moved.state.plannedDate).toBe("2025-10-16")
    expect(moved.state._tag === "Open" && moved.state.dues.questions.date).toBe("2025-10-14")
    expect(moved.state._tag === "Open" && moved.state.materials?.late).toBe(false)
  })

  it("EMD-2.7 refuses every step before the cycle is opened, and opening twice", () => {
    expect(failure(run([[materials, F.coordinator, "2025-10-08T04:00:00Z"]]).last)._tag).toBe(
      "CycleNotOpened",
    )
    expect(
      failure(run([...opened, [openCmd, F.coordinator, "2025-10-08T05:00:00Z"]]).last)._tag,
    ).toBe("CycleAlreadyOpened")
  })

  it("EMD-2.7–2.13 every event survives a JSON round trip", () => {
    const { events } = run([
      ...opened,
      [form, leader, "2025-10-09T04:00:00Z"],
      [new Cycle.RecordVideoconference({ attendees: [] }), F.coordinator, "2025-10-10T08:00:00Z"],
      [questions, responsible, "2025-10-12T05:00:00Z"],
      [hold, leader, "2025-10-16T03:00:00Z"],
      [decision, leader, "2025-10-16T10:00:00Z"],
      [
        new Cycle.ControlDecisionItem({ itemId: "1", status: "done", note: "Готово" }),
        responsible,
        "2025-10-20T03:00:00Z",
      ],
    ])
    expect(events).toHaveLength(8)
    const json = Schema.fromJsonString(Cycle.CycleEvent)
    for (const e of events) {
      expect(Schema.decodeUnknownSync(json)(Schema.encodeSync(json)(e))).toEqual(e)
    }
  })

  it("EMD-2.7 decodes a command from untrusted input and refuses a bad link with a readable error", () => {
    const decode = Schema.decodeUnknownResult(Cycle.CycleCommand)
    const good = decode({ _tag: "SubmitQuestions", questions: ["Вопрос"] })
    expect(Result.isSuccess(good)).toBe(true)
    const bad = decode({
      _tag: "IssueMaterials",
      seminars: [{ title: "x", url: "ftp://x" }],
      questions: [],
    })
    expect(Result.isFailure(bad) && bad.failure.message).toContain("http(s) link")
  })
})
