/**
 * A report as a Word document (the `docx` package), laid out as an official document
 * of an education department (ГОСТ Р 7.0.97-2016): A4 portrait; margins left 30 mm,
 * right 15 mm, top and bottom 20 mm (the standard's minimums are 20/10/20/20; 30 mm on
 * the left leaves room for binding); Times New Roman 14 pt, tables 12 pt (tables of
 * more than 7 columns on landscape pages of their own); the issuing
 * organisation and the title centred; the date line «04» июня 2020 г. with the order's
 * № on the right; numbered sections; tables captioned «Таблица 1 — …» above, whose
 * header row repeats on every page (`w:tblHeader`) and whose rows do not split; charts
 * captioned «Рисунок 1 — …» below; page numbers centred in the top margin from the
 * second page on.
 *
 * Charts are embedded as SVG. Word requires a raster twin of every SVG picture (the
 * `asvg:svgBlip` extension sits beside an ordinary `a:blip`, which Word 2013,
 * LibreOffice 7.4 and other readers without SVG support show); docx 9's `ImageRun`
 * therefore takes an SVG only with a PNG, JPEG, GIF or BMP `fallback`. With no canvas on
 * the server, the default fallback comes from {@link SvgRaster}, a pure-JS rasteriser
 * with a built-in Cyrillic bitmap font; pass `rasterize` to use another.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx"
import { Effect } from "effect"
import * as CellText from "./CellText.ts"
import * as Chart from "./Chart.ts"
import { words } from "./Locale.ts"
import * as Redaction from "./Redaction.ts"
import { RenderFailed } from "./RenderError.ts"
import * as ReportDate from "./ReportDate.ts"
import * as ReportDocument from "./ReportDocument.ts"
import * as SvgRaster from "./SvgRaster.ts"

/** The MIME type of a DOCX document. */
export const mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/** Page margins in millimetres. */
export interface Margins {
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly left: number
}

/** Margins of an official document: left 30 mm, right 15 mm, top and bottom 20 mm. */
export const officialMargins: Margins = { top: 20, right: 15, bottom: 20, left: 30 }

/**
 * Turns a chart's SVG into the raster image Word shows where it cannot draw SVG.
 * `width` and `height` are the SVG's size in CSS pixels.
 */
export type Rasterize = (
  svg: string,
  size: { readonly width: number; readonly height: number },
) => Uint8Array | Promise<Uint8Array>

/** Options of {@link render}. */
export interface Options {
  /** Page margins; {@link officialMargins} by default. */
  readonly margins?: Margins
  /** Font of the whole document; Times New Roman by default. */
  readonly font?: string
  /** Body size in points; 14 by default. */
  readonly fontSize?: number
  /** Table size in points; 12 by default (ГОСТ allows a smaller size in tables). */
  readonly tableFontSize?: number
  /** PNG fallback of charts; {@link SvgRaster.svgToPng} by default. */
  readonly rasterize?: Rasterize
}

const A4 = { width: 210, height: 297 }
/** Word's own A4 size in twips (210 × 297 mm rounds to 11906 × 16838). */
const A4_TWIPS = { width: 11906, height: 16838 }
const PX_PER_MM = 96 / 25.4
const INDENT = convertMillimetersToTwip(12.5)

interface Layout {
  readonly font: string
  readonly size: number
  readonly tableSize: number
  readonly textWidthMm: number
  readonly locale: ReportDocument.ReportDocument["locale"]
}

/** Runs a constructor of the docx package, which throws on options it refuses. */
const attempt = <A>(make: () => A): Effect.Effect<A, RenderFailed> =>
  Effect.try({
    try: make,
    catch: (cause) => new RenderFailed({ format: "docx", reason: String(cause) }),
  })

const run = (
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number } = {},
): TextRun =>
  new TextRun({
    text,
    ...(options.bold === true ? { bold: true } : {}),
    ...(options.italics === true ? { italics: true } : {}),
    ...(options.size === undefined ? {} : { size: options.size * 2 }),
  })

