import { describe, expect, it } from "vitest"
import { document as month } from "../test/SimulatedMonth.ts"
import * as Markdown from "./Markdown.ts"

describe("Markdown", () => {
  const md = Markdown.render(month("department"))

  it("prints the heading of an official document", () => {
    expect(md).toContain("**Управление образования администрации ЗАТО Северск**")
    expect(md).toContain("«04» июня 2020 г. № 91")
    expect(md).toContain("# Об итогах единых методических дней в мае 2020 года")
    expect(md).toContain("> Содержит персональные данные")
    expect(md).toContain("## 2. Сводка по школам")
  })

  it("prints tables as pipe tables with numbers aligned right and pipes escaped", () => {
    expect(md).toContain("Таблица 1 — Сводка по образовательным организациям за май 2020 г.")
    expect(md).toContain("| № | Образовательная организация | Ответственный |")
    expect(md).toContain("| ---: | --- | --- |")
    expect(md).toContain("| 1 | МБОУ «СОШ № 1» г. Северска | Иванова Мария Петровна | — |")
    expect(md).toContain("51,7\u00a0%")
    expect(Markdown.escapeInline("a | b *c*")).toBe("a \\| b \\*c\\*")
    expect(Markdown.escapeBlock("1. пункт")).toBe("1\\. пункт")
    expect(Markdown.escapeBlock("- пункт")).toBe("\\- пункт")
  })

  it("prints charts as their data, linked to their SVG when given", () => {
    expect(md).toContain("Рисунок 1 — Участие педагогов по школам, май 2020 г.")
    expect(md).toContain("| Категория | Участники |")
    const linked = Markdown.render(month("department"), { chartImage: (i) => `chart ${i + 1}.svg` })
    expect(linked).toContain("](chart%201.svg)")
  })

  it("ASSET-5.2 prints no withheld personal data for the public", () => {
    const pub = Markdown.render(month("public"))
    expect(pub).not.toContain("Иванова")
    expect(pub).not.toContain("Ответственный")
    expect(pub).not.toContain("Содержит персональные данные")
    expect(pub).toContain("Л. И. С.")
  })

  it("speaks English when the document does", () => {
    const en = Markdown.render(month("department", "en"))
    expect(en).toContain("4 June 2020 No. 91")
    expect(en).toContain("Table 1 — ")
    expect(en).toContain("Figure 1 — ")
  })
})
