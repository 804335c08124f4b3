/**
 * A report as an Excel workbook (exceljs), for people who sort, filter and sum.
 *
 * The first sheet holds the document's heading and its non-table content; then each
 * table gets a sheet of its own, and each chart a sheet with its data. Cells are typed:
 * numbers are numbers with a number format, dates are real Excel dates (serial numbers
 * formatted dd.mm.yyyy), booleans are booleans. The header row is frozen, carries an
 * auto-filter over the data (summary rows stay below it, outside sorting), repeats on
 * every printed page, and columns are sized to their content.
 */
import { Effect } from "effect"
import ExcelJS from "exceljs"
import * as CellText from "./CellText.ts"
import { words } from "./Locale.ts"
import * as Redaction from "./Redaction.ts"
import { RenderFailed } from "./RenderError.ts"
import * as ReportDate from "./ReportDate.ts"
import * as ReportDocument from "./ReportDocument.ts"

/** The MIME type of an XLSX workbook. */
export const mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/** Excel's paper-size code for A4 (`PaperSize.A4` is a const enum, unusable here). */
const A4 = 9 as ExcelJS.PaperSize

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9D9D9" },
}
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
}

/** A name Excel accepts for a sheet: at most 31 characters, none of \ / ? * [ ] :, unique. */
const sheetName = (wanted: string, used: Set<string>): string => {
  const clean =
    wanted
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/^'+|'+$/g, "")
      .replace(/\s+/g, " ")
      .trim() || "Sheet"
  let name = clean.slice(0, 31).trim()
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`
    name = clean.slice(0, 31 - suffix.length).trim() + suffix
  }
  used.add(name.toLowerCase())
  return name
}

const numberFormat = (column: ReportDocument.Column): string | undefined => {
  switch (column.type) {
    case "integer":
      return "0"
    case "number": {
      const decimals = column.decimals ?? (column.percent ? 0 : 2)
      const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : ""
      return column.percent ? `0${fraction}%` : `0${fraction}`
    }
    case "date":
      return "dd.mm.yyyy"
    default:
      return undefined
  }
}

const cellValue = (value: ReportDocument.CellValue | undefined): ExcelJS.CellValue => {
  if (value === undefined || value === null) return null
  if (ReportDate.isLocalDate(value)) return ReportDate.toUtcMidnight(value)
  return value
}

const valueWidth = (
  column: ReportDocument.Column,
  value: ReportDocument.CellValue | undefined,
  locale: ReportDocument.ReportDocument["locale"],
): number => (column.type === "date" ? 11 : CellText.formatCell(column, value, locale).length)

const tableSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  table: ReportDocument.Table,
  locale: ReportDocument.ReportDocument["locale"],
): void => {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
    pageSetup: {
      paperSize: A4,
      orientation: table.columns.length > 6 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    },
  })
  sheet.columns = table.columns.map((c) => {
    const widest = Math.max(
      c.title.length * 0.9,
      ...[...table.rows, ...table.footer].map((r) => valueWidth(c, r[c.key], locale)),
    )
    const format = numberFormat(c)
    return {
      key: c.key,
      width: c.width ?? Math.min(60, Math.max(8, Math.ceil(widest) + 2)),
      ...(format === undefined ? {} : { style: { numFmt: format } }),
    }
  })
  const header = sheet.getRow(1)
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.title
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = THIN
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true }
  })
  const write = (row: ReportDocument.Row, rowNumber: number, total: boolean): void => {
    const excelRow = sheet.getRow(rowNumber)
    table.columns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1)
      cell.value = cellValue(row[c.key])
      cell.border = THIN
      if (total) cell.font = { bold: true }
      if (c.type === "text") cell.alignment = { vertical: "top", wrapText: true }
    })
  }
  table.rows.forEach((r, i) => {
    write(r, i + 2, false)
  })
  table.footer.forEach((r, i) => {
    write(r, table.rows.length + 2 + i, true)
  })
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length },
  }
}

const chartSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  chart: ReportDocument.Chart,
  locale: ReportDocument.ReportDocument["locale"],
): void => {
  const w = words(locale)
  const columns: ReadonlyArray<ReportDocument.Column> = [
    ReportDocument.Column.text("category", chart.categoryAxisTitle ?? w.category),
    ...chart.series.map((s, i) =>
      ReportDocument.Column.number(`s${i}`, s.name, {
        percent: chart.percent,
        decimals: chart.percent ? 0 : 2,
      }),
    ),
  ]
  tableSheet(
    workbook,
    name,
    {
      _tag: "Table",
      columns,
      footer: [],
      rows: chart.categories.map((category, c) => {
        const row: Record<string, ReportDocument.CellValue> = { category }
        chart.series.forEach((s, i) => {
          row[`s${i}`] = s.values[c] ?? null
        })
        return row
      }),
    },
    locale,
  )
}

const infoSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  doc: ReportDocument.ReportDocument,
): void => {
  const w = words(doc.locale)
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  })
  sheet.columns = [{ width: 32 }, { width: 80 }]
  const line = (
    label: string,
    value: ExcelJS.CellValue,
    options: { bold?: boolean; numFmt?: string } = {},
  ) => {
    const row = sheet.addRow([label, value])
    row.getCell(1).font = { bold: true }
    row.getCell(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" }
    if (options.bold === true) row.getCell(2).font = { bold: true, size: 14 }
    if (options.numFmt !== undefined) row.getCell(2).numFmt = options.numFmt
  }
  line(w.organisation, doc.organisation)
  line(w.district, doc.district)
  if (doc.kind !== undefined) line("", doc.kind, { bold: true })
  line("", doc.title, { bold: true })
  if (doc.subtitle !== undefined) line("", doc.subtitle)
  line(w.date, ReportDate.toUtcMidnight(doc.date), { numFmt: "dd.mm.yyyy" })
  if (doc.orderNumber !== undefined) line(w.orderNumber, doc.orderNumber)
  line(w.audience, w.audiences[doc.audience])
  if (doc.audience !== "public" && ReportDocument.hasPersonalData(doc))
    line("", w.personalDataNotice)
  for (const section of doc.sections) {
    const blocks = section.blocks.filter((b) => b._tag === "Paragraph" || b._tag === "KeyValues")
    if (blocks.length === 0) continue
    sheet.addRow([])
    if (section.title !== undefined) line(section.title, null)
    for (const block of blocks) {
      if (block._tag === "Paragraph") line("", block.text)
      else if (block._tag === "KeyValues") {
        if (block.title !== undefined) line(block.title, null)
        for (const item of block.items)
          line(
            item.label,
            cellValue(item.value),
            ReportDate.isLocalDate(item.value) ? { numFmt: "dd.mm.yyyy" } : {},
          )
      }
    }
  }
  if (doc.signature !== undefined) {
    sheet.addRow([])
    line(doc.signature.position, doc.signature.name)
  }
}

/** The workbook of a document that has already been redacted. */
const build = (doc: ReportDocument.ReportDocument): ExcelJS.Workbook => {
  const w = words(doc.locale)
  const workbook = new ExcelJS.Workbook()
  // The document's own date rather than the clock, so that one document gives one file.
  const stamp = ReportDate.toUtcMidnight(doc.date)
  workbook.creator = "@metodika/reporting"
  workbook.created = stamp
  workbook.modified = stamp
  workbook.title = doc.title
  const used = new Set<string>()
  infoSheet(workbook, sheetName(w.infoSheet, used), doc)
  let tableNumber = 0
  let figureNumber = 0
  for (const section of doc.sections)
    for (const block of section.blocks) {
      if (block._tag === "Table") {
        tableNumber++
        tableSheet(
          workbook,
          sheetName(block.title ?? `${w.table} ${tableNumber}`, used),
          block,
          doc.locale,
        )
      } else if (block._tag === "Chart") {
        figureNumber++
        chartSheet(
          workbook,
          sheetName(`${w.figure} ${figureNumber}. ${block.title}`, used),
          block,
          doc.locale,
        )
      }
    }
  return workbook
}

/** The document, redacted for its audience, as XLSX bytes. */
export const render = (
  input: ReportDocument.ReportDocument,
): Effect.Effect<Uint8Array, RenderFailed> => {
  const doc = Redaction.redact(input)
  return Effect.tryPromise({
    try: async () => new Uint8Array(await build(doc).xlsx.writeBuffer()),
    catch: (cause) => new RenderFailed({ format: "xlsx", reason: String(cause) }),
  })
}