const centred = (children: ReadonlyArray<TextRun>, spacingAfter = 0): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter },
    children: [...children],
  })

const columnWidths = (table: ReportDocument.Table, layout: Layout): ReadonlyArray<number> => {
  const weights = CellText.columnWeights(table, layout.locale)
  const total = weights.reduce((a, b) => a + b, 0)
  const textWidth = convertMillimetersToTwip(layout.textWidthMm)
  return weights.map((w) => Math.floor((textWidth * w) / total))
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" }
const BORDERS = {
  top: CELL_BORDER,
  bottom: CELL_BORDER,
  left: CELL_BORDER,
  right: CELL_BORDER,
  insideHorizontal: CELL_BORDER,
  insideVertical: CELL_BORDER,
}

/**
 * Whether a table goes on landscape pages: more than 7 columns do not fit the 165 mm of
 * an A4 portrait page in 12 pt. More than 10 also print 2 pt smaller.
 */
const isWide = (table: ReportDocument.Table): boolean => table.columns.length > 7

const table = (
  block: ReportDocument.Table,
  number: number,
  base: Layout,
): Array<Paragraph | Table> => {
  const layout =
    block.columns.length > 10 ? { ...base, tableSize: Math.max(8, base.tableSize - 2) } : base
  const w = words(layout.locale)
  const widths = columnWidths(block, layout)
  const cell = (
    text: string,
    width: number,
    alignment: (typeof AlignmentType)[keyof typeof AlignmentType],
    options: { bold?: boolean; header?: boolean } = {},
  ): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: options.header === true ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      margins: { left: 57, right: 57 },
      ...(options.header === true
        ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" } }
        : {}),
      children: [
        new Paragraph({
          alignment,
          children: [run(text, { bold: options.bold ?? false, size: layout.tableSize })],
        }),
      ],
    })
  const alignmentOf = (c: ReportDocument.Column) =>
    CellText.isNumeric(c)
      ? AlignmentType.RIGHT
      : c.type === "text"
        ? AlignmentType.LEFT
        : AlignmentType.CENTER
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell(c.title, widths[i] ?? 0, AlignmentType.CENTER, { bold: true, header: true }),
    ),
  })
  const row = (r: ReportDocument.Row, total: boolean): TableRow =>
    new TableRow({
      cantSplit: true,
      children: block.columns.map((c, i) =>
        cell(
          total && r[c.key] === undefined ? "" : CellText.formatCell(c, r[c.key], layout.locale),
          widths[i] ?? 0,
          alignmentOf(c),
          { bold: total },
        ),
      ),
    })
  const out: Array<Paragraph | Table> = []
  if (block.title !== undefined)
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 120, after: 60 },
        children: [run(`${w.table} ${number} — ${block.title}`)],
      }),
    )
  out.push(
    new Table({
      width: { size: convertMillimetersToTwip(layout.textWidthMm), type: WidthType.DXA },
      columnWidths: [...widths],
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      rows: [
        header,
        ...block.rows.map((r) => row(r, false)),
        ...block.footer.map((r) => row(r, true)),
      ],
    }),
  )
  if (block.note !== undefined)
    out.push(
      new Paragraph({
        spacing: { before: 60 },
        children: [run(block.note, { size: layout.tableSize })],
      }),
    )
  out.push(new Paragraph({ children: [] }))
  return out
}

