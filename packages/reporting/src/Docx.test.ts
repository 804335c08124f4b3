import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { wordParagraphs, wordTables, xmlProblem, zipNames, zipText } from "../test/ReadBack.ts"
import { document as month, schools } from "../test/SimulatedMonth.ts"
import * as Docx from "./Docx.ts"

describe("Docx", () => {
  let bytes: Uint8Array
  let xml: string

  beforeAll(async () => {
    bytes = await Effect.runPromise(Docx.render(month("department")))
    xml = await zipText(bytes, "word/document.xml")
  })

  it("is a zip package whose document part is well-formed XML", async () => {
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b])
    expect(xmlProblem(xml)).toBeUndefined()
    expect(await zipNames(bytes)).toContain("word/styles.xml")
  })

  it("lays out A4 pages with ГОСТ Р 7.0.97-2016 margins and Times New Roman 14", async () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(xml).toMatch(/<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"/)
    const styles = await zipText(bytes, "word/styles.xml")
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/,
    )
    expect(xml).toContain("<w:titlePg/>")
    expect(await zipText(bytes, "word/header1.xml")).toContain("PAGE")
  })

  it("prints the heading of an official document: organisation, date line with №, title", () => {
    const paragraphs = wordParagraphs(xml)
    expect(paragraphs.slice(0, 4)).toEqual([
      "Управление образования администрации ЗАТО Северск",
      "ЗАТО Северск Томской области",
      "СПРАВКА",
      "«04» июня 2020 г.\t№ 91",
    ])
    expect(paragraphs).toContain("Об итогах единых методических дней в мае 2020 года")
    expect(paragraphs).toContain("1. Общие сведения")
    expect(paragraphs).toContain(
      "Таблица 1 — Сводка по образовательным организациям за май 2020 г.",
    )
    expect(paragraphs).toContain("Рисунок 1 — Участие педагогов по школам, май 2020 г.")
    expect(paragraphs).toContain("Начальник Управления образования\tЕ. В. Петрова")
    expect(paragraphs.some((p) => p.startsWith("Содержит персональные данные"))).toBe(true)
  })

  it("writes tables with typed cells and a header row repeated on every page", () => {
    const [summary, weeks] = wordTables(xml)
    expect(summary?.headerRows).toEqual([true, ...Array(schools.length + 1).fill(false)])
    expect(summary?.cells[0]).toEqual([
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
    expect(summary?.cells.slice(1, 11).map((r) => r[1])).toEqual(schools)
    expect(summary?.cells[1]).toEqual([
      "1",
      "МБОУ «СОШ № 1» г. Северска",
      "Иванова Мария Петровна",
      "—",
      "решение отправлено",
      "семинар",
      "62",
      "51,7\u00a0%",
      "1",
      "нет",
      "28.05.2020",
    ])
    expect(summary?.cells[11]?.[1]).toBe("Итого")
    expect(weeks?.cells[0]).toEqual([
      "Дата дня",
      "Школ провели",
      "Участники",
      "Вопросы с опозданием",
    ])
    expect(weeks?.cells[1]?.[0]).toBe("07.05.2020")
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2)
  })

  it("puts a table too wide for portrait on landscape pages of its own", () => {
    expect(xml.match(/<w:pgSz [^>]*w:orient="landscape"\/>/g)).toHaveLength(1)
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')
  })

  it("embeds each chart as SVG with a PNG fallback and alt text", async () => {
    const names = await zipNames(bytes)
    expect(names.filter((n) => n.endsWith(".svg"))).toHaveLength(3)
    expect(names.filter((n) => n.endsWith(".png"))).toHaveLength(3)
    expect(xml.match(/<asvg:svgBlip /g)).toHaveLength(3)
    expect(xml).toContain('title="Рисунок 1 — Участие педагогов по школам, май 2020 г."')
    const svg = await zipText(bytes, names.find((n) => n.endsWith(".svg"))!)
    expect(xmlProblem(svg)).toBeUndefined()
  })

  it("takes a caller's rasteriser for the chart fallback and reports its failure", async () => {
    const calls: Array<number> = []
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    await Effect.runPromise(
      Docx.render(month("department"), {
        rasterize: (_svg, size) => {
          calls.push(size.width)
          return png
        },
      }),
    )
    expect(calls).toEqual([640, 640, 640])
    const failed = await Effect.runPromise(
      Effect.flip(
        Docx.render(month("department"), {
          rasterize: () => {
            throw new Error("no fonts")
          },
        }),
      ),
    )
    expect(failed._tag).toBe("RenderFailed")
    expect(failed.message).toContain("no fonts")
  })

  it("ASSET-5.2 leaves withheld personal data out of a public document", async () => {
    const pub = await zipText(
      await Effect.runPromise(Docx.render(month("public"))),
      "word/document.xml",
    )
    expect(pub).not.toContain("Иванова")
    expect(pub).not.toContain("Ответственный")
    expect(pub).not.toContain("Содержит персональные данные")
    expect(wordTables(pub)[0]?.cells[7]?.[2]).toBe("Л. И. С.")
  })
})
