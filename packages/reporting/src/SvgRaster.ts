/**
 * A small pure-JavaScript rasteriser for the SVG that {@link Chart.toSvg} produces, so
 * the DOCX renderer can give Word the PNG fallback that an SVG picture requires
 * (OOXML keeps the SVG in an `asvg:svgBlip` extension beside an ordinary raster blip;
 * Word 2016+ and current LibreOffice draw the SVG, older readers the raster).
 *
 * It fills and strokes `path`, `rect`, `circle`, `line`, `polyline` and `polygon`
 * elements with their colours, opacities and transforms, anti-aliased, and draws
 * `text` with a built-in bitmap font ({@link GlyphAtlas}: Latin, Cyrillic, digits and
 * Russian punctuation of DejaVu Sans Condensed), at any size and rotation. Characters
 * outside the atlas print as `?`; text is drawn without kerning or shaping. An
 * integrator who wants a full renderer can pass one (resvg, say) to `Docx.render`.
 */
import { deflateSync, inflateSync } from "node:zlib"
import * as GlyphAtlas from "./GlyphAtlas.ts"

/** An RGBA image, 8 bits per channel, rows top to bottom. */
export interface Bitmap {
  readonly width: number
  readonly height: number
  readonly pixels: Uint8Array
}

type Matrix = readonly [number, number, number, number, number, number]
type Point = readonly [number, number]
type Rgba = readonly [number, number, number, number]

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
]

const apply = (m: Matrix, [x, y]: Point): Point => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
]

const numbers = (text: string): Array<number> =>
  (text.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? []).map(Number)

const parseTransform = (text: string | undefined): Matrix => {
  if (text === undefined) return IDENTITY
  let result = IDENTITY
  for (const [, name, args] of text.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = numbers(args ?? "")
    let m: Matrix = IDENTITY
    switch (name) {
      case "matrix":
        if (a.length === 6) m = [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!]
        break
      case "translate":
        m = [1, 0, 0, 1, a[0] ?? 0, a[1] ?? 0]
        break
      case "scale":
        m = [a[0] ?? 1, 0, 0, a[1] ?? a[0] ?? 1, 0, 0]
        break
      case "rotate": {
        const r = ((a[0] ?? 0) * Math.PI) / 180
        const [cx, cy] = [a[1] ?? 0, a[2] ?? 0]
        m = multiply(
          multiply(
            [1, 0, 0, 1, cx, cy],
            [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0],
          ),
          [1, 0, 0, 1, -cx, -cy],
        )
        break
      }
    }
    result = multiply(result, m)
  }
  return result
}

const NAMED: Readonly<Record<string, Rgba>> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
}

const parseColor = (text: string | undefined): Rgba | undefined => {
  if (text === undefined) return undefined
  const t = text.trim().toLowerCase()
  if (t === "none" || t === "transparent" || t.startsWith("url(")) return undefined
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(t)?.[1]
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex
    return [
      Number.parseInt(full.slice(0, 2), 16),
      Number.parseInt(full.slice(2, 4), 16),
      Number.parseInt(full.slice(4, 6), 16),
      1,
    ]
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(t)?.[1]
  if (fn !== undefined) {
    const [r, g, b, a] = numbers(fn)
    return [r ?? 0, g ?? 0, b ?? 0, a ?? 1]
  }
  return NAMED[t]
}

