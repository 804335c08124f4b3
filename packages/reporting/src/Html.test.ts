import { describe, expect, it } from "vitest"
import { document as month, schools } from "../test/SimulatedMonth.ts"
import * as Chart from "./Chart.ts"
import * as Html from "./Html.ts"
import * as ReportDocument from "./ReportDocument.ts"

describe("Html", () => {
  const html = Html.render(month("department"))

  it("is self-contained: styles and charts inline, no script, nothing fetched", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
    expect(html).toContain('<html lang="ru">')
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|url\((?!#)/i)
    expect(html.match(/<svg /g)).toHaveLength(3)
    expect(Chart.countMarks(html, 0)).toBe(schools.length + 4 + 4)
  })

  it("prints on A4 with each table's header repeated on every page", () => {
    expect(html).toContain("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }")
    expect(html).toContain("thead { display: table-header-group; }")
    expect(html).toContain("tr { break-inside: avoid;")
    expect(html.match(/<thead>/g)).toHaveLength(2)
    expect(html).toContain('<div class="landscape">')
  })

  it("prints the heading, captions and typed cells", () => {
    expect(html).toContain("<span>«04» июня 2020 г.</span><span>№ 91</span>")
    expect(html).toContain(
      "<caption>Таблица 1 — Сводка по образовательным организациям за май 2020 г.</caption>",
    )
    expect(html).toContain(
      "<figcaption>Рисунок 1 — Участие педагогов по школам, май 2020 г.</figcaption>",
    )
    expect(html).toContain('<td class="number">51,7\u00a0%</td>')
    expect(html).toContain('<td class="date">28.05.2020</td>')
    expect(html).toContain('<tr class="total">')
  })

  it("escapes text", () => {
    const doc = ReportDocument.make({
      name: "x",
      title: "<b>&</b>",
      organisation: "О",
      district: "Р",
      date: { year: 2020, month: 6, day: 4 },
      audience: "public",
      sections: [ReportDocument.section(undefined, [ReportDocument.paragraph('"<script>"')])],
    })
    const out = Html.render(doc)
    expect(out).toContain("<title>&lt;b&gt;&amp;&lt;/b&gt;</title>")
    expect(out).toContain("&quot;&lt;script&gt;&quot;")
    expect(out).not.toContain("<script>")
  })

  it("ASSET-5.2 prints no withheld personal data for the public", () => {
    const pub = Html.render(month("public"))
    expect(pub).not.toContain("Иванова")
    expect(pub).not.toContain("Ответственный")
    expect(pub).not.toContain('class="marking"')
    expect(pub).toContain("Л. И. С.")
  })
})
