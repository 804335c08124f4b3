import { inflateSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import { participationChart } from "../test/SimulatedMonth.ts"
import * as Chart from "./Chart.ts"
import * as SvgRaster from "./SvgRaster.ts"

const pixel = (bitmap: SvgRaster.Bitmap, x: number, y: number): Array<number> => {
  const p = (y * bitmap.width + x) * 4
  return [...bitmap.pixels.subarray(p, p + 3)]
}

describe("SvgRaster", () => {
  it("fills shapes with their colour, transforms and opacity on white", () => {
    const svg = `<svg width="40" height="20" xmlns="http://www.w3.org/2000/svg">
      <rect x="0" y="0" width="10" height="10" fill="#ff0000"></rect>
      <g transform="translate(20 0)"><path d="M0 0l10 0l0 10l-10 0Z" fill="rgb(0,0,255)"></path></g>
      <path d="M0 15L40 15" stroke="#000" stroke-width="2" fill="none"></path>
      <rect x="30" y="0" width="10" height="10" fill="#00ff00" fill-opacity="0.5"></rect>
    </svg>`
    const bitmap = SvgRaster.rasterize(svg, 1)
    expect([bitmap.width, bitmap.height]).toEqual([40, 20])
    expect(pixel(bitmap, 5, 5)).toEqual([255, 0, 0])
    expect(pixel(bitmap, 25, 5)).toEqual([0, 0, 255])
    expect(pixel(bitmap, 15, 5)).toEqual([255, 255, 255])
    expect(pixel(bitmap, 10, 15)).toEqual([0, 0, 0])
    expect(pixel(bitmap, 35, 5)).toEqual([128, 255, 128])
    expect(pixel(bitmap, 1, 19)).toEqual([255, 255, 255])
  })

  it("draws text with the built-in font, anchored, rotated, and `?` for what it lacks", () => {
    const dark = (svg: string): number => {
      const bitmap = SvgRaster.rasterize(svg, 1)
      let count = 0
      for (let i = 0; i < bitmap.pixels.length; i += 4) if (bitmap.pixels[i]! < 128) count++
      return count
    }
    const text = (body: string, attrs = "") =>
      `<svg width="120" height="40"><text x="60" y="20" text-anchor="middle" dominant-baseline="central" style="font-size:12px;" fill="#000" ${attrs}>${body}</text></svg>`
    const cyrillic = dark(text("Школа № 1 «Ёлка»"))
    expect(cyrillic).toBeGreaterThan(60)
    expect(dark(text("Школа № 1 «Ёлка»", 'transform="rotate(-30 60 20)"'))).toBeGreaterThan(
      cyrillic * 0.7,
    )
    expect(dark(text("&lt;&amp;&gt;"))).toBeGreaterThan(10)
    expect(dark(text("漢"))).toBe(dark(text("?")))
    const left = SvgRaster.rasterize(
      text("ТТТ", 'text-anchor="end"').replace('text-anchor="middle" ', ""),
      1,
    )
    const inkRight = (b: SvgRaster.Bitmap): number => {
      let right = 0
      for (let y = 0; y < b.height; y++)
        for (let x = 0; x < b.width; x++)
          if (b.pixels[(y * b.width + x) * 4]! < 128) right = Math.max(right, x)
      return right
    }
    expect(inkRight(left)).toBeLessThanOrEqual(60)
  })

  it("encodes a valid PNG of the chart, twice its size, with the bars' colour in it", () => {
    const svg = Chart.toSvg(participationChart)
    const png = SvgRaster.svgToPng(svg)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const view = new DataView(png.buffer, png.byteOffset)
    const size = Chart.defaultSize(participationChart)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([size.width * 2, size.height * 2])
    const idatLength = view.getUint32(33)
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe("IDAT")
    const raw = inflateSync(png.subarray(41, 41 + idatLength))
    expect(raw.length).toBe((size.width * 2 * 3 + 1) * size.height * 2)
    const bitmap = SvgRaster.rasterize(svg)
    const barColour = [0x1f, 0x4e, 0x79]
    let bars = 0
    for (let i = 0; i < bitmap.pixels.length; i += 4)
      if (
        bitmap.pixels[i] === barColour[0] &&
        bitmap.pixels[i + 1] === barColour[1] &&
        bitmap.pixels[i + 2] === barColour[2]
      )
        bars++
    expect(bars).toBeGreaterThan(1000)
  })
})
