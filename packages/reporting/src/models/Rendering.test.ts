/**
 * Every EMD report model of the simulated month rendered in every format and read back
 * the way a person's software would read it: the DOCX unzipped, the XLSX opened with
 * exceljs, the CSV parsed after its byte-order mark, the SVG checked for well-formedness
 * and bars. The figures read back are compared with the count made from the commands
 * the simulation issued (`test/EmdCount.ts`), not with the read models.
 */
import { LocalDate } from "@metodika/core"
import { Effect } from "effect"
import type ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { countSchoolMonth, countWeek, countWeekTotals, type Step } from "../../test/EmdCount.ts"
import * as Sim from "../../test/EmdMonth.ts"
import {
  openWorkbook,
  parseCsv,
  readableText,
  type WordTable,
  wordParagraphs,
  wordTables,
  xmlProblem,
  zipNames,
  zipText,
} from "../../test/ReadBack.ts"
import * as Chart from "../Chart.ts"
import * as Report from "../Report.ts"
import type * as ReportDocument from "../ReportDocument.ts"
import * as CuratorList from "./CuratorList.ts"
import * as HelpPlan from "./HelpPlan.ts"
import * as MonthOverview from "./MonthOverview.ts"
import * as PracticeBank from "./PracticeBank.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as WeeklySummary from "./WeeklySummary.ts"

const stepsRu: Record<Step, string> = {
  materials: "материалы",
  form: "выбор формы",
  videoconference: "ВКС",
  questions: "вопросы",
  day: "проведение дня",
  decision: "решение",
}
const stepsText = (steps: ReadonlyArray<Step>) =>
  steps.length === 0 ? "—" : steps.map((s) => stepsRu[s]).join(", ")

const W = 2
const date = LocalDate.unsafeFromString("2026-01-15")

/** Every model's document for `audience` (each model's default when absent). */
const documents = (
  states: Sim.States,
  audience?: ReportDocument.Audience,
): Record<string, ReportDocument.ReportDocument> => {
  const base = { ...Sim.heading, date, ...(audience === undefined ? {} : { audience }) }
  return {
    week: WeeklySummary.make(states.weekly, {
      ...base,
      day: Sim.days[W]!,
      now: Sim.local("2025-12-19", 12),
      districtId: Sim.district,
      regulation: Sim.regulation,
    }),
    month: MonthOverview.make(states, {
      ...base,
      orderNumber: "01-05/7",
      month: Sim.month,
      now: Sim.local("2026-01-15", 12),
      districtId: Sim.district,
      regulation: Sim.regulation,
    }),
    sheet: ProgressSheet.make(states.month, {
      ...base,
      schoolId: Sim.schoolId(7),
      month: Sim.month,
      now: Sim.local("2026-01-15", 12),
    }),
    plan: HelpPlan.make(states.month, {
      ...base,
      schoolId: Sim.schoolId(4),
      month: Sim.month,
      now: Sim.local("2026-02-02", 12),
    }),
    bank: PracticeBank.make(states.bank, { ...base, year: states.year }),
    curators: CuratorList.make(states.year, { ...base, maxLoad: 2 }),
  }
}

type Files = ReadonlyArray<Report.RenderedFile>

const file = (files: Files, name: string): Report.RenderedFile => {
  const found = files.find((f) => f.name === name)
  if (found === undefined)
    throw new Error(`${name} not among ${files.map((f) => f.name).join(", ")}`)
  return found
}

const text = (f: Report.RenderedFile) => new TextDecoder().decode(f.bytes)

const tableWithHeader = (tables: ReadonlyArray<WordTable>, header: string): WordTable => {
  const found = tables.find((t) => t.cells[0]?.includes(header))
  if (found === undefined) throw new Error(`no table with a column ${header}`)
  return found
}

const sheetWithHeader = (workbook: ExcelJS.Workbook, header: string): ExcelJS.Worksheet => {
  const found = workbook.worksheets.find((w) =>
    (w.getRow(1).values as ReadonlyArray<unknown>).includes(header),
  )
  if (found === undefined) throw new Error(`no sheet with a column ${header}`)
  return found
}

let rendered: Record<string, Files>
let published: Record<string, Files>

