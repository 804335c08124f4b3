import { Effect, Result } from "effect"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { parseCsv, zipText } from "../test/ReadBack.ts"
import { document as month, responsible } from "../test/SimulatedMonth.ts"
import * as Chart from "./Chart.ts"
import * as Report from "./Report.ts"
import * as ReportDocument from "./ReportDocument.ts"
import * as ReportSink from "./ReportSink.ts"

/** Every piece of text a person could read in a rendered file. */
const readable = async (file: Report.RenderedFile): Promise<string> => {
  if (file.name.endsWith(".docx"))
    return (await zipText(file.bytes, "word/document.xml")).replace(/<[^>]+>/g, "")
  if (file.name.endsWith(".xlsx")) {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.bytes.slice().buffer)
    return JSON.stringify(workbook.worksheets.map((w) => w.getSheetValues()))
  }
  return new TextDecoder().decode(file.bytes)
}

describe("Report", () => {
  it("renders every format with names derived from the document", async () => {
    const files = await Effect.runPromise(Report.renderAll(month("department")))
    expect(files.map((f) => [f.name, f.mediaType])).toEqual([
      [
        "emd-2020-05.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
      ["emd-2020-05.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["emd-2020-05.html", "text/html; charset=utf-8"],
      ["emd-2020-05.md", "text/markdown; charset=utf-8"],
      ["emd-2020-05-schools.csv", "text/csv; charset=utf-8"],
      ["emd-2020-05-weeks.csv", "text/csv; charset=utf-8"],
      ["emd-2020-05-participation.svg", "image/svg+xml"],
      ["emd-2020-05-lateness.svg", "image/svg+xml"],
      ["emd-2020-05-share.svg", "image/svg+xml"],
    ])
    const markdown = await readable(files.find((f) => f.name.endsWith(".md"))!)
    expect(markdown).toContain("](emd-2020-05-participation.svg)")
    const svg = await readable(files.find((f) => f.name.endsWith("participation.svg"))!)
    expect(svg).toContain("Участие педагогов по школам")
    expect(Chart.countMarks(svg)).toBe(10)
  })

  it("renders one format alone", async () => {
    const files = await Effect.runPromise(
      Report.render(month("department"), "csv", { csv: { delimiter: "," } }),
    )
    expect(files.map((f) => f.name)).toEqual(["emd-2020-05-schools.csv", "emd-2020-05-weeks.csv"])
    // TextDecoder drops the BOM by default.
    expect(parseCsv(new TextDecoder().decode(files[1]!.bytes), ",")[0]).toEqual([
      "Дата дня",
      "Школ провели",
      "Участники",
      "Вопросы с опозданием",
    ])
  })

  it("refuses an invalid document before rendering anything", async () => {
    const bad = ReportDocument.make({ ...month("department"), name: "../etc" })
    const error = await Effect.runPromise(Effect.flip(Report.render(bad, "html")))
    expect(error._tag).toBe("InvalidDocument")
    expect(Result.isFailure(Report.prepare(bad))).toBe(true)
  })

  it("ASSET-5.2 shows a public audience no withheld personal data in any format", async () => {
    const files = await Effect.runPromise(Report.renderAll(month("public")))
    expect(files).toHaveLength(9)
    for (const file of files) {
      const text = await readable(file)
      for (const name of responsible) expect(text, `${file.name} shows ${name}`).not.toContain(name)
      expect(text, file.name).not.toContain("77-12-34")
      expect(text, file.name).not.toContain("Лебедева")
      expect(text, file.name).not.toContain("Новикова Т. Ю.")
    }
  })

  it("shows the department the personal data it needs", async () => {
    const files = await Effect.runPromise(
      Report.renderAll(month("department"), ["docx", "xlsx", "html", "markdown", "csv"]),
    )
    for (const file of files.filter((f) => !f.name.endsWith("weeks.csv")))
      expect(await readable(file), file.name).toContain("Иванова Мария Петровна")
  })

  it("publishes every file through the ReportSink", async () => {
    const store = new Map<string, ReportSink.StoredReport>()
    const written = await Effect.runPromise(
      Report.publish(month("public"), ["docx", "csv"]).pipe(
        Effect.provide(ReportSink.layerMemory(store)),
      ),
    )
    expect(written.map((w) => w.location)).toEqual([
      "memory:emd-2020-05.docx",
      "memory:emd-2020-05-schools.csv",
      "memory:emd-2020-05-weeks.csv",
    ])
    expect([...(store.get("emd-2020-05-schools.csv")?.bytes.subarray(0, 3) ?? [])]).toEqual([
      0xef, 0xbb, 0xbf,
    ])
  })
})
