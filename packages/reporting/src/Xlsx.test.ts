import { Effect } from "effect"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { document as month, schools } from "../test/SimulatedMonth.ts"
import * as Xlsx from "./Xlsx.ts"

const open = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  )
  return workbook
}

describe("Xlsx", () => {
  let workbook: ExcelJS.Workbook

  beforeAll(async () => {
    workbook = await open(await Effect.runPromise(Xlsx.render(month("department"))))
  })

  it("has an info sheet, then a sheet per table and per chart's data in reading order", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Сведения",
      "Сводка по образовательным орган",
      "Рисунок 1. Участие педагогов по",
      "Единые методические дни месяца",
      "Рисунок 2. Участие и опоздания",
      "Рисунок 3. Доля участия по неде",
    ])
  })

  it("writes the heading on the info sheet, with the document's date as a real date", () => {
    const info = workbook.getWorksheet("Сведения")!
    const values = info.getColumn(2).values
    expect(values).toContain("Управление образования администрации ЗАТО Северск")
    expect(values).toContain("Об итогах единых методических дней в мае 2020 года")
    const dateRow = info.getColumn(1).values.indexOf("Дата")
    const date = info.getRow(dateRow).getCell(2)
    expect(date.value).toBeInstanceOf(Date)
    expect((date.value as Date).toISOString()).toBe("2020-06-04T00:00:00.000Z")
    expect(date.numFmt).toBe("dd.mm.yyyy")
  })

  it("types cells: numbers are numbers, dates real dates, booleans booleans, missing values empty", () => {
    const sheet = workbook.worksheets[1]!
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "№",
      "Образовательная организация",
      "Ответственный",
      "Куратор",
      "Достигнутый шаг",
      "Форма",
      "Участники",
      "Доля участия",
      "Вопросы с опозданием",
      "Просрочено",
      "Последний день",
    ])
    const first = sheet.getRow(2)
    expect(first.getCell(1).value).toBe(1)
    expect(first.getCell(2).value).toBe(schools[0])
    expect(first.getCell(4).value).toBeNull()
    expect(first.getCell(7).value).toBe(62)
    expect(first.getCell(7).numFmt).toBe("0")
    expect(first.getCell(8).value).toBeCloseTo(62 / 120, 10)
    expect(first.getCell(8).numFmt).toBe("0.0%")
    expect(first.getCell(10).value).toBe(false)
    const lastDay = first.getCell(11)
    expect(lastDay.value).toBeInstanceOf(Date)
    expect((lastDay.value as Date).toISOString()).toBe("2020-05-28T00:00:00.000Z")
    expect(lastDay.numFmt).toBe("dd.mm.yyyy")
    expect(sheet.getRow(12).getCell(2).value).toBe("Итого")
    expect(sheet.getRow(12).getCell(7).value).toBe(736)
    expect(sheet.getRow(12).getCell(7).font?.bold).toBe(true)
  })

  it("freezes the header row, filters the data rows only, and repeats the header in print", () => {
    const sheet = workbook.worksheets[1]!
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(sheet.autoFilter).toBe("A1:K11")
    expect(sheet.pageSetup.printTitlesRow).toBe("1:1")
    expect(sheet.pageSetup.orientation).toBe("landscape")
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0)
  })

  it("writes chart data as typed numbers", () => {
    const sheet = workbook.worksheets[2]!
    expect(sheet.getRow(1).values).toEqual([undefined, "Категория", "Участники"])
    expect(sheet.getRow(2).getCell(2).value).toBe(62)
    expect(sheet.rowCount).toBe(1 + schools.length)
  })

  it("ASSET-5.2 leaves withheld personal data out of a public workbook", async () => {
    const pub = await open(await Effect.runPromise(Xlsx.render(month("public"))))
    const all = pub.worksheets
      .flatMap((w) => w.getSheetValues())
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .map(String)
    expect(all.some((v) => v.includes("Иванова"))).toBe(false)
    expect(all).not.toContain("Ответственный")
    expect(all).toContain("Л. И. С.")
  })
})
