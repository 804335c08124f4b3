/**
 * Model-based tests of the weekly cycle (EMD-1.3, 1.4, 1.5, 2.7–2.13): random command
 * sequences, issued by random actors at random times, run against the decider and a
 * simple model written independently from the regulation (Omsk is UTC+6 all year; the
 * dates used have no holidays near them). After every command the decider agrees with
 * the model (events or the refusal's tag), the state is what its events fold to, and
 * every refusal is a typed error with a readable message.
 */
import { DateTime, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import { TopicId } from "../Ids.ts"
import * as Cycle from "./Cycle.ts"
import * as F from "./Fixtures.ts"

const S = F.school("school-m")
const T0 = "2025-10-16"
const HOUR = 3_600_000
const OFFSET = 6 * HOUR

// ---------------------------------------------------------------- the model

/** Milliseconds of local (UTC+6) midnight starting `date` plus `days`. */
const midnight = (date: string, days = 0): number => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d + days) - OFFSET
}
const isoDate = (ms: number): string => new Date(ms + OFFSET).toISOString().slice(0, 10)

const duesOf = (date: string) => ({
  materials: midnight(date, -7) - 1,
  questions: midnight(date, -3) + 11 * HOUR,
  dayStart: midnight(date),
  decision: midnight(date, 1) - 1,
})

const HOLIDAYS = new Set(["2025-11-03", "2025-11-04"])
const isWorking = (date: string) => {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay()
  return wd !== 0 && wd !== 6 && !HOLIDAYS.has(date)
}

type Who = "coordinator" | "leader" | "responsible" | "teacher" | "otherLeader"

interface Model {
  now: number
  opened: boolean
  cancelled: boolean
  date: string
  materials?: { late: boolean }
  form?: string
  vks: boolean
  questions?: { late: boolean }
  held: boolean
  decision?: { late: boolean }
  items: Map<string, { status: string; due: number; doneLate: boolean }>
}

const roles: Record<Cycle.CycleCommand["_tag"], ReadonlyArray<Who>> = {
  OpenCycle: ["coordinator"],
  IssueMaterials: ["coordinator"],
  ChooseForm: ["leader", "responsible"],
  RecordVideoconference: ["coordinator"],
  SubmitQuestions: ["leader", "responsible"],
  HoldDay: ["leader", "responsible"],
  SendDecision: ["leader", "responsible"],
  ControlDecisionItem: ["responsible"],
  CancelDay: ["coordinator", "leader"],
  RescheduleDay: ["coordinator"],
}

const actors: Record<Who, Actor> = {
  coordinator: F.coordinator,
  leader: F.leaderOf(S),
  responsible: F.responsibleOf(S),
  teacher: F.teacherOf(S),
  otherLeader: F.leaderOf(F.school("school-x")),
}

type Prediction =
  | { readonly error: string }
  | { readonly events: ReadonlyArray<string>; readonly apply: () => void }
const refuse = (error: string): Prediction => ({ error })
const accept = (events: ReadonlyArray<string>, apply: () => void = () => {}): Prediction => ({
  events,
  apply,
})

