/**
 * Model-based tests of the year, progress-sheet, help-plan and practice deciders
 * (EMD-1.3, 2.14–2.18, 2.2): random command sequences by random actors agree with a
 * simple model of each, the state is always what its events fold to, and every refusal
 * is a typed error with a readable message whose tag the model predicts.
 */
import { DateTime, Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import type { OrganisationId } from "../Ids.ts"
import { TopicId } from "../Ids.ts"
import * as F from "./Fixtures.ts"
import * as HelpPlan from "./HelpPlan.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as TeacherPractice from "./TeacherPractice.ts"
import * as Year from "./Year.ts"
import * as YearMonth from "./YearMonth.ts"

interface Decider<C, E, S, Err> {
  readonly initialState: S
  readonly decide: (
    c: C,
    s: S,
    ctx: { now: DateTime.Utc; actor: Actor; regulation: typeof F.regulation },
  ) => Result.Result<ReadonlyArray<E>, Err>
  readonly evolve: (s: S, e: E) => S
}

type Prediction =
  | { readonly error: string }
  | { readonly events: number; readonly apply: () => void }
const refuse = (error: string): Prediction => ({ error })
const accept = (events: number, apply: () => void = () => {}): Prediction => ({ events, apply })

interface Real<S, E> {
  state: S
  events: Array<E>
}

/** A command of a model run: predicts with the model, decides with the decider, compares. */
const step = <
  M extends { now: number },
  C extends { readonly _tag: string },
  E,
  S,
  Err extends { readonly _tag: string; readonly message: string },
>(
  decider: Decider<C, E, S, Err>,
  predict: (m: M, c: C, actor: string) => Prediction,
  observe: (m: M, s: S) => void,
) =>
  class implements fc.Command<M, Real<S, E>> {
    readonly command: C
    readonly who: string
    readonly actor: Actor
    constructor(command: C, who: string, actor: Actor) {
      this.command = command
      this.who = who
      this.actor = actor
    }
    check = () => true
    run(m: M, r: Real<S, E>) {
      const p = predict(m, this.command, this.who)
      const result = decider.decide(this.command, r.state, {
        now: DateTime.makeUnsafe(m.now),
        actor: this.actor,
        regulation: F.regulation,
      })
      if ("error" in p) {
        expect(Result.isFailure(result) && result.failure._tag).toBe(p.error)
        const e = (result as Result.Failure<never, Err>).failure
        expect(e).toBeInstanceOf(Error)
        expect(e.message.length).toBeGreaterThan(10)
      } else {
        expect(Result.isSuccess(result) && result.success.length).toBe(p.events)
        p.apply()
        for (const e of (result as Result.Success<ReadonlyArray<E>, never>).success) {
          r.events.push(e)
          r.state = decider.evolve(r.state, e)
        }
      }
      observe(m, r.state)
      expect(r.events.reduce(decider.evolve, decider.initialState)).toEqual(r.state)
    }
    toString() {
      return `${this.command._tag} by ${this.who}`
    }
  }

class Tick<M extends { now: number }, R> implements fc.Command<M, R> {
  readonly hours: number
  constructor(hours: number) {
    this.hours = hours
  }
  check = () => true
  run(m: M) {
    m.now += this.hours * 3_600_000
  }
  toString() {
    return `Tick(${this.hours} h)`
  }
}

const S = F.school("school-p")
const OTHER = F.school("school-q")

// ---------------------------------------------------------------- progress sheet

describe("ProgressSheet model (EMD-2.16, 2.18)", () => {
  interface M {
    now: number
    submitted: boolean
    late: boolean
    assessed: boolean
  }
  const month = YearMonth.make(2025, 11)
  // Due at the end of Friday 28 November 2025, Omsk (UTC+6); open from 1 November 00:00.
  const due = Date.UTC(2025, 10, 28, 18) - 1
  const opens = Date.UTC(2025, 9, 31, 18)
  const who: Record<string, Actor> = {
    leader: F.leaderOf(S),
    otherLeader: F.leaderOf(OTHER),
    methodist: F.methodist,
  }
  const Step = step<
    M,
    ProgressSheet.SheetCommand,
    ProgressSheet.SheetEvent,
    ProgressSheet.SheetState,
    ProgressSheet.SheetError
  >(
    ProgressSheet,
    (m, c, actor) => {
      if (c._tag === "SubmitSheet") {
        if (actor !== "leader") return refuse("Forbidden")
        if (m.submitted) return refuse("SheetAlreadySubmitted")
        if (m.now < opens) return refuse("SheetNotOpenYet")
        return accept(1, () => {
          m.submitted = true
          m.late = m.now > due
        })
      }
      if (actor !== "methodist") return refuse("Forbidden")
      if (!m.submitted) return refuse("SheetNotSubmitted")
      if (m.assessed) return refuse("GrowthAlreadyAssessed")
      if (c.assessments.some((a) => a.personId !== "t-1")) return refuse("InvalidCommand")
      return accept(1, () => {
        m.assessed = true
      })
    },
    (m, s) => {
      expect(s._tag === "Submitted").toBe(m.submitted)
      if (s._tag === "Submitted") {
        expect(s.late).toBe(m.late)
        expect(s.assessment !== undefined).toBe(m.assessed)
      }
    },
  )
  const actor = fc.constantFrom("leader", "otherLeader", "methodist")
  const commands = [
    fc
      .integer({ min: 1, max: 96 })
      .map((h) => new Tick<M, Real<ProgressSheet.SheetState, ProgressSheet.SheetEvent>>(h)),
    actor.map(
      (w) =>
        new Step(
          new ProgressSheet.SubmitSheet({
            schoolId: S,
            month,
            entries: [
              { personId: F.person("t-1"), role: "teacher", progress: "Рост", deficits: [] },
            ],
          }),
          w,
          who[w]!,
        ),
    ),
    fc.tuple(actor, fc.constantFrom("t-1", "t-2")).map(
      ([w, p]) =>
        new Step(
          new ProgressSheet.AssessGrowth({
            assessments: [{ personId: F.person(p), level: "moderate" }],
          }),
          w,
          who[w]!,
        ),
    ),
  ]
  it("EMD-2.16 EMD-2.18 random sequences agree with the model; refusals are typed and explained", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 24 }),
        fc.commands(commands, { maxCommands: 40, size: "large" }),
        (start, cmds) => {
          fc.modelRun(
            () => ({
              model: {
                now: Date.UTC(2025, 9, 25) + start * 3_600_000,
                submitted: false,
                late: false,
                assessed: false,
              },
              real: { state: ProgressSheet.initialState, events: [] },
            }),
            cmds,
          )
        },
      ),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------- help plan

describe("HelpPlan model (EMD-2.17)", () => {
  interface M {
    now: number
    phase: "none" | "draft" | "agreed"
    agreedBy: Set<string>
    done: Set<string>
  }
  const month = YearMonth.make(2025, 11)
  const who: Record<string, Actor> = {
    curator: F.curatorOf(S),
    otherCurator: F.curatorOf(OTHER),
    methodist: F.methodist,
    leader: F.leaderOf(S),
  }
  const mayAct = (w: string) => w === "curator" || w === "methodist"
  const Step = step<
    M,
    HelpPlan.HelpPlanCommand,
    HelpPlan.HelpPlanEvent,
    HelpPlan.HelpPlanState,
    HelpPlan.HelpPlanError
  >(
    HelpPlan,
    (m, c, w) => {
      // Before a draft the plan's school is unknown, so any curator's role is enough to be told so.
      const unscoped = m.phase === "none" && c._tag !== "DraftHelpPlan" && w === "otherCurator"
      if (!mayAct(w) && !unscoped) return refuse("Forbidden")
      switch (c._tag) {
        case "DraftHelpPlan":
          if (m.phase === "agreed") return refuse("HelpPlanAlreadyAgreed")
          return accept(1, () => {
            m.phase = "draft"
            m.agreedBy = new Set()
          })
        case "AgreeHelpPlan": {
          if (m.phase === "none") return refuse("HelpPlanNotDrafted")
          if (m.phase === "agreed") return refuse("HelpPlanAlreadyAgreed")
          const canAct = c.party === "curator" ? w === "curator" : w === "methodist"
          if (!canAct) return refuse("Forbidden")
          if (m.agreedBy.has(c.party)) return refuse("AlreadyAgreedBy")
          const both = m.agreedBy.size === 1
          return accept(both ? 2 : 1, () => {
            m.agreedBy.add(c.party)
            if (both) m.phase = "agreed"
          })
        }
        case "CompleteHelpItem":
          if (m.phase === "none") return refuse("HelpPlanNotDrafted")
          if (m.phase === "draft") return refuse("HelpPlanNotAgreed")
          if (c.itemId !== "1" || m.done.has(c.itemId)) return refuse("HelpItemUnavailable")
          return accept(1, () => {
            m.done.add(c.itemId)
          })
      }
    },
    (m, s) => {
      expect(s._tag).toBe({ none: "NotDrafted", draft: "Draft", agreed: "Agreed" }[m.phase])
      if (s._tag === "Draft") expect(new Set(s.agreedBy)).toEqual(m.agreedBy)
      if (s._tag === "Agreed")
        expect(s.items.filter((i) => i.done !== undefined).length).toBe(m.done.size)
    },
  )
  const actor = fc.constantFrom("curator", "otherCurator", "methodist", "leader")
  const commands = [
    fc
      .integer({ min: 1, max: 48 })
      .map((h) => new Tick<M, Real<HelpPlan.HelpPlanState, HelpPlan.HelpPlanEvent>>(h)),
    actor.map(
      (w) =>
        new Step(
          new HelpPlan.DraftHelpPlan({
            schoolId: S,
            month,
            items: [
              {
                itemId: "1",
                action: "Консультация",
                ownerId: F.person("c"),
                dueDate: F.date("2025-12-05"),
              },
            ],
          }),
          w,
          who[w]!,
        ),
    ),
    fc
      .tuple(
        actor,
        fc.constantFrom("curator", "methodical-department") as fc.Arbitrary<HelpPlan.Party>,
      )
      .map(([w, party]) => new Step(new HelpPlan.AgreeHelpPlan({ party }), w, who[w]!)),
    fc
      .tuple(actor, fc.constantFrom("1", "2"))
      .map(([w, itemId]) => new Step(new HelpPlan.CompleteHelpItem({ itemId }), w, who[w]!)),
  ]
  it("EMD-2.17 random sequences agree with the model; the plan is in force only when both parties agree", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40, size: "large" }), (cmds) => {
        fc.modelRun(
          () => ({
            model: {
              now: Date.UTC(2025, 11, 1),
              phase: "none" as const,
              agreedBy: new Set<string>(),
              done: new Set<string>(),
            },
            real: { state: HelpPlan.initialState, events: [] },
          }),
          cmds,
        )
      }),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------- teacher practice

describe("TeacherPractice model (EMD-2.14, 2.15, 2.2)", () => {
  interface M {
    now: number
    chosen: boolean
    submissions: Map<string, { topic: string; status: "pending" | "accepted" | "rejected" }>
  }
  const teacher = F.teacherOf(S, "t-p")
  const who: Record<string, Actor> = {
    teacher,
    colleague: F.teacherOf(S, "t-q"),
    methodist: F.methodist,
  }
  const Step = step<
    M,
    TeacherPractice.PracticeCommand,
    TeacherPractice.PracticeEvent,
    TeacherPractice.PracticeState,
    TeacherPractice.PracticeError
  >(
    TeacherPractice,
    (m, c, w) => {
      if (c._tag === "ReviewSubmission") {
        if (w !== "methodist") return refuse("Forbidden")
        if (!m.chosen) return refuse("PracticeNotChosen")
        const s = m.submissions.get(c.submissionId)
        if (s === undefined || s.status !== "pending") return refuse("SubmissionUnavailable")
        return accept(1, () => {
          s.status = c.verdict
        })
      }
      if (w === "methodist") return refuse("Forbidden")
      if (w === "colleague")
        return refuse(
          m.chosen || c._tag === "ChoosePractice" ? "NotOwnRecord" : "PracticeNotChosen",
        )
      if (c._tag === "ChoosePractice") {
        if (m.chosen) return refuse("PracticeAlreadyChosen")
        return accept(1, () => {
          m.chosen = true
        })
      }
      if (!m.chosen) return refuse("PracticeNotChosen")
      if (m.submissions.has(c.submissionId)) return refuse("SubmissionUnavailable")
      if (
        [...m.submissions.values()].some((s) => s.topic === c.topicId && s.status !== "rejected")
      ) {
        return refuse("SubmissionUnavailable")
      }
      return accept(1, () => {
        m.submissions.set(c.submissionId, { topic: c.topicId, status: "pending" })
      })
    },
    (m, s) => {
      expect(s._tag === "Chosen").toBe(m.chosen)
      if (s._tag === "Chosen") {
        expect(
          s.submissions.map((x) => [x.submissionId, x.topicId, x.review?.verdict ?? "pending"]),
        ).toEqual([...m.submissions.entries()].map(([id, x]) => [id, x.topic, x.status]))
      }
    },
  )
  const actor = fc.constantFrom("teacher", "colleague", "methodist")
  const commands = [
    actor.map(
      (w) =>
        new Step(
          new TeacherPractice.ChoosePractice({
            teacherId: teacher.personId,
            schoolId: S,
            startYear: 2025,
            title: "Практика",
          }),
          w,
          who[w]!,
        ),
    ),
    fc.tuple(actor, fc.constantFrom("p1", "p2", "p3"), fc.constantFrom("t1", "t2")).map(
      ([w, id, topic]) =>
        new Step(
          new TeacherPractice.SubmitPractice({
            submissionId: id,
            topicId: TopicId.make(topic),
            title: "Приём",
            summary: "Описание",
          }),
          w,
          who[w]!,
        ),
    ),
    fc
      .tuple(
        actor,
        fc.constantFrom("p1", "p2", "p3"),
        fc.constantFrom("accepted", "rejected") as fc.Arbitrary<TeacherPractice.Verdict>,
      )
      .map(
        ([w, id, verdict]) =>
          new Step(new TeacherPractice.ReviewSubmission({ submissionId: id, verdict }), w, who[w]!),
      ),
  ]
  it("EMD-2.14 EMD-2.15 EMD-2.2 random sequences agree with the model; one waiting or accepted practice per topic", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40, size: "large" }), (cmds) => {
        fc.modelRun(
          () => ({
            model: { now: Date.UTC(2025, 10, 1), chosen: false, submissions: new Map() },
            real: { state: TeacherPractice.initialState, events: [] },
          }),
          cmds,
        )
      }),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------- year participation

describe("Year participation model (EMD-1.3)", () => {
  interface M {
    now: number
    planned: boolean
    schools: Map<string, { low: boolean; withdrawn: boolean }>
  }
  const ids: ReadonlyArray<OrganisationId> = [S, OTHER]
  const who = (w: string): Actor =>
    w === "coordinator" ? F.coordinator : w === "leaderP" ? F.leaderOf(S) : F.leaderOf(OTHER)
  const own = (w: string, schoolId: string) =>
    w === "coordinator" ||
    (w === "leaderP" && schoolId === S) ||
    (w === "leaderQ" && schoolId === OTHER)
  const Step = step<M, Year.YearCommand, Year.YearEvent, Year.YearState, Year.YearError>(
    Year,
    (m, c, w) => {
      switch (c._tag) {
        case "PlanYear":
          if (w !== "coordinator") return refuse("Forbidden")
          if (m.planned) return refuse("YearAlreadyPlanned")
          return accept(1, () => {
            m.planned = true
          })
        case "RegisterSchool": {
          if (!own(w, c.schoolId)) return refuse("Forbidden")
          if (!m.planned) return refuse("YearNotPlanned")
          const current = m.schools.get(c.schoolId)
          if (current !== undefined && !current.withdrawn && current.low === c.lowResults)
            return accept(0)
          return accept(1, () => {
            m.schools.set(c.schoolId, { low: c.lowResults, withdrawn: false })
          })
        }
        case "WithdrawSchool": {
          if (!own(w, c.schoolId)) return refuse("Forbidden")
          if (!m.planned) return refuse("YearNotPlanned")
          const current = m.schools.get(c.schoolId)
          if (current === undefined || current.withdrawn) return refuse("SchoolNotRegistered")
          if (current.low) return refuse("ParticipationMandatory")
          return accept(1, () => {
            current.withdrawn = true
          })
        }
        default:
          throw new Error("not generated")
      }
    },
    (m, s) => {
      const participants = Year.participants(s).map((p) => [p.schoolId, p.lowResults])
      const expected = [...m.schools.entries()]
        .filter(([, x]) => !x.withdrawn)
        .map(([id, x]) => [id, x.low])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      expect(participants).toEqual(expected)
      // EMD-1.3: a low-results school, once registered, is never withdrawn.
      expect(s._tag === "Planned" && s.schools.some((p) => p.lowResults && p.withdrawn)).toBe(false)
    },
  )
  const actor = fc.constantFrom("coordinator", "leaderP", "leaderQ")
  const school = fc.constantFrom(...ids)
  const commands = [
    actor.map(
      (w) => new Step(new Year.PlanYear({ districtId: F.district, startYear: 2025 }), w, who(w)),
    ),
    fc.tuple(actor, school, fc.boolean()).map(
      ([w, schoolId, lowResults]) =>
        new Step(
          new Year.RegisterSchool({
            schoolId,
            lowResults,
            leaderId: F.person(`leader-${schoolId}`),
          }),
          w,
          who(w),
        ),
    ),
    fc
      .tuple(actor, school)
      .map(([w, schoolId]) => new Step(new Year.WithdrawSchool({ schoolId }), w, who(w))),
  ]
  it("EMD-1.3 random sequences agree with the model: low-results schools can never withdraw", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 30, size: "large" }), (cmds) => {
        fc.modelRun(
          () => ({
            model: { now: Date.UTC(2025, 7, 25), planned: false, schools: new Map() },
            real: { state: Year.initialState, events: [] },
          }),
          cmds,
        )
      }),
      { numRuns: 150 },
    )
  })
})