/** Flattens path data into polylines (subpaths), with curves cut into short segments. */
const flattenPath = (d: string): Array<{ points: Array<Point>; closed: boolean }> => {
  const subpaths: Array<{ points: Array<Point>; closed: boolean }> = []
  let current: { points: Array<Point>; closed: boolean } | undefined
  let [x, y] = [0, 0]
  let [startX, startY] = [0, 0]
  let [ctrlX, ctrlY] = [0, 0]
  let previous = ""
  const lineTo = (nx: number, ny: number): void => {
    if (current === undefined) {
      current = { points: [[x, y]], closed: false }
      subpaths.push(current)
    }
    current.points.push([nx, ny])
    x = nx
    y = ny
  }
  const curve = (pts: ReadonlyArray<Point>): void => {
    const steps = 16
    for (let i = 1; i <= steps; i++) {
      const t = i / steps
      const u = 1 - t
      if (pts.length === 3) {
        const [p0, p1, p2] = pts as [Point, Point, Point]
        lineTo(
          u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
          u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
        )
      } else {
        const [p0, p1, p2, p3] = pts as [Point, Point, Point, Point]
        lineTo(
          u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
          u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
        )
      }
    }
  }
  const arc = (
    rx0: number,
    ry0: number,
    angle: number,
    large: boolean,
    sweep: boolean,
    x2: number,
    y2: number,
  ) => {
    // Endpoint to centre parameterisation, SVG 1.1 appendix F.6.5.
    let [rx, ry] = [Math.abs(rx0), Math.abs(ry0)]
    if (rx === 0 || ry === 0 || (x === x2 && y === y2)) return lineTo(x2, y2)
    const phi = (angle * Math.PI) / 180
    const [cos, sin] = [Math.cos(phi), Math.sin(phi)]
    const dx = (x - x2) / 2
    const dy = (y - y2) / 2
    const x1p = cos * dx + sin * dy
    const y1p = -sin * dx + cos * dy
    const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry)
    if (lambda > 1) {
      rx *= Math.sqrt(lambda)
      ry *= Math.sqrt(lambda)
    }
    const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den))
    const cxp = (coef * rx * y1p) / ry
    const cyp = (-coef * ry * x1p) / rx
    const cx = cos * cxp - sin * cyp + (x + x2) / 2
    const cy = sin * cxp + cos * cyp + (y + y2) / 2
    const vectorAngle = (ux: number, uy: number, vx: number, vy: number): number =>
      Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)
    const theta1 = vectorAngle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
    let delta = vectorAngle(
      (x1p - cxp) / rx,
      (y1p - cyp) / ry,
      (-x1p - cxp) / rx,
      (-y1p - cyp) / ry,
    )
    if (!sweep && delta > 0) delta -= 2 * Math.PI
    if (sweep && delta < 0) delta += 2 * Math.PI
    const steps = Math.max(4, Math.ceil(Math.abs(delta) / (Math.PI / 16)))
    for (let i = 1; i <= steps; i++) {
      const t = theta1 + (delta * i) / steps
      const px = rx * Math.cos(t)
      const py = ry * Math.sin(t)
      if (i === steps) lineTo(x2, y2)
      else lineTo(cos * px - sin * py + cx, sin * px + cos * py + cy)
    }
  }
  for (const [, command, args] of d.matchAll(
    /([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)/g,
  )) {
    const a = numbers(args ?? "")
    const cmd = command ?? ""
    const rel = cmd === cmd.toLowerCase()
    const ox = (): number => (rel ? x : 0)
    const oy = (): number => (rel ? y : 0)
    switch (cmd.toUpperCase()) {
      case "M":
        for (let i = 0; i + 1 < a.length; i += 2) {
          const [nx, ny] = [a[i]! + ox(), a[i + 1]! + oy()]
          if (i === 0) {
            current = { points: [[nx, ny]], closed: false }
            subpaths.push(current)
            x = startX = nx
            y = startY = ny
          } else lineTo(nx, ny)
        }
        break
      case "L":
        for (let i = 0; i + 1 < a.length; i += 2) lineTo(a[i]! + ox(), a[i + 1]! + oy())
        break
      case "H":
        for (const v of a) lineTo(v + ox(), y)
        break
      case "V":
        for (const v of a) lineTo(x, v + oy())
        break
      case "C":
        for (let i = 0; i + 5 < a.length; i += 6) {
          const p1: Point = [a[i]! + ox(), a[i + 1]! + oy()]
          const p2: Point = [a[i + 2]! + ox(), a[i + 3]! + oy()]
          const p3: Point = [a[i + 4]! + ox(), a[i + 5]! + oy()]
          curve([[x, y], p1, p2, p3])
          ;[ctrlX, ctrlY] = p2
        }
        break
      case "S":
        for (let i = 0; i + 3 < a.length; i += 4) {
          const p1: Point = /[CcSs]/.test(previous) ? [2 * x - ctrlX, 2 * y - ctrlY] : [x, y]
          const p2: Point = [a[i]! + ox(), a[i + 1]! + oy()]
          const p3: Point = [a[i + 2]! + ox(), a[i + 3]! + oy()]
          curve([[x, y], p1, p2, p3])
          ;[ctrlX, ctrlY] = p2
        }
        break
      case "Q":
        for (let i = 0; i + 3 < a.length; i += 4) {
          const p1: Point = [a[i]! + ox(), a[i + 1]! + oy()]
          const p2: Point = [a[i + 2]! + ox(), a[i + 3]! + oy()]
          curve([[x, y], p1, p2])
          ;[ctrlX, ctrlY] = p1
        }
        break
      case "T":
        for (let i = 0; i + 1 < a.length; i += 2) {
          const p1: Point = /[QqTt]/.test(previous) ? [2 * x - ctrlX, 2 * y - ctrlY] : [x, y]
          const p2: Point = [a[i]! + ox(), a[i + 1]! + oy()]
          curve([[x, y], p1, p2])
          ;[ctrlX, ctrlY] = p1
        }
        break
      case "A":
        for (let i = 0; i + 6 < a.length; i += 7)
          arc(
            a[i]!,
            a[i + 1]!,
            a[i + 2]!,
            a[i + 3] !== 0,
            a[i + 4] !== 0,
            a[i + 5]! + ox(),
            a[i + 6]! + oy(),
          )
        break
      case "Z":
        if (current !== undefined) current.closed = true
        x = startX
        y = startY
        current = undefined
        break
    }
    previous = cmd
  }
  return subpaths
}

