import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Actor } from "../Actor.ts"
import * as F from "./Fixtures.ts"
import * as HelpPlan from "./HelpPlan.ts"
import * as YearMonth from "./YearMonth.ts"

const S = F.school("school-low")
const month = YearMonth.make(2026, 1)
const curator = F.curatorOf(S)

const run = (commands: ReadonlyArray<readonly [HelpPlan.HelpPlanCommand, Actor, string]>) => {
  let state = HelpPlan.initialState
  const events: Array<HelpPlan.HelpPlanEvent> = []
  let last: Result.Result<
    ReadonlyArray<HelpPlan.HelpPlanEvent>,
    HelpPlan.HelpPlanError
  > = Result.succeed([])
  for (const [command, actor, now] of commands) {
    last = HelpPlan.decide(command, state, { now: F.at(now), actor, regulation: F.regulation })
    if (Result.isSuccess(last)) {
      for (const e of last.success) {
        events.push(e)
        state = HelpPlan.evolve(state, e)
      }
    }
  }
  return { state, events, last }
}

const tag = (r: Result.Result<unknown, { readonly _tag: string }>) =>
  Result.isFailure(r) ? r.failure._tag : "ok"

const draft = new HelpPlan.DraftHelpPlan({
  schoolId: S,
  month,
  items: [
    {
      itemId: "1",
      action: "Консультация по формирующему оцениванию",
      forPersonId: F.person("t-1"),
      ownerId: F.person("curator-school-low"),
      dueDate: F.date("2026-02-06"),
    },
  ],
})
const agreeCurator = new HelpPlan.AgreeHelpPlan({ party: "curator" })
const agreeDepartment = new HelpPlan.AgreeHelpPlan({ party: "methodical-department" })
const completeItem = new HelpPlan.CompleteHelpItem({ itemId: "1" })

describe("HelpPlan (EMD-2.17)", () => {
  it("EMD-2.17 is in force once the curator and the methodical department both agree", () => {
    const r = run([
      [draft, curator, "2026-02-02T04:00:00Z"],
      [agreeCurator, curator, "2026-02-02T05:00:00Z"],
      [agreeDepartment, F.methodist, "2026-02-03T05:00:00Z"],
    ])
    expect(r.events.map((e) => e._tag)).toEqual([
      "HelpPlanDrafted",
      "HelpPlanAgreedBy",
      "HelpPlanAgreedBy",
      "HelpPlanAgreed",
    ])
    expect(r.state._tag).toBe("Agreed")
  })

  it("EMD-2.17 a party agrees only for itself, once; a redraft re-opens the agreement", () => {
    expect(
      tag(
        run([
          [draft, curator, "2026-02-02T04:00:00Z"],
          [agreeDepartment, curator, "2026-02-02T05:00:00Z"],
        ]).last,
      ),
    ).toBe("Forbidden")
    expect(
      tag(
        run([
          [draft, curator, "2026-02-02T04:00:00Z"],
          [agreeCurator, curator, "2026-02-02T05:00:00Z"],
          [agreeCurator, curator, "2026-02-02T06:00:00Z"],
        ]).last,
      ),
    ).toBe("AlreadyAgreedBy")
    const redrafted = run([
      [draft, curator, "2026-02-02T04:00:00Z"],
      [agreeCurator, curator, "2026-02-02T05:00:00Z"],
      [draft, F.methodist, "2026-02-03T04:00:00Z"],
    ])
    expect(redrafted.state._tag === "Draft" && redrafted.state.agreedBy).toEqual([])
    expect(tag(run([[draft, F.curatorOf(F.school("other")), "2026-02-02T04:00:00Z"]]).last)).toBe(
      "Forbidden",
    )
    expect(tag(run([[draft, F.leaderOf(S), "2026-02-02T04:00:00Z"]]).last)).toBe("Forbidden")
  })

  it("EMD-2.17 items are completed under the agreed plan, late after their due date", () => {
    const agreed = [
      [draft, curator, "2026-02-02T04:00:00Z"],
      [agreeCurator, curator, "2026-02-02T05:00:00Z"],
      [agreeDepartment, F.methodist, "2026-02-03T05:00:00Z"],
    ] as const
    expect(
      tag(
        run([
          [draft, curator, "2026-02-02T04:00:00Z"],
          [completeItem, curator, "2026-02-04T04:00:00Z"],
        ]).last,
      ),
    ).toBe("HelpPlanNotAgreed")
    const late = run([...agreed, [completeItem, curator, "2026-02-06T18:00:00Z"]])
    expect(late.state._tag === "Agreed" && late.state.items[0].done?.late).toBe(true)
    const onTime = run([...agreed, [completeItem, curator, "2026-02-06T17:00:00Z"]])
    expect(onTime.state._tag === "Agreed" && onTime.state.items[0].done?.late).toBe(false)
    expect(
      tag(
        run([
          ...agreed,
          [completeItem, curator, "2026-02-05T04:00:00Z"],
          [completeItem, curator, "2026-02-05T05:00:00Z"],
        ]).last,
      ),
    ).toBe("HelpItemUnavailable")
    expect(tag(run([...agreed, [draft, curator, "2026-02-05T04:00:00Z"]]).last)).toBe(
      "HelpPlanAlreadyAgreed",
    )
  })
})
