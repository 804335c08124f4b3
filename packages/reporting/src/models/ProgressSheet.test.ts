import { LocalDate } from "@metodika/core"
import { beforeAll, describe, expect, it } from "vitest"
import * as Sim from "../../test/EmdMonth.ts"
import * as Redaction from "../Redaction.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as ProgressSheet from "./ProgressSheet.ts"

let states: Sim.States

beforeAll(async () => {
  states = Sim.fold(await Sim.run())
})

const options = (
  s: number,
  overrides: Partial<ProgressSheet.Options> = {},
): ProgressSheet.Options => ({
  ...Sim.heading,
  date: LocalDate.unsafeFromString("2026-01-15"),
  schoolId: Sim.schoolId(s),
  month: Sim.month,
  now: Sim.local("2026-01-15", 12),
  ...overrides,
})

const item = (doc: ReportDocument.ReportDocument, label: string) =>
  doc.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b._tag === "KeyValues" ? b.items : []))
    .find((i) => i.label === label)?.value

describe("ProgressSheet (EMD-2.16, 2.18, 2.1)", () => {
  it("EMD-2.16 EMD-2.18 prints each participant's progress, practice and assessed growth, for the school", () => {
    const doc = ProgressSheet.make(states.month, options(7))
    expect(ReportDocument.validate(doc)._tag).toBe("Success")
    expect(doc.title).toBe("Лист продвижения")
    expect(doc.subtitle).toBe("МКОУ «Шахтинская СОШ»; филиал, декабрь 2025 г.")
    expect(doc.audience).toBe("school")
    expect(doc.name).toBe("emd-sheet-2025-12-s07")
    const entries = ReportDocument.tables(doc).find((t) => t.id === "entries")!
    const [t1, t2] = Sim.people(7).teachers
    expect(entries.rows.map((r) => [r.person, r.growth, r.deficits])).toEqual([
      [Sim.personNames[t1], "снижение", 1],
      [Sim.personNames[t2], "умеренный рост", 1],
    ])
    expect(entries.columns.filter((c) => c.personal).map((c) => c.key)).toEqual([
      "person",
      "growth",
      "comment",
    ])
  })

  it("EMD-2.1 lists the deficits noticed, with their competence area", () => {
    const doc = ProgressSheet.make(states.month, options(7))
    const deficits = ReportDocument.tables(doc).find((t) => t.id === "deficits")!
    expect(deficits.rows.map((r) => [r.area, r.description])).toEqual(
      Sim.sheetDeficits(7).map((d) => [
        d.area === "assessment" ? "оценочная" : "методическая",
        d.description,
      ]),
    )
  })

  it("EMD-2.16 marks a sheet that came in after its due instant as late", () => {
    const doc = ProgressSheet.make(states.month, options(5))
    expect(item(doc, "Лист продвижения")).toBe("представлен с опозданием")
    expect(item(doc, "С опозданием")).toBe(true)
    expect(item(doc, "Представлен")).toEqual({ year: 2026, month: 1, day: 12 })
    expect(item(doc, "Срок представления")).toEqual({ year: 2025, month: 12, day: 30 })
  })

  it("EMD-2.16 says a missing sheet is missing, and a sheet not yet due is not due", () => {
    const missing = ProgressSheet.make(states.month, options(9))
    expect(item(missing, "Лист продвижения")).toBe("не представлен")
    expect(ReportDocument.tables(missing)).toEqual([])
    const early = ProgressSheet.make(states.month, options(9, { now: Sim.local("2025-12-20", 12) }))
    expect(item(early, "Лист продвижения")).toBe("срок не наступил")
  })

  it("ASSET-5.2 a public version names no participant", () => {
    const doc = Redaction.redact(
      ProgressSheet.make(states.month, options(7, { audience: "public" })),
    )
    const text = JSON.stringify(doc)
    for (const surname of Sim.allSurnames) expect(text).not.toContain(surname)
    expect(text).not.toContain("снижение")
  })

  it("speaks English when asked", () => {
    const doc = ProgressSheet.make(states.month, options(7, { locale: "en" }))
    expect(doc.title).toBe("Progress sheet")
    expect(doc.subtitle).toBe("МКОУ «Шахтинская СОШ»; филиал, December 2025")
  })
})