/** What the regulation says should happen, from the model alone. */
const predict = (m: Model, c: Cycle.CycleCommand, who: Who): Prediction => {
  if (!m.opened) {
    if (c._tag !== "OpenCycle") return refuse("CycleNotOpened")
    if (!roles.OpenCycle.includes(who)) return refuse("Forbidden")
    return accept(["CycleOpened"], () => {
      m.opened = true
    })
  }
  if (!roles[c._tag].includes(who)) return refuse("Forbidden")
  if (m.cancelled) return refuse(c._tag === "OpenCycle" ? "CycleAlreadyOpened" : "CycleCancelled")
  const dues = duesOf(m.date)
  const now = m.now
  switch (c._tag) {
    case "OpenCycle":
      return refuse("CycleAlreadyOpened")
    case "IssueMaterials":
      if (m.materials) return refuse("StepAlreadyDone")
      return accept(["MaterialsIssued"], () => {
        m.materials = { late: now > dues.materials }
      })
    case "ChooseForm":
      if (!m.materials) return refuse("PrerequisiteMissing")
      if (now >= dues.dayStart) return refuse("StepClosed")
      if (m.form === c.form.kind) return accept([])
      return accept(["FormChosen"], () => {
        m.form = c.form.kind
      })
    case "RecordVideoconference":
      if (!m.materials) return refuse("PrerequisiteMissing")
      if (m.vks) return refuse("StepAlreadyDone")
      return accept(["VideoconferenceRecorded"], () => {
        m.vks = true
      })
    case "SubmitQuestions":
      if (!m.materials) return refuse("PrerequisiteMissing")
      if (m.questions) return refuse("StepAlreadyDone")
      return accept(["QuestionsSubmitted"], () => {
        m.questions = { late: now > dues.questions }
      })
    case "HoldDay":
      if (!m.materials) return refuse("PrerequisiteMissing")
      if (m.held) return refuse("StepAlreadyDone")
      if (now < dues.dayStart) return refuse("StepNotOpenYet")
      return accept(["DayHeld"], () => {
        m.held = true
      })
    case "SendDecision": {
      if (!m.held) return refuse("PrerequisiteMissing")
      if (m.decision) return refuse("StepAlreadyDone")
      if (c.items.some((i) => i.dueDate < m.date)) return refuse("InvalidCommand")
      return accept(["DecisionSent"], () => {
        m.decision = { late: now > dues.decision }
        for (const i of c.items) {
          m.items.set(i.itemId, {
            status: "open",
            due: midnight(i.dueDate, 1) - 1,
            doneLate: false,
          })
        }
      })
    }
    case "ControlDecisionItem": {
      if (!m.decision) return refuse("PrerequisiteMissing")
      const item = m.items.get(c.itemId)
      if (item === undefined) return refuse("UnknownDecisionItem")
      if (item.status === "done" || item.status === "not-done") return refuse("DecisionItemClosed")
      if (item.status === c.status && c.note === undefined) return accept([])
      return accept(["DecisionItemControlled"], () => {
        item.doneLate = item.doneLate || (c.status === "done" && now > item.due)
        item.status = c.status
      })
    }
    case "CancelDay":
      if (m.held) return refuse("DayAlreadyHeld")
      return accept(["DayCancelled"], () => {
        m.cancelled = true
      })
    case "RescheduleDay":
      if (m.held) return refuse("DayAlreadyHeld")
      if (c.to === m.date) return refuse("InvalidCommand")
      if (c.to < isoDate(now)) return refuse("InvalidCommand")
      if (!isWorking(c.to)) return refuse("NotAWorkingDay")
      return accept(["DayRescheduled"], () => {
        m.date = c.to
      })
  }
}

// ---------------------------------------------------------------- the real system

interface Real {
  state: Cycle.CycleState
  events: Array<Cycle.CycleEvent>
}

const errorTags = new Set([
  "Forbidden",
  "CycleNotOpened",
  "CycleAlreadyOpened",
  "CycleCancelled",
  "StepAlreadyDone",
  "PrerequisiteMissing",
  "StepNotOpenYet",
  "StepClosed",
  "DayAlreadyHeld",
  "UnknownDecisionItem",
  "DecisionItemClosed",
  "InvalidCommand",
  "NotAWorkingDay",
  "DueDatesUnavailable",
])

/** The model's view of the real state, to compare with the model. */
const observe = (s: Cycle.CycleState) => {
  if (s._tag === "NotOpened") return { opened: false }
  return {
    opened: true,
    cancelled: s._tag === "Cancelled",
    date: s.date,
    materials: s.materials?.late,
    form: s.form?.form.kind,
    vks: s.videoconference !== undefined,
    questions: s.questions?.late,
    held: s.day !== undefined,
    decision: s.decision?.late,
    items: (s.decision?.items ?? []).map((i) => [i.itemId, i.status, i.doneLate]),
  }
}

const expected = (m: Model) =>
  !m.opened
    ? { opened: false }
    : {
        opened: true,
        cancelled: m.cancelled,
        date: m.date,
        materials: m.materials?.late,
        form: m.form,
        vks: m.vks,
        questions: m.questions?.late,
        held: m.held,
        decision: m.decision?.late,
        items: [...m.items.entries()].map(([id, i]) => [id, i.status, i.doneLate]),
      }

