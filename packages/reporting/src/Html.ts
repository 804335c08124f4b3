/**
 * A report as one self-contained HTML page: styles inline, charts as inline SVG, no
 * script, no fetched font or image, so the file can be mailed, archived or opened
 * offline. Printing it gives A4 pages with the official-document margins, each table's
 * header repeated on every page (`thead { display: table-header-group }`) and rows
 * that do not break across pages.
 */
import * as CellText from "./CellText.ts"
import * as Chart from "./Chart.ts"
import { words } from "./Locale.ts"
import * as Redaction from "./Redaction.ts"
import * as ReportDate from "./ReportDate.ts"
import * as ReportDocument from "./ReportDocument.ts"

/** Escapes text for HTML element content and double-quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  )

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
:root { color: #000; background: #fff; }
body { margin: 0; font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 14pt; line-height: 1.3; }
main { max-width: 165mm; margin: 0 auto; padding: 12mm 0; }
@media screen { body { background: #eee; } main { background: #fff; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4px #999; } }
@media print { main { max-width: none; padding: 0; } }
header { text-align: center; margin-bottom: 1.2em; }
.organisation { font-weight: bold; text-transform: none; margin: 0; }
.district { margin: 0; }
.kind { font-weight: bold; letter-spacing: 0.1em; margin: 1em 0 0.4em; }
.dateline { display: flex; justify-content: space-between; margin: 0.6em 0; }
.place { margin: 0; }
h1 { font-size: 14pt; font-weight: bold; margin: 1em 0 0.2em; }
.subtitle { margin: 0; }
.marking { font-size: 11pt; border: 1px solid #000; padding: 0.2em 0.5em; margin: 0.8em 0; text-align: left; }
h2 { font-size: 14pt; font-weight: bold; margin: 1.2em 0 0.5em; break-after: avoid; }
p { margin: 0 0 0.5em; text-indent: 1.25cm; text-align: justify; }
header p, .caption, .note, dl p { text-indent: 0; }
header p { text-align: center; }
header .dateline, header .marking { text-align: left; }
dl { margin: 0 0 0.8em; }
dl .kv { display: flex; gap: 0.5em; }
dt { font-weight: bold; }
dd { margin: 0; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.3em 0 0.8em; font-size: 12pt; }
caption { caption-side: top; text-align: left; font-size: 14pt; margin-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
td { overflow-wrap: anywhere; }
table.small { font-size: 10pt; }
@page landscape { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
.landscape { page: landscape; }
@media screen { main:has(.landscape) { max-width: 252mm; } }
td.number { text-align: right; white-space: nowrap; }
td.date, td.boolean { text-align: center; white-space: nowrap; }
tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.note { font-size: 12pt; margin-top: -0.4em; }
figure { margin: 0.8em 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure svg { width: 100%; max-width: 170mm; height: auto; }
figcaption { font-size: 14pt; margin-top: 0.3em; }
.signature { display: flex; justify-content: space-between; margin-top: 2.5em; }
`

const paragraph = (block: ReportDocument.Paragraph): string => {
  const text = escapeHtml(block.text)
  return `<p>${block.emphasis === "bold" ? `<strong>${text}</strong>` : block.emphasis === "italic" ? `<em>${text}</em>` : text}</p>`
}

const keyValues = (block: ReportDocument.KeyValues, doc: ReportDocument.ReportDocument): string => {
  const title =
    block.title === undefined
      ? ""
      : `<p class="caption"><strong>${escapeHtml(block.title)}</strong></p>`
  const items = block.items
    .map(
      (i) =>
        `<div class="kv"><dt>${escapeHtml(i.label)}:</dt><dd>${escapeHtml(CellText.formatValue(i.value, doc.locale))}</dd></div>`,
    )
    .join("")
  return `${title}<dl>${items}</dl>`
}

/** Tables with more columns than this go on landscape pages, as in DOCX. */
const WIDE_TABLE = 7

const cellClass = (column: ReportDocument.Column): string =>
  CellText.isNumeric(column) ? "number" : column.type === "text" ? "text" : column.type