const chart = (
  block: ReportDocument.Chart,
  number: number,
  layout: Layout,
  rasterize: Rasterize,
): Effect.Effect<ReadonlyArray<Paragraph>, RenderFailed> =>
  Effect.gen(function* () {
    const size = Chart.defaultSize(block)
    const svg = Chart.toSvg(block, {
      showTitle: false,
      locale: layout.locale,
      idPrefix: `figure${number}`,
    })
    const png = yield* Effect.tryPromise({
      try: async () => rasterize(svg, size),
      catch: (cause) =>
        new RenderFailed({ format: "docx", reason: `chart fallback: ${String(cause)}` }),
    })
    const maxWidth = Math.floor(layout.textWidthMm * PX_PER_MM)
    const scale = Math.min(1, maxWidth / size.width)
    const caption = `${words(layout.locale).figure} ${number} — ${block.title}`
    const description = block.series
      .map(
        (s) =>
          `${s.name}: ${block.categories.map((c, i) => `${c} — ${s.values[i] ?? "—"}`).join("; ")}`,
      )
      .join(". ")
    const image = yield* attempt(
      () =>
        new ImageRun({
          type: "svg",
          data: new TextEncoder().encode(svg),
          fallback: { type: "png", data: png },
          transformation: {
            width: Math.round(size.width * scale),
            height: Math.round(size.height * scale),
          },
          altText: { name: `figure${number}`, title: caption, description },
        }),
    )
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120 },
        children: [image],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [run(caption)],
      }),
    ]
  })

const bodyParagraph = (block: ReportDocument.Paragraph): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    children: [
      run(block.text, { bold: block.emphasis === "bold", italics: block.emphasis === "italic" }),
    ],
  })

const keyValues = (block: ReportDocument.KeyValues, layout: Layout): ReadonlyArray<Paragraph> => [
  ...(block.title === undefined
    ? []
    : [new Paragraph({ keepNext: true, children: [run(block.title, { bold: true })] })]),
  ...block.items.map(
    (i) =>
      new Paragraph({
        children: [
          run(`${i.label}: `, { bold: true }),
          run(CellText.formatValue(i.value, layout.locale)),
        ],
      }),
  ),
  new Paragraph({ children: [] }),
]

const heading = (doc: ReportDocument.ReportDocument, layout: Layout): ReadonlyArray<Paragraph> => {
  const w = words(doc.locale)
  const rightTab = [
    { type: TabStopType.RIGHT, position: convertMillimetersToTwip(layout.textWidthMm) },
  ]
  return [
    centred([run(doc.organisation, { bold: true })]),
    centred([run(doc.district)], 240),
    ...(doc.kind === undefined ? [] : [centred([run(doc.kind, { bold: true })], 240)]),
    new Paragraph({
      tabStops: rightTab,
      children: [
        run(ReportDate.formatOfficial(doc.date, doc.locale)),
        ...(doc.orderNumber === undefined
          ? []
          : [new TextRun({ children: [new Tab(), `${w.number} ${doc.orderNumber}`] })]),
      ],
    }),
    ...(doc.place === undefined ? [] : [centred([run(doc.place)])]),
    new Paragraph({ children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [run(doc.title, { bold: true })],
    }),
    ...(doc.subtitle === undefined ? [] : [centred([run(doc.subtitle)])]),
    ...(doc.audience !== "public" && ReportDocument.hasPersonalData(doc)
      ? [centred([run(w.personalDataNotice, { italics: true, size: 11 })])]
      : []),
    new Paragraph({ children: [] }),
  ]
}

const signature = (doc: ReportDocument.ReportDocument, layout: Layout): ReadonlyArray<Paragraph> =>
  doc.signature === undefined
    ? []
    : [
        new Paragraph({ children: [] }),
        new Paragraph({
          tabStops: [
            { type: TabStopType.RIGHT, position: convertMillimetersToTwip(layout.textWidthMm) },
          ],
          children: [
            run(doc.signature.position),
            new TextRun({ children: [new Tab(), doc.signature.name] }),
          ],
        }),
      ]

const pageNumberHeader = (): Header =>
  // ГОСТ Р 7.0.97-2016, 5.1: pages from the second on are numbered in the middle of the top margin.
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 24 })],
      }),
    ],
  })

/** A run of pages of one orientation: Word sections, in the document's order. */
interface PageRun {
  readonly landscape: boolean
  readonly children: Array<Paragraph | Table>
}

