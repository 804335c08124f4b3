/**
 * How a cell or a key-value reads as text in the report's language: numbers with the
 * locale's separators (12 345,5 in Russian), shares as percentages, dates as
 * 04.06.2020, booleans as да/нет, a missing value as a dash. Used by the text renderers
 * (Markdown, HTML, DOCX, charts); CSV and XLSX keep values machine-readable instead.
 */
import { type Locale, words } from "./Locale.ts"
import * as ReportDate from "./ReportDate.ts"
import type * as ReportDocument from "./ReportDocument.ts"

const formatters = new Map<string, Intl.NumberFormat>()

const numberFormat = (locale: Locale, decimals: number, percent: boolean): Intl.NumberFormat => {
  const key = `${locale}:${decimals}:${percent}`
  let format = formatters.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(words(locale).numberLocale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      ...(percent ? { style: "percent" } : {}),
    })
    formatters.set(key, format)
  }
  return format
}

/** A number in the locale's notation with `decimals` digits, as a percentage when `percent`. */
export const formatNumber = (
  value: number,
  locale: Locale,
  options: { readonly decimals?: number; readonly percent?: boolean } = {},
): string => numberFormat(locale, options.decimals ?? 0, options.percent ?? false).format(value)

/** The text of a cell of `column`. */
export const formatCell = (
  column: ReportDocument.Column,
  value: ReportDocument.CellValue | undefined,
  locale: Locale,
): string => {
  if (value === undefined || value === null) return words(locale).empty
  if (typeof value === "string") return value
  if (typeof value === "boolean") return value ? words(locale).yes : words(locale).no
  if (typeof value === "number") {
    const decimals = column.type === "integer" ? 0 : (column.decimals ?? (column.percent ? 0 : 2))
    return formatNumber(value, locale, { decimals, percent: column.percent ?? false })
  }
  return ReportDate.formatNumeric(value, locale)
}

/** The text of a key-value item's value; whole numbers print without decimals. */
export const formatValue = (value: ReportDocument.CellValue, locale: Locale): string => {
  if (value === null) return words(locale).empty
  if (typeof value === "string") return value
  if (typeof value === "boolean") return value ? words(locale).yes : words(locale).no
  if (typeof value === "number")
    return formatNumber(value, locale, { decimals: Number.isInteger(value) ? 0 : 2 })
  return ReportDate.formatNumeric(value, locale)
}

/** Whether a column's values line up on the right (numbers) rather than the left. */
export const isNumeric = (column: ReportDocument.Column): boolean =>
  column.type === "integer" || column.type === "number"

const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map((w) => w.length))

/**
 * Relative widths of a table's columns for print, in characters: wide enough for the
 * longest word of the (bold) header and of the cells, and for up to 20 characters of a
 * cell's text (longer text wraps); a column's own `width` wins.
 */
export const columnWeights = (table: ReportDocument.Table, locale: Locale): ReadonlyArray<number> =>
  table.columns.map((c) => {
    if (c.width !== undefined) return c.width
    const texts = [...table.rows, ...table.footer].map((r) => formatCell(c, r[c.key], locale))
    const longest = Math.max(0, ...texts.map((t) => Math.min(20, t.length)))
    const words = Math.max(Math.ceil(longestWord(c.title) * 1.2), ...texts.map(longestWord))
    return Math.min(40, Math.max(3, longest, words)) + 2
  })
