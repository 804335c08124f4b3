/**
 * A whole school year 2025/26 of unified methodical days for a district of 30 schools
 * (5 low-results) under the Poltavsky preset (Asia/Omsk), run through the engine on the
 * in-memory store with a controlled clock. Each school's behaviour each week is a pure
 * function of (school, date), so the year's figures can be counted independently: over a
 * hand-written list of the 2025/26 non-working days, with the regulation's deadlines
 * computed by plain arithmetic, never through the library's calendar.
 */
import { DateTime, Effect, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import * as Actor from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import type { DecisionContext, Definition } from "../Decider.ts"
import * as Engine from "../Engine.ts"
import { OrganisationId, PersonId, type StreamId, TopicId } from "../Ids.ts"
import * as InMemory from "../InMemory.ts"
import * as Presets from "../kernel/Presets.ts"
import type { Settings } from "../kernel/Settings.ts"
import * as Cycle from "./Cycle.ts"
import * as MonthView from "./MonthView.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as Projection from "./Projection.ts"
import * as WeeklyView from "./WeeklyView.ts"
import * as Year from "./Year.ts"
import * as YearMonth from "./YearMonth.ts"

// ---------------------------------------------------------------- the district

const settings: Settings = Presets.poltavsky.regulation.versions[0].content
const district = Presets.poltavsky.district.id
const schools = Array.from({ length: 30 }, (_, i) => `s${String(i + 1).padStart(2, "0")}`)
const lowResults = new Set(["s03", "s09", "s15", "s21", "s27"])
const school = (s: string) => OrganisationId.make(s)
const person = (p: string) => PersonId.make(p)
const coordinator = Actor.make(person("coordinator"), district, ["municipal-coordinator"])
const leader = (s: string) =>
  Actor.make(person(`leader-${s}`), district, [
    { role: "school-leader", organisationId: school(s) },
  ])
const responsible = (s: string) =>
  Actor.make(person(`resp-${s}`), district, [
    { role: "day-responsible", organisationId: school(s) },
  ])

/** A number in [0, 1) that depends only on its key (FNV-1a). */
const chance = (key: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return (h >>> 0) / 0x1_0000_0000
}

type Questions = "mon09" | "mon13" | "tue10" | "none"
const behaviour = (s: string, date: string) => {
  const q = chance(`${s}/${date}/questions`)
  return {
    quarantine: chance(`${s}/${date}/quarantine`) < 0.03,
    questions: (q < 0.6 ? "mon09" : q < 0.75 ? "mon13" : q < 0.85 ? "tue10" : "none") as Questions,
    form: chance(`${s}/${date}/form`) < 0.9,
  }
}
const sheetBehaviour = (s: string, month: string) => {
  const r = chance(`${s}/${month}/sheet`)
  return r < 0.8 ? "on-time" : r < 0.95 ? "late" : "none"
}

// ---------------------------------------------------------------- independent calendar

/** Non-working weekdays of 2025/26 (Labour Code art. 112 and the 2025 and 2026 decrees). */
const offWeekdays = new Set([
  "2025-11-03",
  "2025-11-04",
  "2025-12-31",
  "2026-01-01",
  "2026-01-02",
  "2026-01-05",
  "2026-01-06",
  "2026-01-07",
  "2026-01-08",
  "2026-01-09",
  "2026-02-23",
  "2026-03-09",
  "2026-05-01",
  "2026-05-11",
])
const workingSaturdays = new Set(["2025-11-01"])
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`)
const plus = (date: string, days: number) => iso(dayMs(date) + days * 24 * HOUR)
const isWorking = (date: string) => {
  const wd = new Date(dayMs(date)).getUTCDay()
  if (workingSaturdays.has(date)) return true
  return wd !== 0 && wd !== 6 && !offWeekdays.has(date)
}
/** A local (UTC+6) time on a date, as epoch milliseconds. */
const omsk = (date: string, hour: number, minute = 0) =>
  dayMs(date) + (hour - 6) * HOUR + minute * 60_000

/** EMD-2.10 by hand: Monday T−3 11:00, moved to the next working day but never onto T. */
const questionsDue = (t: string): number => {
  let d = plus(t, -3)
  while (!isWorking(d)) d = plus(d, 1)
  if (d >= t) {
    d = plus(t, -4)
    while (!isWorking(d)) d = plus(d, -1)
  }
  return omsk(d, 11)
}
const lastWorkingDay = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  let d = iso(Date.UTC(y, m, 0))
  while (!isWorking(d)) d = plus(d, -1)
  return d
}

const cancelledDay = "2025-10-30"
const moved = { from: "2026-03-12", to: "2026-03-13" }
const expectedDates = (() => {
  const out: Array<string> = []
  for (let d = "2025-09-04"; d <= "2026-05-31"; d = plus(d, 7)) {
    if (!isWorking(d) || d === cancelledDay) continue
    out.push(d === moved.from ? moved.to : d)
  }
  return out
})()
const months = [
  "2025-09",
  "2025-10",
  "2025-11",
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
]

const sendTime = (t: string, q: Questions): number | undefined => {
  // The moved day keeps the Thursday's week: T−3 of Friday 13 March is Tuesday 10 March.
  switch (q) {
    case "mon09":
      return omsk(plus(t, -3), 9)
    case "mon13":
      return omsk(plus(t, -3), 13)
    case "tue10":
      return omsk(plus(t, -2), 10)
    case "none":
      return undefined
  }
}

const expected = (() => {
  let held = 0
  let cancelled = 0
  let lateQuestions = 0
  let onTimeQuestions = 0
  let flaggedQuestions = 0
  for (const t of expectedDates) {
    for (const s of schools) {
      const b = behaviour(s, t)
      const sent = sendTime(t, b.questions)
      if (sent !== undefined) {
        if (sent > questionsDue(t)) lateQuestions++
        else onTimeQuestions++
      }
      if (b.quarantine) cancelled++
      else {
        held++
        if (lowResults.has(s) && sent === undefined) flaggedQuestions++
      }
    }
  }
  const sheets = months.map((month) => {
    let submitted = 0
    let late = 0
    let overdue = 0
    for (const s of schools) {
      const b = sheetBehaviour(s, month)
      if (b === "none") overdue++
      else {
        submitted++
        if (b === "late") late++
      }
    }
    return { month, submitted, late, overdue }
  })
  return { held, cancelled, lateQuestions, onTimeQuestions, flaggedQuestions, sheets }
})()

// ---------------------------------------------------------------- the run

const engine = Engine.make({ regulationFor: () => Effect.succeed(settings) })

const at = (ms: number) => TestClock.setTime(ms)
const run = <C extends { readonly _tag: string }, E extends { readonly _tag: string }, S, Err>(
  definition: Definition<C, E, S, Err, DecisionContext<Settings>>,
  streamId: StreamId,
  command: C,
  actor: Actor.Actor,
  when: number,
) => Effect.andThen(at(when), engine.execute(definition, streamId, command, actor))

const yearStream = Year.streamId(district, 2025)

const program = Effect.gen(function* () {
  const prep = dayMs("2025-08-20") + 3 * HOUR
  yield* run(
    Year.definition,
    yearStream,
    new Year.PlanYear({ districtId: district, startYear: 2025 }),
    coordinator,
    prep,
  )
  for (const s of schools) {
    yield* run(
      Year.definition,
      yearStream,
      new Year.RegisterSchool({
        schoolId: school(s),
        lowResults: lowResults.has(s),
        leaderId: person(`leader-${s}`),
      }),
      coordinator,
      prep,
    )
    yield* run(
      Year.definition,
      yearStream,
      new Year.AppointResponsible({
        schoolId: school(s),
        personId: person(`resp-${s}`),
        basis: "deputy-leader",
        order: {
          number: `${s}-1`,
          date: LocalDate.unsafeFromString("2025-08-29"),
          issuer: school(s),
          title: "О назначении ответственного за ЕМД",
        },
      }),
      leader(s),
      prep,
    )
  }
  const curators = yield* run(
    Year.definition,
    yearStream,
    new Year.AssignCurators({
      schools: schools.map((s) => ({
        id: school(s),
        lowResults: lowResults.has(s),
        leaderId: person(`leader-${s}`),
      })),
    }),
    coordinator,
    prep,
  )
  for (const month of months) {
    yield* run(
      Year.definition,
      yearStream,
      new Year.ReceiveTopic({
        topicId: TopicId.make(`topic-${month}`),
        title: `Тема ${month}`,
        seminars: [{ title: "Видеосеминар", url: `https://iro.example/${month}` }],
      }),
      coordinator,
      prep,
    )
  }
  yield* run(
    Year.definition,
    yearStream,
    new Year.CancelPlannedDay({
      date: LocalDate.unsafeFromString(cancelledDay),
      reason: "other",
      note: "Районная конференция",
    }),
    coordinator,
    omsk("2025-10-20", 9),
  )
  yield* run(
    Year.definition,
    yearStream,
    new Year.MovePlannedDay({
      date: LocalDate.unsafeFromString(moved.from),
      to: LocalDate.unsafeFromString(moved.to),
      reason: "non-working-day",
    }),
    coordinator,
    omsk("2026-02-20", 9),
  )
  const year = (yield* engine.load(Year.definition, yearStream)).state
  const dates = Year.heldDates(year)
  for (const date of dates) {
    yield* run(
      Year.definition,
      yearStream,
      new Year.AssignTopic({ date, topicId: TopicId.make(`topic-${date.slice(0, 7)}`) }),
      coordinator,
      prep,
    )
  }
  const withTopics = (yield* engine.load(Year.definition, yearStream)).state
  for (const t of dates) {
    const opens = Result.getOrThrow(Year.openCycles(withTopics, t))
    for (const { streamId, command } of opens) {
      const s = command.schoolId
      const b = behaviour(s, t)
      yield* run(Cycle.definition, streamId, command, coordinator, omsk(plus(t, -9), 9))
      yield* run(
        Cycle.definition,
        streamId,
        new Cycle.IssueMaterials({
          seminars: [{ title: "Видеосеминар", url: "https://iro.example/v" }],
          questions: ["Вопрос для обсуждения"],
        }),
        coordinator,
        omsk(plus(t, -8), 10),
      )
      if (b.form) {
        yield* run(
          Cycle.definition,
          streamId,
          new Cycle.ChooseForm({ form: { kind: "workshop" } }),
          responsible(s),
          omsk(plus(t, -7), 10),
        )
      }
      yield* run(
        Cycle.definition,
        streamId,
        new Cycle.RecordVideoconference({ attendees: [person(`leader-${s}`)] }),
        coordinator,
        omsk(plus(t, -6), 15),
      )
      const sent = sendTime(t, b.questions)
      if (sent !== undefined) {
        yield* run(
          Cycle.definition,
          streamId,
          new Cycle.SubmitQuestions({ questions: ["Вопрос школы"] }),
          responsible(s),
          sent,
        )
      }
      if (b.quarantine) {
        yield* run(
          Cycle.definition,
          streamId,
          new Cycle.CancelDay({ reason: "quarantine" }),
          leader(s),
          omsk(plus(t, -1), 9),
        )
        continue
      }
      yield* run(
        Cycle.definition,
        streamId,
        new Cycle.HoldDay({
          form: { kind: "workshop" },
          participants: { leaders: 1, teachers: 12, people: [] },
        }),
        responsible(s),
        omsk(t, 10),
      )
      yield* run(
        Cycle.definition,
        streamId,
        new Cycle.SendDecision({
          summary: "Решение ЕМД",
          items: [
            {
              itemId: "1",
              text: "Применить на уроках",
              dueDate: LocalDate.unsafeFromString(plus(t, 7)),
            },
          ],
          deficits: [],
        }),
        leader(s),
        omsk(t, 17),
      )
    }
  }
  for (const month of months) {
    for (const s of schools) {
      const b = sheetBehaviour(s, month)
      if (b === "none") continue
      const when =
        b === "on-time"
          ? omsk(lastWorkingDay(month), 15)
          : omsk(plus(iso(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1)), 1), 10)
      const m = YearMonth.YearMonth.make(month)
      yield* run(
        ProgressSheet.definition,
        ProgressSheet.streamId(school(s), m),
        new ProgressSheet.SubmitSheet({
          schoolId: school(s),
          month: m,
          entries: [
            {
              personId: person(`leader-${s}`),
              role: "leader",
              progress: "Продвижение за месяц",
              deficits: [],
            },
          ],
        }),
        leader(s),
        when,
      )
    }
  }
  const weekly = yield* Projection.catchUp(WeeklyView.readModel)
  const monthly = yield* Projection.catchUp(MonthView.readModel)
  return { dates, weekly, monthly, curators: curators.events }
})

