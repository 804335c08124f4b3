/**
 * Proves the HTML report displays: Debian's Chromium, driven by playwright-core, loads
 * the page and takes a PNG screenshot of it, and parses each inline chart with the
 * browser's own SVG parser. Without Chromium this test fails; it never skips.
 */
import { existsSync } from "node:fs"
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { type Browser, chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { document as month, participationChart, schools } from "../test/SimulatedMonth.ts"
import * as Chart from "./Chart.ts"
import * as Html from "./Html.ts"

const CHROMIUM = process.env.METODIKA_CHROMIUM ?? "/usr/bin/chromium"
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

const pngSize = (png: Uint8Array): { width: number; height: number } => {
  const view = new DataView(png.buffer, png.byteOffset)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

describe("Html in Chromium", () => {
  let browser: Browser

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) ` +
          "or point METODIKA_CHROMIUM at a Chromium binary. This test does not skip.",
      )
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("renders the month's report to a PNG of a full, readable page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.setContent(Html.render(month("department")), { waitUntil: "load" })
    const png = await page.screenshot({ fullPage: true, type: "png" })
    const out = path.join(os.tmpdir(), "metodika-reporting", "emd-2020-05.png")
    await fs.mkdir(path.dirname(out), { recursive: true })
    await fs.writeFile(out, png)
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const size = pngSize(png)
    expect(size.width).toBe(1280)
    expect(size.height).toBeGreaterThan(2000)
    expect(png.length).toBeGreaterThan(100_000)
    expect(await page.title()).toBe("Об итогах единых методических дней в мае 2020 года")
    const headerCells = await page.locator("table").first().locator("thead th").count()
    expect(headerCells).toBe(11)
    // Browser code goes as text: the package compiles without the DOM's types.
    const theadDisplay = await page.evaluate<string>(
      `getComputedStyle(document.querySelector("thead")).display`,
    )
    expect(theadDisplay).toBe("table-header-group")
    await page.close()
  })

  it("parses each chart's SVG as the browser does and finds one bar per school", async () => {
    const page = await browser.newPage()
    const svg = Chart.toSvg(participationChart)
    const result = await page.evaluate<{
      error: string | null
      root: string
      bars: number
    }>(`(() => {
      const parsed = new DOMParser().parseFromString(${JSON.stringify(svg)}, "image/svg+xml")
      return {
        error: parsed.querySelector("parsererror")?.textContent ?? null,
        root: parsed.documentElement.nodeName,
        bars: parsed.querySelectorAll('path[ecmeta_ssr_type="chart"][ecmeta_series_index="0"]').length,
      }
    })()`)
    expect(result).toEqual({ error: null, root: "svg", bars: schools.length })
    await page.close()
  })

  it("prints to A4 PDF pages", async () => {
    const page = await browser.newPage()
    await page.setContent(Html.render(month("public")), { waitUntil: "load" })
    await page.emulateMedia({ media: "print" })
    const pdf = await page.pdf({ preferCSSPageSize: true })
    const text = new TextDecoder("latin1").decode(pdf)
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ])
    expect(boxes.length).toBeGreaterThan(1)
    // A4 is 595 × 842 points; the wide table's pages are landscape.
    expect(boxes).toContainEqual([595, 842])
    expect(boxes).toContainEqual([842, 595])
    await page.close()
  })
})
