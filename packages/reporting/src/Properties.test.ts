import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseCsv, xmlProblem } from "../test/ReadBack.ts"
import * as Chart from "./Chart.ts"
import * as Csv from "./Csv.ts"
import * as Html from "./Html.ts"
import * as Markdown from "./Markdown.ts"
import * as Redaction from "./Redaction.ts"
import * as ReportDocument from "./ReportDocument.ts"

const text = fc.string({ unit: fc.constantFrom(..."аб Ё;,\"'\r\n|<>&*_#-1.«»№\\`"), maxLength: 20 })

const documentWith = (names: ReadonlyArray<string>, notes: ReadonlyArray<string>) =>
  ReportDocument.make({
    name: "prop",
    title: "Т",
    organisation: "О",
    district: "Р",
    date: { year: 2020, month: 6, day: 4 },
    audience: "public",
    sections: [
      ReportDocument.section("С", [
        ReportDocument.table({
          columns: [
            ReportDocument.Column.text("note", "Заметка"),
            ReportDocument.Column.text("teacher", "Педагог", { personal: true }),
          ],
          rows: names.map((teacher, i) => ({ note: notes[i] ?? "", teacher })),
        }),
        ReportDocument.keyValues(
          names.map((n) => ReportDocument.item("Педагог", n, { personal: true })),
        ),
        ...names.map((n) => ReportDocument.paragraph(n, { personal: true })),
      ]),
    ],
  })

describe("properties", () => {
  it("CSV fields of any text parse back to themselves, with either delimiter", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 6 }),
        fc.constantFrom(";", ","),
        (rows, delimiter) => {
          const table = ReportDocument.table({
            columns: [ReportDocument.Column.text("a", "A"), ReportDocument.Column.text("b", "B")],
            rows: rows.map(([a, b]) => ({ a, b })),
          })
          const parsed = parseCsv(Csv.tableToText(table, "ru", delimiter as ";" | ","), delimiter)
          expect(parsed).toEqual([["A", "B"], ...rows])
        },
      ),
    )
  })

  it("ASSET-5.2 no withheld personal value reaches a public rendering, whatever it is", () => {
    const name = fc.stringMatching(/^[А-Я][а-я]{3,8} [А-Я][а-я]{3,8}$/)
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 4 }),
        fc.array(text, { maxLength: 4 }),
        (names, notes) => {
          const doc = documentWith(names, notes)
          const redacted = Redaction.redact(doc)
          expect(Redaction.redact(redacted)).toEqual(redacted)
          const rendered = [
            Html.render(doc),
            Markdown.render(doc),
            ...Csv.render(doc).map((f) => new TextDecoder().decode(f.bytes)),
          ]
          for (const out of rendered) for (const n of names) expect(out).not.toContain(n)
        },
      ),
      { numRuns: 50 },
    )
  })

  it("a chart's SVG is well-formed whatever its labels", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), text, (categories, title) => {
        const svg = Chart.toSvg(
          ReportDocument.chart({
            title,
            kind: "bar",
            categories,
            series: [{ name: title, values: categories.map((_, i) => i + 1) }],
          }),
        )
        expect(xmlProblem(svg)).toBeUndefined()
        expect(Chart.countMarks(svg)).toBe(categories.length)
      }),
      { numRuns: 25 },
    )
  })
})