beforeAll(async () => {
  const states = Sim.fold(await Sim.run())
  const render = (docs: Record<string, ReportDocument.ReportDocument>) =>
    Effect.runPromise(
      Effect.forEach(Object.entries(docs), ([k, doc]) =>
        Effect.map(Report.renderAll(doc), (files) => [k, files] as const),
      ),
    ).then(Object.fromEntries)
  rendered = await render(documents(states))
  published = await render(documents(states, "public"))
}, 120_000)

describe("EMD reports rendered and read back", () => {
  it("renders every model in every format, with file names derived from the model", () => {
    expect(rendered.month?.map((f) => f.name)).toEqual([
      "emd-month-2025-12.docx",
      "emd-month-2025-12.xlsx",
      "emd-month-2025-12.html",
      "emd-month-2025-12.md",
      "emd-month-2025-12-schools.csv",
      "emd-month-2025-12-weeks.csv",
      "emd-month-2025-12-sheets.csv",
      "emd-month-2025-12-participation.svg",
      "emd-month-2025-12-lateness.svg",
      "emd-month-2025-12-weeks.svg",
    ])
    expect(
      Object.fromEntries(Object.entries(rendered).map(([k, files]) => [k, files[0]?.name])),
    ).toEqual({
      week: "emd-week-2025-12-18.docx",
      month: "emd-month-2025-12.docx",
      sheet: "emd-sheet-2025-12-s07.docx",
      plan: "emd-help-plan-2025-12-s04.docx",
      bank: "emd-practice-bank-2025.docx",
      curators: "emd-curators-2025.docx",
    })
  })

  it("EMD-2.7–2.13 the weekly DOCX prints each school's step, participants, late and overdue steps as counted", async () => {
    const xml = await zipText(
      file(rendered.week!, "emd-week-2025-12-18.docx").bytes,
      "word/document.xml",
    )
    expect(xmlProblem(xml)).toBeUndefined()
    const paragraphs = wordParagraphs(xml)
    expect(paragraphs).toContain("Сводка ЕМД за неделю: единый методический день 18.12.2025")
    const totals = countWeekTotals(W)
    expect(paragraphs).toContain(`Участники: ${totals.participants}`)
    expect(paragraphs).toContain(`Школ с опозданием: ${totals.late}`)
    expect(paragraphs).toContain(`Школ с просрочкой: ${totals.overdue}`)
    expect(paragraphs).toContain(`ШНОР с пропущенными шагами (п. 1.3): ${totals.flagged}`)
    const table = tableWithHeader(wordTables(xml), "Достигнутый шаг")
    expect(table.headerRows[0]).toBe(true)
    const col = (name: string) => table.cells[0]!.indexOf(name)
    for (const s of Sim.numbers) {
      const row = table.cells[s]!
      const counted = countWeek(s, W)
      expect(row[col("Образовательная организация")]).toBe(Sim.schoolNames[s - 1])
      expect(row[col("Участники")], `school ${s}`).toBe(
        counted.people === undefined ? "—" : String(counted.people),
      )
      expect(row[col("С опозданием")], `school ${s}`).toBe(stepsText(counted.late))
      expect(row[col("Просрочено")], `school ${s}`).toBe(stepsText(counted.overdue))
      expect(row[col("ШНОР")]).toBe(Sim.lowResults.has(s) ? "да" : "нет")
      expect(row[col("Ответственный за ЕМД")]).toBe(Sim.personNames[Sim.people(s).responsible])
    }
    const footer = table.cells[Sim.numbers.length + 1]!
    expect(footer[col("Образовательная организация")]).toBe("Итого")
    expect(footer[col("Участники")]).toBe(String(totals.participants))
  })

  it("EMD-2.10 EMD-2.12 the month DOCX prints participation and lateness by school and by week as counted, with its charts embedded", async () => {
    const bytes = file(rendered.month!, "emd-month-2025-12.docx").bytes
    const xml = await zipText(bytes, "word/document.xml")
    expect(xmlProblem(xml)).toBeUndefined()
    const paragraphs = wordParagraphs(xml)
    expect(paragraphs.slice(0, 3)).toEqual([
      Sim.heading.organisation,
      Sim.heading.district,
      "СПРАВКА",
    ])
    expect(paragraphs).toContain("«15» января 2026 г.\t№ 01-05/7")
    expect(paragraphs).toContain("Об итогах единых методических дней за декабрь 2025 г.")
    expect(paragraphs).toContain("Дни ЕМД: 04.12.2025, 11.12.2025, 18.12.2025, 25.12.2025")
    const tables = wordTables(xml)
    const bySchool = tableWithHeader(tables, "Проведено дней")
    const col = (name: string) => bySchool.cells[0]!.indexOf(name)
    for (const s of Sim.numbers) {
      const row = bySchool.cells[s]!
      const counted = countSchoolMonth(s)
      expect(row[col("Образовательная организация")]).toBe(Sim.schoolNames[s - 1])
      expect(
        [
          row[col("Проведено дней")],
          row[col("Участники")],
          row[col("Вопросы с опозданием")],
          row[col("Шагов с опозданием")],
          row[col("Просроченных шагов")],
        ],
        `school ${s}`,
      ).toEqual(
        [
          counted.daysHeld,
          counted.participants,
          counted.lateQuestions,
          counted.lateSteps,
          counted.overdueSteps,
        ].map(String),
      )
    }
    const total = Sim.numbers.map(countSchoolMonth).reduce((n, c) => n + c.participants, 0)
    expect(bySchool.cells[11]?.[col("Участники")]).toBe(String(total))
    expect(paragraphs).toContain(`Участники: ${total}`)
    const byWeek = tableWithHeader(tables, "Школ провели день")
    Sim.days.forEach((_, w) => {
      const counted = countWeekTotals(w)
      const row = byWeek.cells[w + 1]!
      expect(row[0]).toBe(["04", "11", "18", "25"].map((d) => `${d}.12.2025`)[w])
      expect(row[byWeek.cells[0]!.indexOf("Участники")]).toBe(String(counted.participants))
      expect(row[byWeek.cells[0]!.indexOf("Школ с опозданием")]).toBe(String(counted.late))
    })
    const sheets = tableWithHeader(tables, "Срок представления")
    const status = sheets.cells.slice(1).map((r) => r[sheets.cells[0]!.indexOf("Лист продвижения")])
    expect(status).toEqual(
      Sim.numbers.map((s) =>
        Sim.sheet(s) === "late"
          ? "представлен с опозданием"
          : Sim.sheet(s) === "none"
            ? "не представлен"
            : "представлен",
      ),
    )
    expect(paragraphs).toContain("Рисунок 1 — Участники ЕМД по школам, декабрь 2025 г.")
    const media = (await zipNames(bytes)).filter((n) => n.startsWith("word/media/"))
    expect(media.filter((n) => n.endsWith(".svg"))).toHaveLength(3)
    expect(media.filter((n) => n.endsWith(".png"))).toHaveLength(3)
  })

  it("EMD-2.16 the month XLSX has typed cells equal to the count, and real dates for the sheets", async () => {
    const workbook = await openWorkbook(file(rendered.month!, "emd-month-2025-12.xlsx").bytes)
    const bySchool = sheetWithHeader(workbook, "Проведено дней")
    const header = bySchool.getRow(1).values as ReadonlyArray<unknown>
    for (const s of Sim.numbers) {
      const row = bySchool.getRow(s + 1)
      const counted = countSchoolMonth(s)
      expect(row.getCell(header.indexOf("Образовательная организация")).value).toBe(
        Sim.schoolNames[s - 1],
      )
      expect(row.getCell(header.indexOf("Участники")).value).toBe(counted.participants)
      expect(row.getCell(header.indexOf("Просроченных шагов")).value).toBe(counted.overdueSteps)
      expect(row.getCell(header.indexOf("ШНОР")).value).toBe(Sim.lowResults.has(s))
    }
    const sheets = sheetWithHeader(workbook, "Срок представления")
    const h = sheets.getRow(1).values as ReadonlyArray<unknown>
    const due = sheets.getRow(2).getCell(h.indexOf("Срок представления"))
    expect((due.value as Date).toISOString()).toBe("2025-12-30T00:00:00.000Z")
    expect(due.numFmt).toBe("dd.mm.yyyy")
    expect((sheets.getRow(6).getCell(h.indexOf("Представлен")).value as Date).toISOString()).toBe(
      "2026-01-12T00:00:00.000Z",
    )
    expect(sheets.getRow(10).getCell(h.indexOf("Представлен")).value).toBeNull()
    const info = workbook.getWorksheet("Сведения")!
    expect(info.getColumn(2).values).toContain(
      "Об итогах единых методических дней за декабрь 2025 г.",
    )
  })

  it("writes every table as a CSV that opens with the BOM and parses back to the count", () => {
    for (const files of Object.values(rendered)) {
      for (const f of files.filter((x) => x.name.endsWith(".csv")))
        expect([...f.bytes.subarray(0, 3)], f.name).toEqual([0xef, 0xbb, 0xbf])
    }
    const rows = parseCsv(
      text(file(rendered.month!, "emd-month-2025-12-schools.csv")).slice(1),
      ";",
    )
    const header = rows[0]!
    expect(
      rows
        .slice(1, 11)
        .map((r) => [
          r[header.indexOf("Образовательная организация")],
          Number(r[header.indexOf("Участники")]),
        ]),
    ).toEqual(Sim.numbers.map((s) => [Sim.schoolNames[s - 1], countSchoolMonth(s).participants]))
  })

  it("draws the participation and lateness charts by school with one bar per school, and by week with one per Thursday", () => {
    for (const name of [
      "emd-month-2025-12-participation.svg",
      "emd-month-2025-12-lateness.svg",
      "emd-week-2025-12-18-participation.svg",
      "emd-week-2025-12-18-lateness.svg",
    ]) {
      const files = name.startsWith("emd-month") ? rendered.month! : rendered.week!
      const svg = text(file(files, name))
      expect(xmlProblem(svg), name).toBeUndefined()
      expect(Chart.countMarks(svg, 0), name).toBe(Sim.numbers.length)
      if (name.includes("lateness")) expect(Chart.countMarks(svg, 1), name).toBe(Sim.numbers.length)
    }
    const weeks = text(file(rendered.month!, "emd-month-2025-12-weeks.svg"))
    expect(xmlProblem(weeks)).toBeUndefined()
    for (const series of [0, 1, 2]) expect(Chart.countMarks(weeks, series)).toBe(Sim.days.length)
  })

  it("embeds the charts in the HTML page as inline SVG, with no script", () => {
    const html = text(file(rendered.month!, "emd-month-2025-12.html"))
    expect(html.match(/<svg\b/g)).toHaveLength(3)
    expect(html).not.toContain("<script")
    expect(html).toContain("Участие и опоздания по школам")
    const week = text(file(rendered.week!, "emd-week-2025-12-18.html"))
    expect(week.match(/<svg\b/g)).toHaveLength(2)
  })

  it("EMD-2.16 EMD-2.17 EMD-2.2 EMD-2.3 the sheet, the plan, the bank and the curator list read back with their content", async () => {
    const docText = async (files: Files) =>
      readableText(files.find((f) => f.name.endsWith(".docx"))!)
    const sheet = await docText(rendered.sheet!)
    expect(sheet).toContain("Лист продвижения")
    expect(sheet).toContain(Sim.personNames[Sim.people(7).teachers[0]])
    expect(sheet).toContain("Критерии оценивания не согласованы")
    const plan = await docText(rendered.plan!)
    expect(plan).toContain("План адресной помощи")
    expect(plan).toContain("Посещение уроков куратором")
    const bank = await docText(rendered.bank!)
    expect(bank).toContain("Банк лучших практик")
    for (const p of Sim.practices)
      if (p.verdict === "accepted") expect(bank).toContain(p.title)
      else expect(bank).not.toContain(p.title)
    const curators = await docText(rendered.curators!)
    expect(curators).toContain("Закрепление кураторов за школами")
    expect(curators).toContain(Sim.personNames[Sim.people(2).leader])
    const md = text(file(rendered.bank!, "emd-practice-bank-2025.md"))
    expect(md).toContain("| № | Название |")
  })

  it("ASSET-5.2 a public-audience report carries no personal names in any format, whichever model", async () => {
    for (const [model, files] of Object.entries(published)) {
      for (const f of files) {
        const readable = await readableText(f)
        for (const full of Object.values(Sim.personNames))
          expect(readable, `${model}: ${f.name}`).not.toContain(full)
        for (const surname of Sim.allSurnames)
          expect(readable, `${model}: ${f.name} shows ${surname}`).not.toContain(surname)
      }
    }
    const bank = await readableText(file(published.bank!, "emd-practice-bank-2025.docx"))
    expect(bank).toContain("Лист самооценки на уроке математики")
    const week = await readableText(file(published.week!, "emd-week-2025-12-18-public.docx"))
    expect(week).toContain(Sim.schoolNames[1])
  })
})
