import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { TopicId } from "../Ids.ts"
import * as F from "./Fixtures.ts"
import type { EmdRegulation } from "./Regulation.ts"
import * as Year from "./Year.ts"

const now = "2025-08-25T03:00:00Z"
const A = F.school("school-a")
const B = F.school("school-b")
const C = F.school("school-c")

const run = (
  commands: ReadonlyArray<readonly [Year.YearCommand, Actor]>,
  regulation: EmdRegulation = F.regulation,
) => {
  let state = Year.initialState
  const events: Array<Year.YearEvent> = []
  let last: Result.Result<ReadonlyArray<Year.YearEvent>, Year.YearError> = Result.succeed([])
  for (const [command, actor] of commands) {
    last = Year.decide(command, state, { now: F.at(now), actor, regulation })
    if (Result.isSuccess(last)) {
      for (const e of last.success) {
        events.push(e)
        state = Year.evolve(state, e)
      }
    }
  }
  return { state, events, last }
}

const failure = (r: Result.Result<unknown, Year.YearError>): Year.YearError => {
  if (Result.isSuccess(r)) throw new Error("expected a refusal")
  return r.failure
}

const plan = [
  new Year.PlanYear({ districtId: F.district, startYear: 2025 }),
  F.coordinator,
] as const
const register = (schoolId: typeof A, lowResults: boolean) =>
  [
    new Year.RegisterSchool({ schoolId, lowResults, leaderId: F.person(`leader-${schoolId}`) }),
    F.coordinator,
  ] as const
const topic = [
  new Year.ReceiveTopic({
    topicId: TopicId.make("t1"),
    title: "Функциональная грамотность",
    seminars: [{ title: "Видеосеминар 1", url: "https://iro.omsk.ru/v/1" }],
  }),
  F.coordinator,
] as const

/** Thursdays of 2025/26 counted by hand: holidays on Thursdays are 2026-01-01 and 2026-01-08. */
const thursdays = (skip: ReadonlyArray<string>) => {
  const out: Array<string> = []
  for (let d = F.date("2025-09-04"); d <= "2026-05-31"; d = LocalDate.addDays(d, 7)) {
    if (!skip.includes(d)) out.push(d)
  }
  return out
}

