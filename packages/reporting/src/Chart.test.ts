import { describe, expect, it } from "vitest"
import { xmlProblem } from "../test/ReadBack.ts"
import { latenessChart, participationChart, schools, shareChart } from "../test/SimulatedMonth.ts"
import * as Chart from "./Chart.ts"
import * as ReportDocument from "./ReportDocument.ts"

describe("Chart", () => {
  it("draws a well-formed SVG with exactly one bar per school", () => {
    const svg = Chart.toSvg(participationChart)
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg.startsWith("<svg")).toBe(true)
    expect(Chart.countMarks(svg, 0)).toBe(schools.length)
    expect(Chart.countMarks(svg, 1)).toBe(0)
    for (const school of schools) expect(svg).toContain(school.replace(/&/g, "&amp;").slice(0, 12))
  })

  it("draws grouped bars, one per series and category, and lines with a point per category", () => {
    const grouped = Chart.toSvg(latenessChart)
    expect(xmlProblem(grouped)).toBeUndefined()
    expect(Chart.countMarks(grouped, 0)).toBe(4)
    expect(Chart.countMarks(grouped, 1)).toBe(4)
    const line = Chart.toSvg(shareChart)
    expect(xmlProblem(line)).toBeUndefined()
    expect(Chart.countMarks(line, 0)).toBe(4)
    expect(line).toContain("100\u00a0%")
  })

  it("is deterministic: two renders are byte-identical and carry no per-instance ids", () => {
    for (const chart of [participationChart, latenessChart, shareChart]) {
      const svg = Chart.toSvg(chart)
      expect(Chart.toSvg(chart)).toBe(svg)
      expect(svg).not.toMatch(/zr\d+-/)
      expect(svg).not.toContain("<style")
    }
    expect(Chart.toSvg(shareChart, { idPrefix: "figure3" })).toContain('id="figure3-')
  })

  it("escapes labels and titles, and prints the title only when asked", () => {
    const chart = ReportDocument.chart({
      title: "Школы <& «кавычки»>",
      kind: "stackedBar",
      categories: ['A & B "C"', "<script>"],
      series: [
        { name: "x", values: [1, 2] },
        { name: "y", values: [3, null] },
      ],
    })
    const svg = Chart.toSvg(chart)
    expect(xmlProblem(svg)).toBeUndefined()
    expect(svg).not.toContain("<script>")
    expect(svg).toContain("&lt;&amp; «кавычки»&gt;")
    expect(Chart.countMarks(svg, 1)).toBe(1)
    expect(Chart.toSvg(chart, { showTitle: false })).not.toContain("кавычки")
  })

  it("sizes a horizontal chart by its categories, within the A4 text width", () => {
    const size = Chart.defaultSize(participationChart)
    expect(size.width).toBe(640)
    expect(size.height).toBeGreaterThan(
      Chart.defaultSize({ ...participationChart, categories: ["a"] }).height,
    )
    expect(Chart.toSvg(participationChart, { width: 500, height: 300 })).toContain(
      'width="500" height="300"',
    )
  })
})
