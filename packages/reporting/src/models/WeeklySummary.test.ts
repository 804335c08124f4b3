import { LocalDate } from "@metodika/core"
import { beforeAll, describe, expect, it } from "vitest"
import { countWeek, countWeekTotals } from "../../test/EmdCount.ts"
import * as Sim from "../../test/EmdMonth.ts"
import * as Redaction from "../Redaction.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as WeeklySummary from "./WeeklySummary.ts"

let states: Sim.States

beforeAll(async () => {
  states = Sim.fold(await Sim.run())
})

const w = 2
const query = {
  day: Sim.days[w]!,
  now: Sim.local("2025-12-19", 12),
  districtId: Sim.district,
  regulation: Sim.regulation,
}
const options: WeeklySummary.Options = {
  ...Sim.heading,
  date: LocalDate.unsafeFromString("2025-12-19"),
  ...query,
}

describe("WeeklySummary (EMD-2.7–2.13, EMD-1.3)", () => {
  it("EMD-2.7–2.13 gives each school its step reached, late and overdue steps, as counted from the commands", () => {
    const lines = WeeklySummary.lines(states.weekly, query)
    expect(lines.map((l) => l.schoolId)).toEqual(Sim.numbers.map(Sim.schoolId))
    for (const s of Sim.numbers) {
      const line = lines[s - 1]!
      const counted = countWeek(s, w)
      expect({ s, stage: line.stage, late: line.late, overdue: line.overdue }).toEqual({
        s,
        stage: counted.stage,
        late: counted.late,
        overdue: counted.overdue,
      })
    }
  })

  it("EMD-1.4 EMD-2.12 carries the form and the participants of each day held", () => {
    const lines = WeeklySummary.lines(states.weekly, query)
    for (const s of Sim.numbers) {
      const line = lines[s - 1]!
      expect(line.participants === undefined ? undefined : WeeklySummary.peopleOf(line)).toBe(
        countWeek(s, w).people,
      )
      if (Sim.held(s, w)) expect(line.form).toEqual(Sim.form(s, w))
    }
  })

  it("EMD-1.3 EMD-2.10 totals the week: held, late questions, overdue, flagged low-results schools", () => {
    const totals = WeeklySummary.summary(WeeklySummary.lines(states.weekly, query))
    expect(totals).toEqual(countWeekTotals(w))
    expect(totals.flagged).toBe(1)
    expect(totals.cancelled).toBe(1)
  })

  it("EMD-1.5 names the responsible person of each school, as personal data", () => {
    const doc = WeeklySummary.make(states.weekly, options)
    const table = ReportDocument.tables(doc).find((t) => t.id === "schools")!
    expect(table.columns.find((c) => c.key === "responsible")?.personal).toBe(true)
    expect(table.rows[0]?.responsible).toBe(Sim.personNames[Sim.people(1).responsible])
    expect(ReportDocument.validate(doc)._tag).toBe("Success")
  })

  it("is for the department by default, with a Russian title and the document's date", () => {
    const doc = WeeklySummary.make(states.weekly, options)
    expect(doc.audience).toBe("department")
    expect(doc.title).toBe("Сводка ЕМД за неделю: единый методический день 18.12.2025")
    expect(doc.date).toEqual({ year: 2025, month: 12, day: 19 })
    expect(doc.name).toBe("emd-week-2025-12-18")
    expect(ReportDocument.charts(doc).map((c) => [c.id, c.categories.length])).toEqual([
      ["participation", 10],
      ["lateness", 10],
    ])
  })

  it("speaks English when asked", () => {
    const doc = WeeklySummary.make(states.weekly, { ...options, locale: "en" })
    expect(doc.title).toBe("Weekly EMD summary: unified methodical day 2025-12-18")
    const table = ReportDocument.tables(doc)[0]!
    expect(table.columns.map((c) => c.title)).toContain("Step reached")
    expect(table.rows.find((r) => r.n === 10)?.stage).toBe("day cancelled (quarantine)")
  })

  it("ASSET-5.2 a public version withholds the responsible persons and keeps the schools", () => {
    const doc = Redaction.redact(
      WeeklySummary.make(states.weekly, { ...options, audience: "public" }),
    )
    const text = JSON.stringify(doc)
    for (const surname of Sim.allSurnames) expect(text).not.toContain(surname)
    expect(text).toContain("МБОУ «Лицей № 2»")
    expect(doc.name).toBe("emd-week-2025-12-18-public")
  })
})