describe("A whole school year (EMD-1.2, 1.3, 2.3, 2.7–2.16)", () => {
  it("EMD-1.2 EMD-2.10 EMD-2.12 EMD-2.16 runs 2025/26 for 30 schools and agrees with an independent count", async () => {
    const result = await Effect.runPromise(
      program.pipe(Effect.provide(Layer.mergeAll(InMemory.layer, TestClock.layer()))),
    )
    // EMD-1.2: every Thursday but the holidays, one day cancelled, one moved.
    expect(result.dates).toEqual(expectedDates)
    expect(result.dates).toHaveLength(36)
    // EMD-2.3: five low-results schools, five curators' pairs.
    const assigned = result.curators[0]
    expect(assigned?._tag === "CuratorsAssigned" && assigned.pairs).toHaveLength(5)

    const end = DateTime.makeUnsafe(omsk("2026-06-10", 12))
    const rows = result.dates.flatMap((date) =>
      WeeklyView.week(result.weekly, { date, now: end, districtId: district }),
    )
    expect(rows).toHaveLength(expectedDates.length * schools.length)
    const figures = {
      held: rows.filter((r) => r.steps.day === "done").length,
      cancelled: rows.filter((r) => r.stage === "cancelled").length,
      lateQuestions: rows.filter((r) => r.steps.questions === "done-late").length,
      onTimeQuestions: rows.filter((r) => r.steps.questions === "done").length,
      // EMD-1.3: a low-results school's missing questions are flagged.
      flaggedQuestions: rows.filter((r) => r.flagged.includes("questions")).length,
      sheets: months.map((month) => {
        const s = MonthView.summary(
          MonthView.month(result.monthly, {
            month: YearMonth.YearMonth.make(month),
            now: end,
            districtId: district,
          }),
        )
        return { month, submitted: s.submitted, late: s.late, overdue: s.overdue }
      }),
    }
    expect(figures).toEqual(expected)
    // The behaviours exercise every case: late and on-time questions, quarantines, flags, late and missing sheets.
    expect(
      Math.min(
        expected.lateQuestions,
        expected.onTimeQuestions,
        expected.cancelled,
        expected.flaggedQuestions,
      ),
    ).toBeGreaterThan(0)
    expect(expected.sheets.some((m) => m.late > 0 && m.overdue > 0)).toBe(true)
    expect(rows.filter((r) => !r.lowResults && r.flagged.length > 0)).toEqual([])
    expect(result.weekly.skipped).toEqual([])
  })
})