describe("Year (EMD-1.2, 1.3, 1.5, 1.6, 2.3)", () => {
  it("EMD-1.2 plans every Thursday of 2025/26, skipping non-working days", () => {
    const { state, events } = run([plan])
    expect(events.map((e) => e._tag)).toEqual(["YearPlanned"])
    expect(Year.heldDates(state)).toEqual(thursdays(["2026-01-01", "2026-01-08"]))
    expect(state._tag === "Planned" && state.skipped.map((s) => s.date)).toEqual([
      "2026-01-01",
      "2026-01-08",
    ])
    expect(state._tag === "Planned" && state.sheets.map((s) => s.month)).toEqual([
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
    ])
    // 2025-12-31 is a non-working day by the 2025 decree: the December sheet is due on the 30th.
    expect(state._tag === "Planned" && state.sheets[3]?.due.date).toBe("2025-12-30")
  })

  it("EMD-1.2 a regulation that skips vacations leaves out the vacation weeks too", () => {
    const skipping = { ...F.regulation, emd: { ...F.regulation.emd, skipVacations: true } }
    const { state } = run([plan], skipping)
    expect(Year.heldDates(state)).toEqual(
      thursdays(["2025-10-30", "2026-01-01", "2026-01-08", "2026-04-02"]),
    )
  })

  it("EMD-1.2 the weekday is a regulation setting", () => {
    const wednesdays = { ...F.regulation, emd: { ...F.regulation.emd, weekday: 3 as const } }
    const { state } = run([plan], wednesdays)
    expect(Year.heldDates(state).every((d) => LocalDate.weekday(d) === 3)).toBe(true)
  })

  it("EMD-1.2 refuses planning twice and any other command before planning", () => {
    expect(failure(run([plan, plan]).last)._tag).toBe("YearAlreadyPlanned")
    expect(failure(run([topic]).last)._tag).toBe("YearNotPlanned")
  })

  it("EMD-1.6 assigns a topic received from the regional institute to a planned day", () => {
    const assign = (date: string, id = "t1") =>
      [
        new Year.AssignTopic({ date: F.date(date), topicId: TopicId.make(id) }),
        F.coordinator,
      ] as const
    const { state } = run([plan, topic, assign("2025-10-16")])
    expect(
      state._tag === "Planned" && state.days.find((d) => d.date === "2025-10-16")?.topicId,
    ).toBe("t1")
    expect(failure(run([plan, topic, assign("2025-10-17")]).last)._tag).toBe("NotAPlannedDay")
    expect(failure(run([plan, topic, assign("2025-10-16", "t9")]).last)._tag).toBe("UnknownTopic")
    expect(failure(run([plan, topic, topic]).last)._tag).toBe("TopicAlreadyReceived")
  })

  it("EMD-1.2 cancels or moves a day for the district; a move keeps the topic", () => {
    const cancel = [
      new Year.CancelPlannedDay({ date: F.date("2025-10-16"), reason: "quarantine" }),
      F.coordinator,
    ] as const
    const cancelled = run([plan, cancel])
    expect(Year.heldDates(cancelled.state)).not.toContain("2025-10-16")
    expect(failure(run([plan, cancel, cancel]).last).message).toContain("was cancelled")
    const move = (to: string) =>
      [
        new Year.MovePlannedDay({
          date: F.date("2025-10-16"),
          to: F.date(to),
          reason: "non-working-day",
        }),
        F.coordinator,
      ] as const
    const assign = [
      new Year.AssignTopic({ date: F.date("2025-10-16"), topicId: TopicId.make("t1") }),
      F.coordinator,
    ] as const
    const moved = run([plan, topic, assign, move("2025-10-17")])
    const day =
      moved.state._tag === "Planned"
        ? moved.state.days.find((d) => d.date === "2025-10-17")
        : undefined
    expect(day).toEqual({ date: "2025-10-17", movedFrom: "2025-10-16", topicId: "t1" })
    expect(failure(run([plan, move("2025-11-04")]).last)._tag).toBe("NotAWorkingDay")
    expect(failure(run([plan, move("2025-10-23")]).last).message).toContain("already has")
    expect(failure(run([plan, move("2026-06-04")]).last).message).toContain(
      "outside the school year",
    )
  })

  it("EMD-1.3 a low-results school cannot withdraw; another may", () => {
    const withdraw = (schoolId: typeof A) =>
      [new Year.WithdrawSchool({ schoolId }), F.leaderOf(schoolId)] as const
    const r = run([plan, register(A, true), register(B, false), withdraw(B)])
    expect(Year.participants(r.state).map((p) => p.schoolId)).toEqual([A])
    const mandatory = run([plan, register(A, true), withdraw(A)])
    const e = failure(mandatory.last)
    expect(e._tag).toBe("ParticipationMandatory")
    expect(e.message).toContain("mandatory")
  })

  it("EMD-1.3 a leader registers only their own school", () => {
    const own = run([
      plan,
      [
        new Year.RegisterSchool({
          schoolId: B,
          lowResults: false,
          leaderId: F.person("leader-school-b"),
        }),
        F.leaderOf(B),
      ],
    ])
    expect(own.events.at(-1)?._tag).toBe("SchoolRegistered")
    const other = run([
      plan,
      [
        new Year.RegisterSchool({ schoolId: C, lowResults: false, leaderId: F.person("x") }),
        F.leaderOf(B),
      ],
    ])
    expect(failure(other.last)._tag).toBe("Forbidden")
  })

  it("EMD-1.5 the leader appoints the responsible person by the school's order; the role follows", () => {
    const order = {
      number: "45-о",
      date: F.date("2025-09-01"),
      issuer: A,
      title: "О назначении ответственного за ЕМД",
    }
    const appoint = (personId: string, actor: Actor, issuer = A) =>
      [
        new Year.AppointResponsible({
          schoolId: A,
          personId: F.person(personId),
          basis: "deputy-leader",
          order: { ...order, issuer },
        }),
        actor,
      ] as const
    const r = run([plan, register(A, true), appoint("deputy-1", F.leaderOf(A))])
    expect(Year.responsibleOf(r.state, A)?.order.number).toBe("45-о")
    expect(Year.roleGrants(r.state, F.person("deputy-1"))).toEqual([
      { role: "day-responsible", organisationId: A },
    ])
    expect(
      failure(run([plan, register(A, true), appoint("deputy-1", F.coordinator)]).last)._tag,
    ).toBe("Forbidden")
    expect(
      failure(run([plan, register(A, true), appoint("deputy-1", F.leaderOf(A), B)]).last)._tag,
    ).toBe("InvalidCommand")
    expect(
      failure(run([plan, register(A, true), appoint("leader-school-a", F.leaderOf(A))]).last)._tag,
    ).toBe("InvalidCommand")
    expect(failure(run([plan, appoint("deputy-1", F.leaderOf(A))]).last)._tag).toBe(
      "SchoolNotRegistered",
    )
  })

  it("EMD-2.3 assigns curators, records no change when nothing changes, and explains infeasibility", () => {
    const schools = [
      { id: A, lowResults: true, leaderId: F.person("la") },
      { id: B, lowResults: false, leaderId: F.person("lb") },
      { id: C, lowResults: true, leaderId: F.person("lc") },
    ]
    const assign = [new Year.AssignCurators({ schools }), F.coordinator] as const
    const r = run([plan, assign, assign])
    expect(r.events.map((e) => e._tag)).toEqual(["YearPlanned", "CuratorsAssigned"])
    expect(Year.roleGrants(r.state, F.person("lb"))).toEqual([
      { role: "curator", organisationId: A },
      { role: "curator", organisationId: C },
    ])
    const tight = { ...F.regulation, emd: { ...F.regulation.emd, curatorMaxLoad: 1 } }
    const e = failure(run([plan, assign], tight).last)
    expect(e._tag).toBe("CuratorAssignmentInfeasible")
    expect(e.message).toContain("2 low-results schools need a curator")
  })

  it("EMD-1.2 EMD-1.3 EMD-1.6 opens the cycles of every participating school with its flag and the topic", () => {
    const assign = [
      new Year.AssignTopic({ date: F.date("2025-10-16"), topicId: TopicId.make("t1") }),
      F.coordinator,
    ] as const
    const r = run([plan, topic, assign, register(A, true), register(B, false)])
    const opened = Result.getOrThrow(Year.openCycles(r.state, F.date("2025-10-16")))
    expect(opened.map((o) => [o.streamId, o.command.lowResults, o.command.topicId])).toEqual([
      ["emd-cycle:school-a:2025-10-16", true, "t1"],
      ["emd-cycle:school-b:2025-10-16", false, "t1"],
    ])
    expect(Result.isFailure(Year.openCycles(r.state, F.date("2025-10-17")))).toBe(true)
  })

  it("EMD-1.2 every event survives a JSON round trip", () => {
    const { events } = run([plan, topic, register(A, true)])
    const json = Schema.fromJsonString(Year.YearEvent)
    for (const e of events)
      expect(Schema.decodeUnknownSync(json)(Schema.encodeSync(json)(e))).toEqual(e)
  })
})