interface Edge {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
  readonly winding: 1 | -1
}

const SUBSAMPLES = 4

interface Coverage {
  readonly cover: Float32Array
  readonly firstRow: number
  readonly lastRow: number
}

/** Coverage of a set of closed polygons under the non-zero rule, anti-aliased. */
const coverage = (
  polygons: ReadonlyArray<ReadonlyArray<Point>>,
  width: number,
  height: number,
): Coverage => {
  const edges: Array<Edge> = []
  let minY = Number.POSITIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i++) {
      const a = polygon[i]!
      const b = polygon[(i + 1) % polygon.length]!
      if (a[1] === b[1]) continue
      edges.push(
        a[1] < b[1]
          ? { x0: a[0], y0: a[1], x1: b[0], y1: b[1], winding: 1 }
          : { x0: b[0], y0: b[1], x1: a[0], y1: a[1], winding: -1 },
      )
      minY = Math.min(minY, a[1], b[1])
      maxY = Math.max(maxY, a[1], b[1])
    }
  }
  const firstRow = Math.max(0, Math.floor(minY))
  const lastRow = Math.min(height - 1, Math.ceil(maxY))
  if (edges.length === 0 || lastRow < firstRow)
    return { cover: new Float32Array(0), firstRow: 0, lastRow: -1 }
  // Rows are indexed from firstRow, so a thin grid line costs its own rows, not the image's.
  const cover = new Float32Array(width * (lastRow - firstRow + 1))
  const crossings: Array<{ x: number; w: number }> = []
  for (let row = firstRow; row <= lastRow; row++) {
    for (let s = 0; s < SUBSAMPLES; s++) {
      const sy = row + (s + 0.5) / SUBSAMPLES
      crossings.length = 0
      for (const e of edges)
        if (sy >= e.y0 && sy < e.y1)
          crossings.push({ x: e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), w: e.winding })
      crossings.sort((p, q) => p.x - q.x)
      let winding = 0
      for (let i = 0; i < crossings.length - 1; i++) {
        winding += crossings[i]!.w
        if (winding === 0) continue
        const from = Math.max(0, crossings[i]!.x)
        const to = Math.min(width, crossings[i + 1]!.x)
        if (to <= from) continue
        const base = (row - firstRow) * width
        const firstCol = Math.floor(from)
        const lastCol = Math.min(width - 1, Math.ceil(to) - 1)
        for (let col = firstCol; col <= lastCol; col++) {
          const covered = Math.min(col + 1, to) - Math.max(col, from)
          cover[base + col] = cover[base + col]! + covered / SUBSAMPLES
        }
      }
    }
  }
  return { cover, firstRow, lastRow }
}

/** Quadrilaterals along each segment, squared off at the ends so corners join. */
const strokePolygons = (
  lines: ReadonlyArray<{ points: ReadonlyArray<Point>; closed: boolean }>,
  halfWidth: number,
): Array<Array<Point>> => {
  const quads: Array<Array<Point>> = []
  for (const line of lines) {
    const pts = line.closed ? [...line.points, line.points[0]!] : line.points
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i]!
      const [bx, by] = pts[i + 1]!
      const length = Math.hypot(bx - ax, by - ay)
      if (length === 0) continue
      const ux = ((bx - ax) / length) * halfWidth
      const uy = ((by - ay) / length) * halfWidth
      const [nx, ny] = [-uy, ux]
      quads.push([
        [ax - ux + nx, ay - uy + ny],
        [bx + ux + nx, by + uy + ny],
        [bx + ux - nx, by + uy - ny],
        [ax - ux - nx, ay - uy - ny],
      ])
    }
  }
  return quads
}

