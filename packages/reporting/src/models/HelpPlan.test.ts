import { LocalDate } from "@metodika/core"
import { beforeAll, describe, expect, it } from "vitest"
import * as Sim from "../../test/EmdMonth.ts"
import * as Redaction from "../Redaction.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as HelpPlan from "./HelpPlan.ts"

let states: Sim.States

beforeAll(async () => {
  states = Sim.fold(await Sim.run())
})

const options = (s: number, overrides: Partial<HelpPlan.Options> = {}): HelpPlan.Options => ({
  ...Sim.heading,
  date: LocalDate.unsafeFromString("2026-02-02"),
  schoolId: Sim.schoolId(s),
  month: Sim.month,
  now: Sim.local("2026-02-02", 12),
  ...overrides,
})

const item = (doc: ReportDocument.ReportDocument, label: string) =>
  doc.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b._tag === "KeyValues" ? b.items : []))
    .find((i) => i.label === label)?.value

describe("HelpPlan (EMD-2.17)", () => {
  it("EMD-2.17 prints the agreed plan's items: for whom, by whom, due, done on time or late", () => {
    const doc = HelpPlan.make(states.month, options(4))
    expect(ReportDocument.validate(doc)._tag).toBe("Success")
    expect(doc.title).toBe("План адресной помощи")
    expect(doc.kind).toBe("ПЛАН")
    expect(doc.audience).toBe("school")
    const items = ReportDocument.tables(doc).find((t) => t.id === "items")!
    const [t1, t2] = Sim.people(4).teachers
    expect(items.rows.map((r) => [r.item, r.forWhom, r.done, r.late])).toEqual([
      ["1", Sim.personNames[t1], { year: 2026, month: 1, day: 20 }, false],
      ["2", "вся организация", { year: 2026, month: 2, day: 2 }, true],
      ["3", Sim.personNames[t2], null, null],
    ])
    expect(item(doc, "Статус плана")).toBe("согласован")
    expect(item(doc, "Согласован")).toEqual({ year: 2026, month: 1, day: 15 })
    expect(item(doc, "Выполнено мероприятий")).toBe("2 из 3")
    expect(item(doc, "Просрочено мероприятий")).toBe(1)
  })

  it("EMD-2.3 EMD-2.17 names the school's curator, drawn up with the methodical department", () => {
    const doc = HelpPlan.make(states.month, options(4))
    expect(item(doc, "Куратор")).toBe(Sim.personNames[Sim.people(1).leader])
    expect(item(doc, "Организация куратора")).toBe(Sim.schoolNames[0])
    expect(
      HelpPlan.counts(
        HelpPlan.planOf(states.month, Sim.schoolId(4), Sim.month)!,
        Sim.local("2026-02-02", 12),
      ),
    ).toEqual({
      total: 3,
      done: 2,
      doneLate: 1,
      overdue: 1,
    })
  })

  it("EMD-2.1 EMD-2.17 gives the deficits of the month's sheet as the plan's grounds", () => {
    const doc = HelpPlan.make(states.month, options(4))
    const grounds = ReportDocument.tables(doc).find((t) => t.id === "deficits")!
    expect(grounds.rows.map((r) => r.description)).toEqual(
      Sim.sheetDeficits(4).map((d) => d.description),
    )
  })

  it("EMD-2.17 says a draft is not in force yet, and that no plan was drawn up for a school without one", () => {
    const draft = HelpPlan.make(states.month, options(7))
    expect(item(draft, "Статус плана")).toBe("проект")
    expect(JSON.stringify(draft)).toContain("вступает в силу после согласования")
    const none = HelpPlan.make(states.month, options(1))
    expect(item(none, "Статус плана")).toBe("не составлен")
    expect(ReportDocument.tables(none).map((t) => t.id)).toEqual([])
  })

  it("ASSET-5.2 a public version names neither the teachers helped nor those who help", () => {
    const doc = Redaction.redact(HelpPlan.make(states.month, options(4, { audience: "public" })))
    const text = JSON.stringify(doc)
    for (const surname of Sim.allSurnames) expect(text).not.toContain(surname)
    expect(text).toContain("Семинар-практикум для педагогов школы")
  })
})
