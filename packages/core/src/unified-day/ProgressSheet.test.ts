import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import * as F from "./Fixtures.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as YearMonth from "./YearMonth.ts"

const S = F.school("school-3")
const month = YearMonth.make(2025, 12)
const leader = F.leaderOf(S)

const run = (commands: ReadonlyArray<readonly [ProgressSheet.SheetCommand, Actor, string]>) => {
  let state = ProgressSheet.initialState
  const events: Array<ProgressSheet.SheetEvent> = []
  let last: Result.Result<
    ReadonlyArray<ProgressSheet.SheetEvent>,
    ProgressSheet.SheetError
  > = Result.succeed([])
  for (const [command, actor, now] of commands) {
    last = ProgressSheet.decide(command, state, { now: F.at(now), actor, regulation: F.regulation })
    if (Result.isSuccess(last)) {
      for (const e of last.success) {
        events.push(e)
        state = ProgressSheet.evolve(state, e)
      }
    }
  }
  return { state, events, last }
}

const tag = (r: Result.Result<unknown, { readonly _tag: string }>) =>
  Result.isFailure(r) ? r.failure._tag : "ok"

const submit = new ProgressSheet.SubmitSheet({
  schoolId: S,
  month,
  entries: [
    {
      personId: F.person("t-1"),
      role: "teacher",
      progress: "Освоила приёмы формирующего оценивания",
      practice: "Листы самооценки",
      deficits: [{ area: "digital", description: "Работа с ЦОР" }],
    },
    { personId: F.person("l-1"), role: "leader", progress: "Провёл два ЕМД", deficits: [] },
  ],
})
const assess = (personId = "t-1") =>
  new ProgressSheet.AssessGrowth({
    assessments: [{ personId: F.person(personId), level: "moderate" }],
  })

describe("ProgressSheet (EMD-2.16, 2.18, 2.1)", () => {
  it("EMD-2.16 is due at the end of the month's last working day, local time", () => {
    // 2025-12-31 is a non-working day: the sheet is due at 23:59:59.999 on 30 December, Omsk.
    const onTime = run([[submit, leader, "2025-12-30T17:59:59Z"]])
    expect(onTime.state._tag === "Submitted" && onTime.state.due.date).toBe("2025-12-30")
    expect(onTime.state._tag === "Submitted" && onTime.state.late).toBe(false)
  })

  it("EMD-2.16 accepts a late sheet and marks it late", () => {
    const late = run([[submit, leader, "2025-12-30T18:00:00Z"]])
    expect(late.events.map((e) => e._tag)).toEqual(["SheetSubmitted"])
    expect(late.state._tag === "Submitted" && late.state.late).toBe(true)
  })

  it("EMD-2.16 only the school's leader submits, once, and not before the month", () => {
    expect(tag(run([[submit, F.responsibleOf(S), "2025-12-20T05:00:00Z"]]).last)).toBe("Forbidden")
    expect(tag(run([[submit, F.leaderOf(F.school("other")), "2025-12-20T05:00:00Z"]]).last)).toBe(
      "Forbidden",
    )
    const twice = run([
      [submit, leader, "2025-12-20T05:00:00Z"],
      [submit, leader, "2025-12-21T05:00:00Z"],
    ])
    expect(tag(twice.last)).toBe("SheetAlreadySubmitted")
    expect(Result.isFailure(twice.last) && twice.last.failure.message).toContain("уже представлен")
    // 30 November 18:00Z is already 1 December in Omsk.
    expect(tag(run([[submit, leader, "2025-11-30T17:59:59Z"]]).last)).toBe("SheetNotOpenYet")
    expect(tag(run([[submit, leader, "2025-11-30T18:00:00Z"]]).last)).toBe("ok")
  })

  it("EMD-2.18 methodists assess growth from a submitted sheet, once, for people in it", () => {
    const base = [[submit, leader, "2025-12-20T05:00:00Z"]] as const
    expect(tag(run([[assess(), F.methodist, "2025-12-20T05:00:00Z"]]).last)).toBe(
      "SheetNotSubmitted",
    )
    const done = run([...base, [assess(), F.methodist, "2026-01-12T05:00:00Z"]])
    expect(done.state._tag === "Submitted" && done.state.assessment?.assessments[0]?.level).toBe(
      "moderate",
    )
    expect(tag(run([...base, [assess(), leader, "2026-01-12T05:00:00Z"]]).last)).toBe("Forbidden")
    expect(tag(run([...base, [assess("nobody"), F.methodist, "2026-01-12T05:00:00Z"]]).last)).toBe(
      "InvalidCommand",
    )
    expect(
      tag(
        run([
          ...base,
          [assess(), F.methodist, "2026-01-12T05:00:00Z"],
          [assess(), F.methodist, "2026-01-13T05:00:00Z"],
        ]).last,
      ),
    ).toBe("GrowthAlreadyAssessed")
  })

  it("EMD-2.1 EMD-2.16 every event survives a JSON round trip", () => {
    const { events } = run([
      [submit, leader, "2025-12-20T05:00:00Z"],
      [assess(), F.methodist, "2026-01-12T05:00:00Z"],
    ])
    const json = Schema.fromJsonString(ProgressSheet.SheetEvent)
    for (const e of events)
      expect(Schema.decodeUnknownSync(json)(Schema.encodeSync(json)(e))).toEqual(e)
  })
})