const composite = (
  bitmap: Bitmap,
  { cover, firstRow }: Coverage,
  color: Rgba,
  opacity: number,
): void => {
  const alpha = color[3] * opacity
  if (alpha <= 0) return
  const offset = firstRow * bitmap.width
  for (let i = 0; i < cover.length; i++) {
    const c = cover[i]!
    if (c <= 0) continue
    const a = Math.min(1, c) * alpha
    const p = (offset + i) * 4
    for (let k = 0; k < 3; k++)
      bitmap.pixels[p + k] = Math.round(color[k]! * a + bitmap.pixels[p + k]! * (1 - a))
    bitmap.pixels[p + 3] = 255
  }
}

const attributes = (tag: string): Map<string, string> => {
  const map = new Map<string, string>()
  for (const [, name, value] of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g))
    if (name !== undefined && value !== undefined) map.set(name, value)
  const style = map.get("style")
  if (style !== undefined)
    for (const rule of style.split(";")) {
      const [name, value] = rule.split(":").map((s) => s.trim())
      if (name && value) map.set(name, value)
    }
  return map
}

const num = (attrs: Map<string, string>, name: string, fallback = 0): number => {
  const value = Number.parseFloat(attrs.get(name) ?? "")
  return Number.isFinite(value) ? value : fallback
}

const shapeOutline = (
  name: string,
  attrs: Map<string, string>,
): Array<{ points: Array<Point>; closed: boolean }> => {
  switch (name) {
    case "path":
      return flattenPath(attrs.get("d") ?? "")
    case "rect": {
      const [x, y, w, h] = [
        num(attrs, "x"),
        num(attrs, "y"),
        num(attrs, "width"),
        num(attrs, "height"),
      ]
      return w > 0 && h > 0
        ? [
            {
              points: [
                [x, y],
                [x + w, y],
                [x + w, y + h],
                [x, y + h],
              ],
              closed: true,
            },
          ]
        : []
    }
    case "circle": {
      const [cx, cy, r] = [num(attrs, "cx"), num(attrs, "cy"), num(attrs, "r")]
      const points: Array<Point> = []
      for (let i = 0; i < 32; i++)
        points.push([cx + r * Math.cos((i * Math.PI) / 16), cy + r * Math.sin((i * Math.PI) / 16)])
      return r > 0 ? [{ points, closed: true }] : []
    }
    case "line":
      return [
        {
          points: [
            [num(attrs, "x1"), num(attrs, "y1")],
            [num(attrs, "x2"), num(attrs, "y2")],
          ],
          closed: false,
        },
      ]
    case "polyline":
    case "polygon": {
      const n = numbers(attrs.get("points") ?? "")
      const points: Array<Point> = []
      for (let i = 0; i + 1 < n.length; i += 2) points.push([n[i]!, n[i + 1]!])
      return [{ points, closed: name === "polygon" }]
    }
    default:
      return []
  }
}

interface Glyph {
  readonly advance: number
  readonly left: number
  readonly width: number
  readonly offset: number
}

let font: { readonly glyphs: ReadonlyMap<number, Glyph>; readonly alpha: Uint8Array } | undefined

const loadFont = (): NonNullable<typeof font> => {
  if (font !== undefined) return font
  const glyphs = new Map<number, Glyph>()
  let offset = 0
  for (const entry of GlyphAtlas.metrics.split(";")) {
    const [code = 0, advance = 0, left = 0, width = 0] = entry.split(",").map(Number)
    glyphs.set(code, { advance: advance / 100, left, width, offset })
    offset += width * GlyphAtlas.height
  }
  font = { glyphs, alpha: new Uint8Array(inflateSync(Buffer.from(GlyphAtlas.data, "base64"))) }
  return font
}

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === "amp"
      ? "&"
      : e === "lt"
        ? "<"
        : e === "gt"
          ? ">"
          : e === "quot"
            ? '"'
            : e === "apos"
              ? "'"
              : String.fromCodePoint(
                  e.startsWith("#x") ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
                ),
  )

const invert = (m: Matrix): Matrix | undefined => {
  const det = m[0] * m[3] - m[1] * m[2]
  if (Math.abs(det) < 1e-12) return undefined
  return [
    m[3] / det,
    -m[1] / det,
    -m[2] / det,
    m[0] / det,
    (m[2] * m[5] - m[3] * m[4]) / det,
    (m[1] * m[4] - m[0] * m[5]) / det,
  ]
}

