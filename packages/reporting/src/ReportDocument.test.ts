import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { document as month } from "../test/SimulatedMonth.ts"
import * as ReportDocument from "./ReportDocument.ts"

const base = {
  name: "check",
  title: "Т",
  organisation: "О",
  district: "Р",
  date: { year: 2020, month: 6, day: 4 },
  audience: "department" as const,
}

const issues = (doc: ReportDocument.ReportDocument): ReadonlyArray<string> => {
  const result = ReportDocument.validate(doc)
  return Result.isFailure(result) ? result.failure.issues : []
}

describe("ReportDocument", () => {
  it("accepts the simulated month", () => {
    expect(issues(month("department"))).toEqual([])
  })

  it("defaults to Russian and builds columns with their options", () => {
    const doc = ReportDocument.make({ ...base, sections: [] })
    expect(doc.locale).toBe("ru")
    const share = ReportDocument.Column.number("share", "Доля", { percent: true, decimals: 1 })
    expect(share).toEqual({
      key: "share",
      title: "Доля",
      type: "number",
      personal: false,
      disclosure: "withhold",
      percent: true,
      decimals: 1,
    })
  })

  it("types rows by their columns", () => {
    const columns = [
      ReportDocument.Column.text("school", "Школа"),
      ReportDocument.Column.integer("n", "N"),
    ] as const
    ReportDocument.table({
      columns,
      rows: [
        { school: "СОШ № 1", n: 1 },
        { school: null, n: null },
      ],
    })
    // @ts-expect-error a text cell cannot hold a number
    ReportDocument.table({ columns, rows: [{ school: 1, n: 1 }] })
    // @ts-expect-error every column needs a cell
    ReportDocument.table({ columns, rows: [{ school: "СОШ № 1" }] })
  })

  it("refuses cells that do not fit their column and charts whose series do not fit their categories", () => {
    const doc = ReportDocument.make({
      ...base,
      name: "Bad Name",
      date: { year: 2020, month: 2, day: 30 },
      sections: [
        ReportDocument.section(undefined, [
          {
            _tag: "Table",
            columns: [
              ReportDocument.Column.integer("n", "N"),
              ReportDocument.Column.date("d", "D"),
            ],
            rows: [{ n: 1.5, d: "2020-06-04" }, { n: Number.NaN }],
            footer: [],
          },
          ReportDocument.chart({
            title: "C",
            kind: "bar",
            categories: ["a", "b"],
            series: [{ name: "s", values: [1] }],
          }),
        ]),
      ],
    })
    expect(issues(doc)).toEqual([
      'name "Bad Name" is not a file-name stem (a-z, 0-9, ".", "_", "-")',
      "date is not a calendar date",
      'section 1, block 1, row 1, column "n" is not an integer',
      'section 1, block 1, row 1, column "d" is not a calendar date',
      'section 1, block 1, row 2, column "n" is not an integer',
      'section 1, block 1, row 2, column "d" is missing',
      'section 1, block 2: series "s" has 1 values for 2 categories',
    ])
  })

  it("refuses repeated table ids, which would give two files one name", () => {
    const t = ReportDocument.table({
      id: "same",
      columns: [ReportDocument.Column.integer("n", "N")],
      rows: [],
    })
    const doc = ReportDocument.make({
      ...base,
      sections: [ReportDocument.section(undefined, [t, t])],
    })
    expect(issues(doc)).toEqual(["section 1, block 2: table id repeats"])
  })

  it("knows whether it carries personal data", () => {
    expect(ReportDocument.hasPersonalData(month("department"))).toBe(true)
    expect(ReportDocument.hasPersonalData(ReportDocument.make({ ...base, sections: [] }))).toBe(
      false,
    )
  })
})