/** The document of an already redacted report. */
const build = (
  doc: ReportDocument.ReportDocument,
  options: Options,
): Effect.Effect<Document, RenderFailed> =>
  Effect.gen(function* () {
    const margins = options.margins ?? officialMargins
    const layout: Layout = {
      font: options.font ?? "Times New Roman",
      size: options.fontSize ?? 14,
      tableSize: options.tableFontSize ?? 12,
      textWidthMm: A4.width - margins.left - margins.right,
      locale: doc.locale,
    }
    const landscapeLayout: Layout = {
      ...layout,
      textWidthMm: A4.height - margins.left - margins.right,
    }
    const rasterize = options.rasterize ?? ((svg: string) => SvgRaster.svgToPng(svg))
    const runs: Array<PageRun> = [{ landscape: false, children: [...heading(doc, layout)] }]
    const current = (landscape: boolean): Array<Paragraph | Table> => {
      const last = runs[runs.length - 1]!
      if (last.landscape === landscape) return last.children
      const next: PageRun = { landscape, children: [] }
      runs.push(next)
      return next.children
    }
    let sectionNumber = 0
    let tableNumber = 0
    let figureNumber = 0
    for (const section of doc.sections) {
      const first = section.blocks[0]
      // A heading goes on the pages of its first block, so it is not left alone before a landscape table.
      if (section.title !== undefined)
        current(first?._tag === "Table" && isWide(first)).push(
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            keepNext: true,
            children: [run(`${++sectionNumber}. ${section.title}`, { bold: true })],
          }),
        )
      for (const block of section.blocks) {
        switch (block._tag) {
          case "Paragraph":
            current(false).push(bodyParagraph(block))
            break
          case "KeyValues":
            current(false).push(...keyValues(block, layout))
            break
          case "Table": {
            const landscape = isWide(block)
            current(landscape).push(
              ...table(block, ++tableNumber, landscape ? landscapeLayout : layout),
            )
            break
          }
          case "Chart":
            current(false).push(...(yield* chart(block, ++figureNumber, layout, rasterize)))
            break
        }
      }
    }
    current(false).push(...signature(doc, layout))
    const font = layout.font
    const headingStyle = {
      run: { font, size: layout.size * 2, bold: true, color: "000000" },
      paragraph: { spacing: { before: 240, after: 120 } },
    }
    const margin = {
      top: convertMillimetersToTwip(margins.top),
      right: convertMillimetersToTwip(margins.right),
      bottom: convertMillimetersToTwip(margins.bottom),
      left: convertMillimetersToTwip(margins.left),
      header: convertMillimetersToTwip(10),
      footer: convertMillimetersToTwip(10),
    }
    return yield* attempt(
      () =>
        new Document({
          title: doc.title,
          creator: "@metodika/reporting",
          description: `${doc.organisation}, ${doc.district}`,
          styles: {
            default: {
              document: {
                run: { font, size: layout.size * 2 },
                // lineRule spelled out: LibreOffice reads a bare w:line as an exact height and clips pictures.
                paragraph: {
                  spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
                },
              },
              title: {
                ...headingStyle,
                paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
              },
              heading1: headingStyle,
              heading2: headingStyle,
            },
          },
          sections: runs.map((pages, index) => ({
            properties: {
              titlePage: index === 0,
              page: {
                size: {
                  width: A4_TWIPS.width,
                  height: A4_TWIPS.height,
                  orientation: pages.landscape
                    ? PageOrientation.LANDSCAPE
                    : PageOrientation.PORTRAIT,
                },
                margin,
              },
            },
            headers:
              index === 0
                ? { default: pageNumberHeader(), first: new Header({ children: [] }) }
                : { default: pageNumberHeader() },
            children: pages.children,
          })),
        }),
    )
  })

/** The document, redacted for its audience, as DOCX bytes. */
export const render = (
  input: ReportDocument.ReportDocument,
  options: Options = {},
): Effect.Effect<Uint8Array, RenderFailed> =>
  Effect.gen(function* () {
    const doc = yield* build(Redaction.redact(input), options)
    const buffer = yield* Effect.tryPromise({
      try: () => Packer.toBuffer(doc),
      catch: (cause) => new RenderFailed({ format: "docx", reason: String(cause) }),
    })
    return new Uint8Array(buffer)
  })
