import { DateTime, Effect, Layer, Schema } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import * as Engine from "../Engine.ts"
import { EventStore } from "../EventStore.ts"
import type { StreamId } from "../Ids.ts"
import { TopicId } from "../Ids.ts"
import * as InMemory from "../InMemory.ts"
import * as Cycle from "./Cycle.ts"
import * as DeficitLog from "./DeficitLog.ts"
import * as F from "./Fixtures.ts"
import * as HelpPlan from "./HelpPlan.ts"
import * as MonthView from "./MonthView.ts"
import * as PracticeBank from "./PracticeBank.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as Projection from "./Projection.ts"
import type { EmdRegulation } from "./Regulation.ts"
import * as Reminders from "./Reminders.ts"
import * as TeacherPractice from "./TeacherPractice.ts"
import * as WeeklyView from "./WeeklyView.ts"
import * as Year from "./Year.ts"
import * as YearMonth from "./YearMonth.ts"

const engine = Engine.make({ regulationFor: () => Effect.succeed(F.regulation) })
const LOW = F.school("s-low")
const MID = F.school("s-mid")
const TOP = F.school("s-top")
const T = F.date("2025-10-16")
const topic = TopicId.make("t1")

const exec = <C extends { readonly _tag: string }, E extends { readonly _tag: string }, S, Err>(
  definition: Definition<C, E, S, Err, DecisionContext<EmdRegulation>>,
  streamId: StreamId,
  command: C,
  actor: Actor,
  at: string,
) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(DateTime.toEpochMillis(F.at(at)))
    return yield* engine.execute(definition, streamId, command, actor)
  })

const yearStream = Year.streamId(F.district, 2025)
const cycle = (school: typeof LOW) => Cycle.streamId(school, T)