/** Invariants that hold in every reachable state, whatever the model says. */
const valid = (s: Cycle.CycleState): boolean => {
  if (s._tag === "NotOpened") return true
  if (s.form !== undefined || s.questions !== undefined || s.day !== undefined) {
    if (s.materials === undefined) return false
  }
  if (s.decision !== undefined && s.day === undefined) return false
  if (s._tag === "Cancelled" && s.day !== undefined) return false
  if (s.decision?.items.some((i) => i.doneLate && i.status !== "done")) return false
  return s.reschedules.every((r, i) => i === 0 || s.reschedules[i - 1]!.to === r.from)
}

class Step implements fc.Command<Model, Real> {
  readonly command: Cycle.CycleCommand
  readonly who: Who
  constructor(command: Cycle.CycleCommand, who: Who) {
    this.command = command
    this.who = who
  }
  check = () => true
  run(m: Model, r: Real) {
    const prediction = predict(m, this.command, this.who)
    const result = Cycle.decide(this.command, r.state, {
      now: DateTime.makeUnsafe(m.now),
      actor: actors[this.who],
      regulation: F.regulation,
    })
    if ("error" in prediction) {
      expect(Result.isFailure(result) && result.failure._tag).toBe(prediction.error)
      const error = (result as Result.Failure<never, Cycle.CycleError>).failure
      expect(errorTags.has(error._tag)).toBe(true)
      expect(error).toBeInstanceOf(Error)
      expect(error.message.length).toBeGreaterThan(10)
    } else {
      expect(Result.isSuccess(result)).toBe(true)
      const events = (result as Result.Success<ReadonlyArray<Cycle.CycleEvent>, never>).success
      expect(events.map((e) => e._tag)).toEqual(prediction.events)
      prediction.apply()
      for (const e of events) {
        r.events.push(e)
        r.state = Cycle.evolve(r.state, e)
      }
    }
    expect(valid(r.state)).toBe(true)
    expect(observe(r.state)).toEqual(expected(m))
    expect(r.events.reduce(Cycle.evolve, Cycle.initialState)).toEqual(r.state)
  }
  toString() {
    return `${this.command._tag}(${JSON.stringify({ ...this.command, _tag: undefined })}) by ${this.who}`
  }
}

class Tick implements fc.Command<Model, Real> {
  readonly minutes: number
  constructor(minutes: number) {
    this.minutes = minutes
  }
  check = () => true
  run(m: Model) {
    m.now += this.minutes * 60_000
  }
  toString() {
    return `Tick(${this.minutes} min)`
  }
}

// ---------------------------------------------------------------- generators

const who = (...ws: ReadonlyArray<Who>) => fc.constantFrom(...ws)
const anyone = who("coordinator", "leader", "responsible", "teacher", "otherLeader")
const dateAround = fc.constantFrom(
  "2025-10-09",
  "2025-10-16",
  "2025-10-20",
  "2025-10-23",
  "2025-10-30",
  "2025-11-04",
)

const commands = [
  fc.integer({ min: 1, max: 72 * 60 }).map((n) => new Tick(n)),
  fc.integer({ min: 1, max: 8 * 60 }).map((n) => new Tick(n)),
  anyone.map(
    (w) =>
      new Step(
        new Cycle.OpenCycle({
          schoolId: S,
          date: F.date(T0),
          lowResults: true,
          topicId: TopicId.make("t"),
        }),
        w,
      ),
  ),
  who("coordinator", "leader").map(
    (w) =>
      new Step(
        new Cycle.IssueMaterials({
          seminars: [{ title: "Семинар", url: "https://iro.example/s" }],
          questions: ["Вопрос"],
        }),
        w,
      ),
  ),
  fc
    .tuple(
      fc.constantFrom("seminar", "workshop", "round-table") as fc.Arbitrary<Cycle.DayFormKind>,
      who("leader", "responsible", "teacher"),
    )
    .map(([kind, w]) => new Step(new Cycle.ChooseForm({ form: { kind } }), w)),
  who("coordinator", "leader").map(
    (w) =>
      new Step(new Cycle.RecordVideoconference({ attendees: [F.person("leader-school-m")] }), w),
  ),
  who("leader", "responsible", "teacher").map(
    (w) => new Step(new Cycle.SubmitQuestions({ questions: ["Как?"] }), w),
  ),
  who("leader", "responsible", "coordinator").map(
    (w) =>
      new Step(
        new Cycle.HoldDay({
          form: { kind: "seminar" },
          participants: { leaders: 1, teachers: 9, people: [] },
        }),
        w,
      ),
  ),
  fc.tuple(dateAround, who("leader", "responsible")).map(
    ([due, w]) =>
      new Step(
        new Cycle.SendDecision({
          summary: "Решение",
          items: [{ itemId: "1", text: "Сделать", dueDate: F.date(due) }],
          deficits: [],
        }),
        w,
      ),
  ),
  fc
    .tuple(
      fc.constantFrom("1", "2"),
      fc.constantFrom("in-progress", "done", "not-done") as fc.Arbitrary<
        "in-progress" | "done" | "not-done"
      >,
      who("responsible", "leader"),
    )
    .map(([itemId, status, w]) => new Step(new Cycle.ControlDecisionItem({ itemId, status }), w)),
  fc
    .tuple(
      fc.constantFrom("quarantine", "other") as fc.Arbitrary<Cycle.CancelReason>,
      who("coordinator", "leader", "teacher"),
    )
    .map(([reason, w]) => new Step(new Cycle.CancelDay({ reason }), w)),
  fc
    .tuple(dateAround, who("coordinator", "leader"))
    .map(
      ([to, w]) =>
        new Step(new Cycle.RescheduleDay({ to: F.date(to), reason: "non-working-day" }), w),
    ),
]

