import { LocalDate } from "@metodika/core"
import { beforeAll, describe, expect, it } from "vitest"
import { countSchoolMonth, countSheets, countWeekTotals } from "../../test/EmdCount.ts"
import * as Sim from "../../test/EmdMonth.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as MonthOverview from "./MonthOverview.ts"

let states: Sim.States

beforeAll(async () => {
  states = Sim.fold(await Sim.run())
})

const query = {
  month: Sim.month,
  now: Sim.local("2026-01-15", 12),
  districtId: Sim.district,
  regulation: Sim.regulation,
}
const options: MonthOverview.Options = {
  ...Sim.heading,
  date: LocalDate.unsafeFromString("2026-01-15"),
  orderNumber: "01-05/7",
  ...query,
}

describe("MonthOverview (EMD-1.2, 2.10, 2.12, 2.16–2.18)", () => {
  it("EMD-1.2 finds the four Thursdays of the month with their figures, as counted", () => {
    const f = MonthOverview.figures(states, query)
    expect(f.weeks.map((w) => w.day)).toEqual(Sim.days)
    f.weeks.forEach((week, w) => {
      expect(week.summary).toEqual(countWeekTotals(w))
    })
  })

  it("EMD-2.10 EMD-2.12 sums participation, late and overdue steps by school, as counted", () => {
    const f = MonthOverview.figures(states, query)
    expect(
      f.schools.map((s) => ({
        s: Number(s.schoolId.slice(1)),
        daysHeld: s.daysHeld,
        participants: s.participants,
        lateQuestions: s.lateQuestions,
        lateSteps: s.lateSteps,
        overdueSteps: s.overdueSteps,
      })),
    ).toEqual(Sim.numbers.map(countSchoolMonth))
  })

  it("EMD-2.16 shows one sheet late and one missing; EMD-2.17 EMD-2.18 the plans and the growth assessed", () => {
    const f = MonthOverview.figures(states, query)
    const counted = countSheets()
    expect(f.sheets).toEqual({
      schools: 10,
      submitted: counted.submitted,
      late: counted.late,
      overdue: counted.missing,
      assessed: Sim.growth.size,
      agreedPlans: 1,
    })
    const status = (s: number) => f.schools[s - 1]?.sheet?.status
    expect(status(5)).toBe("submitted-late")
    expect(status(9)).toBe("overdue")
    expect(f.schools.map((s) => s.sheet?.helpPlan)).toEqual(
      Sim.numbers.map((s) => (s === 4 ? "agreed" : s === 7 ? "draft" : "none")),
    )
    expect(f.schools.map((s) => s.sheet?.deficits)).toEqual(Sim.numbers.map(counted.deficits))
  })

  it("builds a document for the department with tables by school, by week and of sheets, and three charts", () => {
    const doc = MonthOverview.make(states, options)
    expect(ReportDocument.validate(doc)._tag).toBe("Success")
    expect(doc.audience).toBe("department")
    expect(doc.kind).toBe("СПРАВКА")
    expect(doc.title).toBe("Об итогах единых методических дней за декабрь 2025 г.")
    expect(doc.name).toBe("emd-month-2025-12")
    expect(ReportDocument.tables(doc).map((t) => [t.id, t.rows.length])).toEqual([
      ["schools", 10],
      ["weeks", 4],
      ["sheets", 10],
    ])
    expect(ReportDocument.charts(doc).map((c) => c.id)).toEqual([
      "participation",
      "lateness",
      "weeks",
    ])
    expect(ReportDocument.hasPersonalData(doc)).toBe(false)
  })

  it("prints the sheet's due date, the last working day of December 2025 (31 December was a day off)", () => {
    const doc = MonthOverview.make(states, options)
    const sheets = ReportDocument.tables(doc).find((t) => t.id === "sheets")!
    expect(sheets.rows[0]?.due).toEqual({ year: 2025, month: 12, day: 30 })
    expect(sheets.rows[4]?.submitted).toEqual({ year: 2026, month: 1, day: 12 })
    expect(sheets.rows[8]?.submitted).toBeNull()
  })

  it("speaks English when asked", () => {
    const doc = MonthOverview.make(states, { ...options, locale: "en" })
    expect(doc.title).toBe("Unified methodical days: December 2025")
    expect(ReportDocument.tables(doc)[2]?.rows[8]?.status).toBe("missing")
  })
})