/** A small district history: three schools, one low-results, through one week and one month. */
const history = Effect.gen(function* () {
  yield* exec(
    Year.definition,
    yearStream,
    new Year.PlanYear({ districtId: F.district, startYear: 2025 }),
    F.coordinator,
    "2025-08-25T03:00:00Z",
  )
  for (const [school, low] of [
    [LOW, true],
    [MID, false],
    [TOP, false],
  ] as const) {
    yield* exec(
      Year.definition,
      yearStream,
      new Year.RegisterSchool({
        schoolId: school,
        lowResults: low,
        leaderId: F.person(`leader-${school}`),
      }),
      F.coordinator,
      "2025-08-26T03:00:00Z",
    )
  }
  yield* exec(
    Year.definition,
    yearStream,
    new Year.ReceiveTopic({
      topicId: topic,
      title: "Оценивание",
      seminars: [{ title: "Видео", url: "https://iro.example/v1" }],
    }),
    F.coordinator,
    "2025-08-27T03:00:00Z",
  )
  yield* exec(
    Year.definition,
    yearStream,
    new Year.AssignTopic({ date: T, topicId: topic }),
    F.coordinator,
    "2025-08-27T04:00:00Z",
  )
  // Only LOW and MID get their cycles; TOP's is forgotten.
  for (const school of [LOW, MID]) {
    yield* exec(
      Cycle.definition,
      cycle(school),
      new Cycle.OpenCycle({
        schoolId: school,
        date: T,
        lowResults: school === LOW,
        topicId: topic,
      }),
      F.coordinator,
      "2025-10-06T03:00:00Z",
    )
    yield* exec(
      Cycle.definition,
      cycle(school),
      new Cycle.IssueMaterials({
        seminars: [{ title: "Видео", url: "https://iro.example/v1" }],
        questions: [],
      }),
      F.coordinator,
      "2025-10-08T04:00:00Z",
    )
  }
  // MID: form, videoconference, late questions, the day, the decision with a deficit.
  yield* exec(
    Cycle.definition,
    cycle(MID),
    new Cycle.ChooseForm({ form: { kind: "seminar" } }),
    F.leaderOf(MID),
    "2025-10-09T04:00:00Z",
  )
  yield* exec(
    Cycle.definition,
    cycle(MID),
    new Cycle.RecordVideoconference({ attendees: [F.person("leader-s-mid")] }),
    F.coordinator,
    "2025-10-10T06:00:00Z",
  )
  yield* exec(
    Cycle.definition,
    cycle(MID),
    new Cycle.SubmitQuestions({ questions: ["Вопрос"] }),
    F.leaderOf(MID),
    "2025-10-13T07:00:00Z",
  )
  yield* exec(
    Cycle.definition,
    cycle(MID),
    new Cycle.HoldDay({
      form: { kind: "seminar" },
      participants: { leaders: 1, teachers: 10, people: [] },
    }),
    F.leaderOf(MID),
    "2025-10-16T05:00:00Z",
  )
  yield* exec(
    Cycle.definition,
    cycle(MID),
    new Cycle.SendDecision({
      summary: "Решение",
      items: [{ itemId: "1", text: "Пункт", dueDate: F.date("2025-10-20") }],
      deficits: [{ personId: F.person("t-mid"), area: "digital", description: "ЦОР" }],
    }),
    F.leaderOf(MID),
    "2025-10-16T10:00:00Z",
  )
  // Sheets for October: LOW late, MID on time with a deficit; TOP none.
  const october = YearMonth.make(2025, 10)
  const sheet = (school: typeof LOW) =>
    new ProgressSheet.SubmitSheet({
      schoolId: school,
      month: october,
      entries: [
        {
          personId: F.person(`t-${school}`),
          role: "teacher",
          progress: "Рост",
          deficits: school === MID ? [{ area: "assessment", description: "Критерии" }] : [],
        },
      ],
    })
  yield* exec(
    ProgressSheet.definition,
    ProgressSheet.streamId(MID, october),
    sheet(MID),
    F.leaderOf(MID),
    "2025-10-30T05:00:00Z",
  )
  yield* exec(
    ProgressSheet.definition,
    ProgressSheet.streamId(LOW, october),
    sheet(LOW),
    F.leaderOf(LOW),
    "2025-11-03T05:00:00Z",
  )
  yield* exec(
    ProgressSheet.definition,
    ProgressSheet.streamId(MID, october),
    new ProgressSheet.AssessGrowth({
      assessments: [{ personId: F.person("t-s-mid"), level: "significant" }],
    }),
    F.methodist,
    "2025-11-05T05:00:00Z",
  )
  const plan = HelpPlan.streamId(LOW, october)
  yield* exec(
    HelpPlan.definition,
    plan,
    new HelpPlan.DraftHelpPlan({
      schoolId: LOW,
      month: october,
      items: [
        {
          itemId: "1",
          action: "Консультация",
          ownerId: F.person("curator"),
          dueDate: F.date("2025-11-14"),
        },
      ],
    }),
    F.curatorOf(LOW),
    "2025-11-05T05:00:00Z",
  )
  yield* exec(
    HelpPlan.definition,
    plan,
    new HelpPlan.AgreeHelpPlan({ party: "curator" }),
    F.curatorOf(LOW),
    "2025-11-05T06:00:00Z",
  )
  yield* exec(
    HelpPlan.definition,
    plan,
    new HelpPlan.AgreeHelpPlan({ party: "methodical-department" }),
    F.methodist,
    "2025-11-05T07:00:00Z",
  )
  // A teacher's practice accepted into the bank.
  const teacher = F.teacherOf(MID, "t-s-mid")
  const practice = TeacherPractice.streamId(teacher.personId, 2025)
  yield* exec(
    TeacherPractice.definition,
    practice,
    new TeacherPractice.ChoosePractice({
      teacherId: teacher.personId,
      schoolId: MID,
      startYear: 2025,
      title: "Самооценка",
    }),
    teacher,
    "2025-10-20T05:00:00Z",
  )
  yield* exec(
    TeacherPractice.definition,
    practice,
    new TeacherPractice.SubmitPractice({
      submissionId: "p1",
      topicId: topic,
      title: "Лист самооценки",
      summary: "Описание",
    }),
    teacher,
    "2025-10-21T05:00:00Z",
  )
  yield* exec(
    TeacherPractice.definition,
    practice,
    new TeacherPractice.ReviewSubmission({ submissionId: "p1", verdict: "accepted" }),
    F.methodist,
    "2025-10-22T05:00:00Z",
  )
  return yield* EventStore.use((s) => s.readAll({ after: 0, limit: 10_000 }))
})

