/**
 * A report's tables as CSV files, one per table, for spreadsheets and other systems.
 *
 * Each file is UTF-8 with a byte-order mark (EF BB BF): without it Excel reads a CSV in
 * the machine's ANSI code page (Windows-1251 in Russia) and shows the Cyrillic as
 * mojibake. Fields are quoted per RFC 4180 (a field holding the delimiter, a quote or a
 * line break is wrapped in quotes, quotes doubled) and lines end in CRLF.
 *
 * The default delimiter is `;`: Russian Windows uses the comma as its decimal separator,
 * so Excel in a Russian locale splits CSV on `;`, its list separator, and a
 * comma-separated file opens as one column. With `;` the numbers are written with a
 * decimal comma (12,5) so that the same Excel reads them as numbers; with `,` they are
 * written with a point. Dates are ISO 8601 (2020-06-04), which Excel recognises in
 * every locale, and booleans are the locale's words (да/нет).
 */
import { words } from "./Locale.ts"
import * as Redaction from "./Redaction.ts"
import * as ReportDate from "./ReportDate.ts"
import * as ReportDocument from "./ReportDocument.ts"

/** Options of {@link render}. */
export interface Options {
  /** Field delimiter; `;` by default (see the module's note). */
  readonly delimiter?: ";" | ","
  /** Write the UTF-8 byte-order mark; on by default. */
  readonly bom?: boolean
}

/** One CSV file: the table it holds and its bytes. */
export interface CsvFile {
  /** File-name stem of the table (its id, or `table-N`). */
  readonly id: string
  readonly title: string | undefined
  readonly bytes: Uint8Array
}

/** The UTF-8 byte-order mark. */
export const BOM: Uint8Array = new Uint8Array([0xef, 0xbb, 0xbf])

/** Quotes a field per RFC 4180 when it holds the delimiter, a quote or a line break. */
export const quote = (field: string, delimiter: string): string =>
  field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field

const cellText = (
  column: ReportDocument.Column,
  value: ReportDocument.CellValue | undefined,
  delimiter: string,
  locale: ReportDocument.ReportDocument["locale"],
): string => {
  if (value === undefined || value === null) return ""
  if (typeof value === "string") return value
  if (typeof value === "boolean") return value ? words(locale).yes : words(locale).no
  if (typeof value === "number") {
    // Full precision: CSV is for machines; rounding to the print format would lose data.
    const text = column.type === "integer" ? String(Math.round(value)) : String(value)
    return delimiter === ";" ? text.replace(".", ",") : text
  }
  return ReportDate.toIso(value)
}

/** One table as CSV text (without the byte-order mark). */
export const tableToText = (
  table: ReportDocument.Table,
  locale: ReportDocument.ReportDocument["locale"],
  delimiter: ";" | "," = ";",
): string => {
  const line = (fields: ReadonlyArray<string>): string =>
    fields.map((f) => quote(f, delimiter)).join(delimiter)
  return (
    [
      line(table.columns.map((c) => c.title)),
      ...[...table.rows, ...table.footer].map((r) =>
        line(table.columns.map((c) => cellText(c, r[c.key], delimiter, locale))),
      ),
    ].join("\r\n") + "\r\n"
  )
}

/** Each table of the document, redacted for its audience, as a CSV file. */
export const render = (
  input: ReportDocument.ReportDocument,
  options: Options = {},
): ReadonlyArray<CsvFile> => {
  const doc = Redaction.redact(input)
  const delimiter = options.delimiter ?? ";"
  const encoder = new TextEncoder()
  return ReportDocument.tables(doc).map((table, index) => {
    const text = encoder.encode(tableToText(table, doc.locale, delimiter))
    const bytes = options.bom === false ? text : new Uint8Array(BOM.length + text.length)
    if (options.bom !== false) {
      bytes.set(BOM, 0)
      bytes.set(text, BOM.length)
    }
    return { id: ReportDocument.tableFileId(table, index), title: table.title, bytes }
  })
}