/** The same commands without cancellation, so that more runs get as far as the decision. */
const withoutCancel = commands.filter((_, i) => i !== commands.length - 2)

const initial = (): { model: Model; real: Real } => ({
  model: {
    now: Date.UTC(2025, 9, 1, 3),
    opened: false,
    cancelled: false,
    date: T0,
    vks: false,
    held: false,
    items: new Map(),
  },
  real: { state: Cycle.initialState, events: [] },
})

const fromOctober7 = (): { model: Model; real: Real } => {
  const s = initial()
  s.model.now = Date.UTC(2025, 9, 7, 0)
  return s
}

describe("Cycle model (EMD-1.3, 1.4, 1.5, 2.7–2.13)", () => {
  it("EMD-2.7–2.13 random command sequences agree with the model, stay valid, and every refusal is typed and explained", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 80, size: "large" }), (cmds) => {
        fc.modelRun(initial, cmds)
      }),
      { numRuns: 300 },
    )
  })

  it("EMD-2.8–2.13 from an opened cycle with materials, random sequences reach the day, the decision and its control", () => {
    const start = fc.integer({ min: 0, max: 12 * 24 }).map((hours) => new Tick(hours * 60))
    const prefix = [
      new Step(
        new Cycle.OpenCycle({ schoolId: S, date: F.date(T0), lowResults: true }),
        "coordinator",
      ),
      new Step(
        new Cycle.IssueMaterials({
          seminars: [{ title: "Семинар", url: "https://iro.example/s" }],
          questions: [],
        }),
        "coordinator",
      ),
    ]
    fc.assert(
      fc.property(
        start,
        fc.commands(withoutCancel, { maxCommands: 60, size: "large" }),
        (tick, cmds) => {
          fc.modelRun(fromOctober7, [tick, ...prefix, ...cmds])
        },
      ),
      { numRuns: 300 },
    )
  })

  it("EMD-2.10 with mostly valid steps, questions are late exactly when sent after Monday T−3 11:00 Omsk time", () => {
    const happy = [
      fc.integer({ min: 30, max: 30 * 60 }).map((n) => new Tick(n)),
      fc.constant(
        new Step(
          new Cycle.OpenCycle({ schoolId: S, date: F.date(T0), lowResults: false }),
          "coordinator",
        ),
      ),
      fc.constant(
        new Step(
          new Cycle.IssueMaterials({
            seminars: [{ title: "С", url: "https://iro.example/s" }],
            questions: [],
          }),
          "coordinator",
        ),
      ),
      fc.constant(new Step(new Cycle.SubmitQuestions({ questions: ["Вопрос"] }), "responsible")),
      fc.constant(
        new Step(
          new Cycle.HoldDay({
            form: { kind: "other", title: "Квест" },
            participants: { leaders: 1, teachers: 1, people: [] },
          }),
          "leader",
        ),
      ),
    ]
    fc.assert(
      fc.property(fc.commands(happy, { maxCommands: 60, size: "large" }), (cmds) => {
        fc.modelRun(initial, cmds)
      }),
      { numRuns: 200 },
    )
  })
})