const events = await Effect.runPromise(
  history.pipe(Effect.provide(Layer.mergeAll(InMemory.layer, TestClock.layer()))),
)

describe("Read models (EMD-1.3, 2.1, 2.2, 2.7–2.18)", () => {
  const weekly = Projection.rebuild(WeeklyView.readModel, events)

  it("EMD-2.7 EMD-2.10 EMD-2.12 the weekly view shows each school's step, what is overdue and what was late", () => {
    const now = F.at("2025-10-14T06:00:00Z")
    const upToNow = events.filter((e) => DateTime.isLessThanOrEqualTo(e.recordedAt, now))
    const state = Projection.rebuild(WeeklyView.readModel, upToNow)
    const rows = WeeklyView.week(state, { date: T, now, districtId: F.district })
    const mid = rows.find((r) => r.schoolId === MID)!
    const low = rows.find((r) => r.schoolId === LOW)!
    expect(mid.stage).toBe("day")
    expect(mid.late).toEqual(["questions"])
    expect(mid.overdue).toEqual([])
    expect(low.stage).toBe("form")
    expect(low.overdue).toEqual(["videoconference", "questions"])
    expect(low.topicId).toBe("t1")
  })

  it("EMD-1.3 flags the missing steps of a low-results school only", () => {
    const rows = WeeklyView.week(weekly, {
      date: T,
      now: F.at("2025-10-17T06:00:00Z"),
      districtId: F.district,
    })
    const low = rows.find((r) => r.schoolId === LOW)!
    expect(low.flagged).toEqual(["form", "videoconference", "questions", "day", "decision"])
    const mid = rows.find((r) => r.schoolId === MID)!
    expect(mid.stage).toBe("control")
    expect(mid.flagged).toEqual([])
    expect(WeeklyView.summary(rows)).toMatchObject({ schools: 3, flagged: 1, late: 1 })
  })

  it("EMD-1.3 a participating school whose cycle was never opened shows as not opened, overdue with the regulation", () => {
    const now = F.at("2025-10-09T06:00:00Z")
    const without = WeeklyView.week(weekly, { date: T, now, districtId: F.district })
    expect(without.find((r) => r.schoolId === TOP)).toMatchObject({
      stage: "not-opened",
      overdue: [],
    })
    const withDues = WeeklyView.week(weekly, {
      date: T,
      now,
      districtId: F.district,
      regulation: F.regulation,
    })
    expect(withDues.find((r) => r.schoolId === TOP)?.overdue).toEqual(["materials"])
  })

  it("EMD-2.13 counts decision items overdue at the time asked", () => {
    const rows = WeeklyView.week(weekly, { date: T, now: F.at("2025-10-21T06:00:00Z") })
    expect(rows.find((r) => r.schoolId === MID)?.items).toEqual({ total: 1, done: 0, overdue: 1 })
  })

  it("EMD-2.5 EMD-2.16 EMD-2.17 EMD-2.18 the month view shows sheets on time, late, overdue, assessed and the plans", () => {
    const state = Projection.rebuild(MonthView.readModel, events)
    const rows = MonthView.month(state, {
      month: YearMonth.make(2025, 10),
      now: F.at("2025-11-06T00:00:00Z"),
      districtId: F.district,
    })
    expect(rows.map((r) => [r.schoolId, r.status, r.helpPlan])).toEqual([
      [LOW, "submitted-late", "agreed"],
      [MID, "submitted", "none"],
      [TOP, "overdue", "none"],
    ])
    expect(rows.find((r) => r.schoolId === MID)?.growth?.significant).toBe(1)
    expect(MonthView.growthOf(state, "t-s-mid")).toEqual([
      { month: "2025-10", schoolId: MID, level: "significant" },
    ])
    expect(rows[0]?.due?.date).toBe("2025-10-31")
    expect(MonthView.summary(rows)).toEqual({
      schools: 3,
      submitted: 2,
      late: 1,
      overdue: 1,
      assessed: 1,
      agreedPlans: 1,
    })
    const before = MonthView.month(state, {
      month: YearMonth.make(2025, 11),
      now: F.at("2025-11-06T00:00:00Z"),
    })
    expect(before.every((r) => r.status === "not-due")).toBe(true)
  })

  it("EMD-2.2 EMD-2.4 EMD-2.15 the bank holds the accepted practices by topic", () => {
    const state = Projection.rebuild(PracticeBank.readModel, events)
    expect(PracticeBank.bank(state, { topicId: topic }).map((e) => [e.teacherId, e.title])).toEqual(
      [["t-s-mid", "Лист самооценки"]],
    )
    expect(PracticeBank.choices(state)).toHaveLength(1)
    expect(PracticeBank.pending(state)).toEqual([])
  })

  it("EMD-2.1 records deficits from day decisions and progress sheets for progress tracking", () => {
    const state = Projection.rebuild(DeficitLog.readModel, events)
    expect(state.deficits.map((d) => [d.personId, d.area, d.foundOn, d.source._tag])).toEqual([
      ["t-mid", "digital", "2025-10-16", "EmdDay"],
      ["t-s-mid", "assessment", "2025-10-31", "ProgressSheet"],
    ])
    expect(DeficitLog.forSchool(state, MID)).toHaveLength(2)
  })

  it("EMD-2.7–2.18 read models rebuild from the log the same way in any page size, and their state round-trips as JSON", async () => {
    const check = async <S extends Projection.Checkpointed>(model: Projection.ReadModel<S>) => {
      const whole = Projection.rebuild(model, events)
      const store = InMemory.make().eventStore
      const paged = await Effect.runPromise(
        Effect.gen(function* () {
          for (const e of events) {
            yield* store.append({
              streamId: e.streamId,
              streamType: e.streamType,
              expectedVersion: e.version - 1,
              events: [e],
            })
          }
          return yield* Projection.catchUp(model, undefined, 7)
        }).pipe(Effect.provideService(EventStore, store)),
      )
      expect(paged).toEqual(whole)
      const codec = Schema.fromJsonString(model.stateSchema)
      expect(Schema.decodeUnknownSync(codec)(Schema.encodeSync(codec)(whole))).toEqual(whole)
    }
    await check(WeeklyView.readModel)
    await check(MonthView.readModel)
    await check(PracticeBank.readModel)
    await check(DeficitLog.readModel)
  })

  it("EMD-2.7–2.18 a stored event that does not decode is reported, not lost silently", () => {
    const broken = { ...events[3]!, position: events.length + 1, data: { _tag: "CycleOpened" } }
    const state = WeeklyView.project(weekly, { ...broken, streamType: Cycle.streamType })
    expect(state.skipped).toHaveLength(1)
    expect(state.position).toBe(events.length + 1)
  })

  it("EMD-2.7 EMD-2.9 EMD-2.10 EMD-2.12 EMD-2.16 lists the due instants to remind about", () => {
    const cycles = WeeklyView.cycles(weekly)
    const low = cycles.find((c) => c.state.schoolId === LOW)!.state
    const all = Reminders.cycleDueInstants(low)
    expect(all.map((d) => [d.step, d.target, d.date])).toEqual([
      ["materials", "emd.materials", "2025-10-08"],
      ["form", undefined, "2025-10-16"],
      ["videoconference", "emd.videoconference", "2025-10-10"],
      ["questions", "emd.questions", "2025-10-13"],
      ["day", "emd.day", "2025-10-16"],
      ["decision", "emd.decision", "2025-10-16"],
    ])
    expect(DateTime.formatIso(all[3]!.at)).toBe("2025-10-13T05:00:00.000Z")
    expect(Reminders.cycleDueInstants(low, { pendingOnly: true }).map((d) => d.step)).not.toContain(
      "materials",
    )
    const sheet = Reminders.sheetDueInstant(YearMonth.make(2026, 5), F.regulation)
    expect(
      sheet._tag === "Success" && [sheet.success.date, DateTime.formatIso(sheet.success.at)],
    ).toEqual(["2026-05-29", "2026-05-29T17:59:59.999Z"])
    const year = Object.values(weekly.years)[0]!
    expect(Reminders.yearSheetDueInstants(year)).toHaveLength(9)
  })
})