/** Draws one glyph's alpha map under `matrix` (atlas pixels to bitmap pixels). */
const drawGlyph = (
  bitmap: Bitmap,
  glyph: Glyph,
  matrix: Matrix,
  color: Rgba,
  opacity: number,
): void => {
  const { alpha } = loadFont()
  const inverse = invert(matrix)
  if (inverse === undefined) return
  const h = GlyphAtlas.height
  const corners = [
    apply(matrix, [0, 0]),
    apply(matrix, [glyph.width, 0]),
    apply(matrix, [0, h]),
    apply(matrix, [glyph.width, h]),
  ]
  const minX = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[0]))))
  const maxX = Math.min(bitmap.width - 1, Math.ceil(Math.max(...corners.map((c) => c[0]))))
  const minY = Math.max(0, Math.floor(Math.min(...corners.map((c) => c[1]))))
  const maxY = Math.min(bitmap.height - 1, Math.ceil(Math.max(...corners.map((c) => c[1]))))
  const sample = (u: number, v: number): number =>
    u < 0 || v < 0 || u >= glyph.width || v >= h
      ? 0
      : (alpha[glyph.offset + v * glyph.width + u] ?? 0)
  for (let y = minY; y <= maxY; y++)
    for (let x = minX; x <= maxX; x++) {
      const [u, v] = apply(inverse, [x + 0.5, y + 0.5])
      const fu = u - 0.5
      const fv = v - 0.5
      const u0 = Math.floor(fu)
      const v0 = Math.floor(fv)
      const tu = fu - u0
      const tv = fv - v0
      const value =
        sample(u0, v0) * (1 - tu) * (1 - tv) +
        sample(u0 + 1, v0) * tu * (1 - tv) +
        sample(u0, v0 + 1) * (1 - tu) * tv +
        sample(u0 + 1, v0 + 1) * tu * tv
      if (value <= 0) continue
      const a = Math.min(1, value / 255) * color[3] * opacity
      const p = (y * bitmap.width + x) * 4
      for (let k = 0; k < 3; k++)
        bitmap.pixels[p + k] = Math.round(color[k]! * a + bitmap.pixels[p + k]! * (1 - a))
    }
}

/** Draws a `text` element's content on one line, anchored and aligned as SVG says. */
const drawText = (
  bitmap: Bitmap,
  content: string,
  attrs: Map<string, string>,
  matrix: Matrix,
): void => {
  const color = attrs.has("fill") ? parseColor(attrs.get("fill")) : NAMED.black
  if (color === undefined || content.length === 0) return
  const { glyphs } = loadFont()
  const fallback = glyphs.get(63)
  const line = [...content.replace(/[\r\n\t]/g, " ")].map(
    (ch) => glyphs.get(ch.codePointAt(0) ?? 63) ?? fallback,
  )
  const fontSize = num(attrs, "font-size", 12)
  const k = fontSize / GlyphAtlas.size
  const width = line.reduce((w, g) => w + (g?.advance ?? 0), 0) * k
  const anchor = attrs.get("text-anchor")
  let penX = num(attrs, "x") - (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0)
  const ascent = GlyphAtlas.baseline
  const descent = GlyphAtlas.height - GlyphAtlas.baseline
  const baselineShift: Record<string, number> = {
    central: ((ascent - descent) / 2) * k,
    middle: ((ascent - descent) / 2) * k,
    hanging: ascent * 0.8 * k,
    "text-before-edge": ascent * k,
  }
  const baselineY = num(attrs, "y") + (baselineShift[attrs.get("dominant-baseline") ?? ""] ?? 0)
  const bold = /bold|[6-9]00/.test(attrs.get("font-weight") ?? "")
  const opacity = num(attrs, "opacity", 1) * num(attrs, "fill-opacity", 1)
  for (const glyph of line) {
    if (glyph === undefined) continue
    const place: Matrix = [k, 0, 0, k, penX - glyph.left * k, baselineY - GlyphAtlas.baseline * k]
    drawGlyph(bitmap, glyph, multiply(matrix, place), color, opacity)
    if (bold)
      drawGlyph(
        bitmap,
        glyph,
        multiply(matrix, [k, 0, 0, k, place[4] + fontSize * 0.05, place[5]]),
        color,
        opacity,
      )
    penX += glyph.advance * k
  }
}

/**
 * Draws an SVG document's shapes and text on a white bitmap `scale` times its size.
 * The size comes from the root element's `width` and `height`, else its `viewBox`.
 */