const table = (
  block: ReportDocument.Table,
  number: number,
  doc: ReportDocument.ReportDocument,
): string => {
  const w = words(doc.locale)
  const caption =
    block.title === undefined
      ? ""
      : `<caption>${w.table} ${number} — ${escapeHtml(block.title)}</caption>`
  const weights = CellText.columnWeights(block, doc.locale)
  const total = weights.reduce((a, b) => a + b, 0)
  const cols = `<colgroup>${weights.map((w) => `<col style="width:${((100 * w) / total).toFixed(2)}%">`).join("")}</colgroup>`
  const head = `<thead><tr>${block.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join("")}</tr></thead>`
  const row = (r: ReportDocument.Row, total: boolean): string =>
    `<tr${total ? ' class="total"' : ""}>${block.columns
      .map(
        (c) =>
          `<td class="${cellClass(c)}">${escapeHtml(total && r[c.key] === undefined ? "" : CellText.formatCell(c, r[c.key], doc.locale))}</td>`,
      )
      .join("")}</tr>`
  const body = `<tbody>${block.rows.map((r) => row(r, false)).join("")}${block.footer.map((r) => row(r, true)).join("")}</tbody>`
  const note = block.note === undefined ? "" : `<p class="note">${escapeHtml(block.note)}</p>`
  const html = `<table${block.columns.length > 10 ? ' class="small"' : ""}>${caption}${cols}${head}${body}</table>${note}`
  return block.columns.length > WIDE_TABLE ? `<div class="landscape">${html}</div>` : html
}

const chart = (
  block: ReportDocument.Chart,
  number: number,
  doc: ReportDocument.ReportDocument,
): string => {
  const svg = Chart.toSvg(block, {
    showTitle: false,
    locale: doc.locale,
    idPrefix: `figure${number}`,
  })
  const title = `${words(doc.locale).figure} ${number} — ${block.title}`
  return `<figure role="img" aria-label="${escapeHtml(title)}">${svg}<figcaption>${escapeHtml(title)}</figcaption></figure>`
}

/** The document, redacted for its audience, as an HTML page (UTF-8 text). */
export const render = (input: ReportDocument.ReportDocument): string => {
  const doc = Redaction.redact(input)
  const w = words(doc.locale)
  let tableNumber = 0
  let figureNumber = 0
  let sectionNumber = 0
  const sections = doc.sections
    .map((s) => {
      const heading =
        s.title === undefined ? "" : `<h2>${++sectionNumber}. ${escapeHtml(s.title)}</h2>`
      const blocks = s.blocks
        .map((b) =>
          b._tag === "Paragraph"
            ? paragraph(b)
            : b._tag === "KeyValues"
              ? keyValues(b, doc)
              : b._tag === "Table"
                ? table(b, ++tableNumber, doc)
                : chart(b, ++figureNumber, doc),
        )
        .join("\n")
      return `<section>${heading}\n${blocks}</section>`
    })
    .join("\n")
  const marking =
    doc.audience !== "public" && ReportDocument.hasPersonalData(doc)
      ? `<p class="marking">${escapeHtml(w.personalDataNotice)}</p>`
      : ""
  const number =
    doc.orderNumber === undefined ? "" : `<span>${w.number} ${escapeHtml(doc.orderNumber)}</span>`
  const header = [
    `<p class="organisation">${escapeHtml(doc.organisation)}</p>`,
    `<p class="district">${escapeHtml(doc.district)}</p>`,
    doc.kind === undefined ? "" : `<p class="kind">${escapeHtml(doc.kind)}</p>`,
    `<div class="dateline"><span>${escapeHtml(ReportDate.formatOfficial(doc.date, doc.locale))}</span>${number}</div>`,
    doc.place === undefined ? "" : `<p class="place">${escapeHtml(doc.place)}</p>`,
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.subtitle === undefined ? "" : `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    marking,
  ].join("")
  const signature =
    doc.signature === undefined
      ? ""
      : `<footer class="signature"><span>${escapeHtml(doc.signature.position)}</span><span>${escapeHtml(doc.signature.name)}</span></footer>`
  return `<!DOCTYPE html>
<html lang="${doc.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@metodika/reporting">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>${header}</header>
${sections}
${signature}
</main>
</body>
</html>
`
}
