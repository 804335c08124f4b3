/**
 * A report as GitHub-flavoured Markdown, for wikis, issue trackers, chat and plain-text
 * review. Tables are pipe tables; a chart, which Markdown cannot draw, is printed as
 * the table of its data under its caption, optionally with a link to its SVG file.
 */
import * as CellText from "./CellText.ts"
import { words } from "./Locale.ts"
import * as Redaction from "./Redaction.ts"
import * as ReportDate from "./ReportDate.ts"
import * as ReportDocument from "./ReportDocument.ts"

/** Options of {@link render}. */
export interface Options {
  /**
   * Where the SVG of the chart with the given 0-based index is, relative to the
   * Markdown file; when given, the chart is shown as an image above its data table.
   */
  readonly chartImage?: (index: number, chart: ReportDocument.Chart) => string
}

/** Escapes text so Markdown prints it literally inside a line: a table cell, a list item. */
export const escapeInline = (text: string): string =>
  text.replace(/\r?\n/g, " ").replace(/([\\`*_[\]|<>~])/g, "\\$1")

/**
 * Escapes text that starts a line, which could otherwise open a heading, a list or a
 * quote: «1. …», «- …», «# …», «> …».
 */
export const escapeBlock = (text: string): string =>
  escapeInline(text)
    .replace(/^(\s*)([#+=-])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")

const pipeTable = (
  headers: ReadonlyArray<string>,
  numeric: ReadonlyArray<boolean>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
): string => {
  const line = (cells: ReadonlyArray<string>): string => `| ${cells.join(" | ")} |`
  return [
    line(headers.map(escapeInline)),
    line(numeric.map((n) => (n ? "---:" : "---"))),
    ...rows.map((r) => line(r.map(escapeInline))),
  ].join("\n")
}

/** The document, redacted for its audience, as Markdown text. */
export const render = (input: ReportDocument.ReportDocument, options: Options = {}): string => {
  const doc = Redaction.redact(input)
  const w = words(doc.locale)
  const out: Array<string> = []
  out.push(`**${escapeInline(doc.organisation)}**  \n${escapeBlock(doc.district)}`)
  if (doc.kind !== undefined) out.push(`**${escapeInline(doc.kind)}**`)
  const dateLine = ReportDate.formatOfficial(doc.date, doc.locale)
  out.push(
    escapeBlock(
      doc.orderNumber === undefined ? dateLine : `${dateLine} ${w.number} ${doc.orderNumber}`,
    ) + (doc.place === undefined ? "" : `  \n${escapeBlock(doc.place)}`),
  )
  out.push(`# ${escapeInline(doc.title)}`)
  if (doc.subtitle !== undefined) out.push(escapeBlock(doc.subtitle))
  if (doc.audience !== "public" && ReportDocument.hasPersonalData(doc))
    out.push(`> ${escapeInline(w.personalDataNotice)}`)
  let sectionNumber = 0
  let tableNumber = 0
  let figureNumber = 0
  for (const section of doc.sections) {
    if (section.title !== undefined)
      out.push(`## ${++sectionNumber}. ${escapeInline(section.title)}`)
    for (const block of section.blocks) {
      switch (block._tag) {
        case "Paragraph": {
          const text = escapeBlock(block.text)
          out.push(
            block.emphasis === "bold"
              ? `**${text}**`
              : block.emphasis === "italic"
                ? `*${text}*`
                : text,
          )
          break
        }
        case "KeyValues":
          out.push(
            [
              ...(block.title === undefined ? [] : [`**${escapeInline(block.title)}**`, ""]),
              ...block.items.map(
                (i) =>
                  `- ${escapeInline(i.label)}: ${escapeInline(CellText.formatValue(i.value, doc.locale))}`,
              ),
            ].join("\n"),
          )
          break
        case "Table": {
          const number = ++tableNumber
          if (block.title !== undefined)
            out.push(`${w.table} ${number} — ${escapeInline(block.title)}`)
          out.push(
            pipeTable(
              block.columns.map((c) => c.title),
              block.columns.map(CellText.isNumeric),
              [
                ...block.rows.map((r) =>
                  block.columns.map((c) => CellText.formatCell(c, r[c.key], doc.locale)),
                ),
                ...block.footer.map((r) =>
                  block.columns.map((c) =>
                    r[c.key] === undefined ? "" : CellText.formatCell(c, r[c.key], doc.locale),
                  ),
                ),
              ],
            ),
          )
          if (block.note !== undefined) out.push(`*${escapeInline(block.note)}*`)
          break
        }
        case "Chart": {
          const index = figureNumber++
          const caption = `${w.figure} ${index + 1} — ${escapeInline(block.title)}`
          const image = options.chartImage?.(index, block)
          if (image !== undefined) out.push(`![${caption}](${encodeURI(image)})`)
          out.push(caption)
          out.push(
            pipeTable(
              [w.category, ...block.series.map((s) => s.name)],
              [false, ...block.series.map(() => true)],
              block.categories.map((category, i) => [
                category,
                ...block.series.map((s) => {
                  const v = s.values[i]
                  return v === null || v === undefined
                    ? w.empty
                    : CellText.formatNumber(v, doc.locale, {
                        decimals: block.percent ? 0 : Number.isInteger(v) ? 0 : 2,
                        percent: block.percent,
                      })
                }),
              ]),
            ),
          )
          break
        }
      }
    }
  }
  if (doc.signature !== undefined)
    out.push(`${escapeBlock(doc.signature.position)} — ${escapeInline(doc.signature.name)}`)
  return `${out.join("\n\n")}\n`
}