export const rasterize = (svg: string, scale = 2): Bitmap => {
  const root = attributes(/<svg\b[^>]*>/.exec(svg)?.[0] ?? "")
  const viewBox = numbers(root.get("viewBox") ?? "")
  const baseWidth = num(root, "width", viewBox[2] ?? 300)
  const baseHeight = num(root, "height", viewBox[3] ?? 150)
  const width = Math.max(1, Math.round(baseWidth * scale))
  const height = Math.max(1, Math.round(baseHeight * scale))
  const bitmap: Bitmap = { width, height, pixels: new Uint8Array(width * height * 4).fill(255) }
  const rootMatrix: Matrix =
    viewBox.length === 4 && viewBox[2]! > 0 && viewBox[3]! > 0
      ? multiply(
          [width / viewBox[2]!, 0, 0, height / viewBox[3]!, 0, 0],
          [1, 0, 0, 1, -viewBox[0]!, -viewBox[1]!],
        )
      : [scale, 0, 0, scale, 0, 0]
  const stack: Array<Matrix> = [rootMatrix]
  let skipDepth = 0
  for (const match of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [tag, closing, name = "", selfClosing] = match
    const group = name === "g" || name === "a"
    const skipped = name === "defs" || name === "clipPath" || name === "mask" || name === "text"
    if (name === "text" && closing !== "/" && selfClosing !== "/" && skipDepth === 0) {
      const start = match.index + tag.length
      const end = svg.indexOf("</text>", start)
      const content = decodeEntities(
        svg.slice(start, end === -1 ? svg.length : end).replace(/<[^>]*>/g, ""),
      )
      const attrs = attributes(tag)
      drawText(
        bitmap,
        content,
        attrs,
        multiply(stack[stack.length - 1]!, parseTransform(attrs.get("transform"))),
      )
    }
    if (closing === "/") {
      if (skipped) skipDepth = Math.max(0, skipDepth - 1)
      else if (group && skipDepth === 0 && stack.length > 1) stack.pop()
      continue
    }
    if (skipped) {
      if (selfClosing !== "/") skipDepth++
      continue
    }
    if (skipDepth > 0) continue
    const attrs = attributes(tag)
    const matrix = multiply(stack[stack.length - 1]!, parseTransform(attrs.get("transform")))
    if (group) {
      if (selfClosing !== "/") stack.push(matrix)
      continue
    }
    const outline = shapeOutline(name, attrs).map((sub) => ({
      points: sub.points.map((p) => apply(matrix, p)),
      closed: sub.closed,
    }))
    if (outline.length === 0) continue
    const opacity = num(attrs, "opacity", 1)
    const fill = attrs.has("fill")
      ? parseColor(attrs.get("fill"))
      : name === "line"
        ? undefined
        : NAMED.black
    if (fill !== undefined && name !== "line" && name !== "polyline")
      composite(
        bitmap,
        coverage(
          outline.map((s) => s.points),
          width,
          height,
        ),
        fill,
        opacity * num(attrs, "fill-opacity", 1),
      )
    const stroke = parseColor(attrs.get("stroke"))
    const strokeWidth = num(attrs, "stroke-width", 1)
    if (stroke !== undefined && strokeWidth > 0) {
      const unit = Math.sqrt(Math.abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]))
      composite(
        bitmap,
        coverage(strokePolygons(outline, Math.max(0.5, (strokeWidth * unit) / 2)), width, height),
        stroke,
        opacity * num(attrs, "stroke-opacity", 1),
      )
    }
  }
  return bitmap
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const chunk = (type: string, data: Uint8Array): Uint8Array => {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A bitmap as a PNG file (8-bit RGB; the bitmap is opaque). */
export const encodePng = (bitmap: Bitmap): Uint8Array => {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, bitmap.width)
  view.setUint32(4, bitmap.height)
  header.set([8, 2, 0, 0, 0], 8)
  const stride = bitmap.width * 3 + 1
  const raw = new Uint8Array(stride * bitmap.height)
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++) {
      const from = (y * bitmap.width + x) * 4
      raw.set(bitmap.pixels.subarray(from, from + 3), y * stride + 1 + x * 3)
    }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk("IEND", new Uint8Array(0)),
  ]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/** An SVG document as a PNG (see the module's note on what it draws). */
export const svgToPng = (svg: string, scale = 2): Uint8Array => encodePng(rasterize(svg, scale))
