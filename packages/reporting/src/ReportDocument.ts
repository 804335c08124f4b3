/**
 * The renderer-independent model of a report: what a coordinator, a methodist or a
 * department files or publishes. A report model (a pure function of read models) builds
 * one of these; every renderer (DOCX, XLSX, HTML, Markdown, CSV, SVG) reads only this.
 *
 * A document has the heading of an official document (issuing organisation, district,
 * date, order number), an audience, and sections of blocks: paragraphs, key-value
 * lists, typed tables and charts. Anything that carries personal data says so
 * (`personal: true`) together with how a public audience may see it, so redaction
 * (`Redaction.redact`) can be applied by every renderer rather than trusted to callers.
 *
 * @example
 * ```ts
 * const table = ReportDocument.table({
 *   id: "schools",
 *   title: "Участие школ",
 *   columns: [
 *     ReportDocument.Column.text("school", "Школа"),
 *     ReportDocument.Column.text("responsible", "Ответственный", { personal: true }),
 *     ReportDocument.Column.integer("participants", "Участники"),
 *   ],
 *   rows: [{ school: "МБОУ «СОШ № 1»", responsible: "Иванова Мария Петровна", participants: 24 }],
 * })
 * ```
 */
import { Result, Schema } from "effect"
import type { Locale } from "./Locale.ts"
import * as ReportDate from "./ReportDate.ts"

/**
 * Who a document is for. `public`: published on a site or official page, so it shows
 * no personal data beyond what the regulation publishes; `department`: the education
 * department and the methodical centre; `school`: the staff of one school;
 * `personal`: the one person the document is about.
 */
export type Audience = "public" | "department" | "school" | "personal"

/** Every audience, from the widest readership to the narrowest. */
export const audiences: ReadonlyArray<Audience> = ["public", "department", "school", "personal"]

/**
 * How a personal field appears to a public audience. `withhold`: removed (the
 * default); `initials`: a name reduced to initials, «Иванова Мария Петровна» →
 * «И. М. П.»; `published`: shown as is, because the regulation publishes it (for
 * example the author of a practice in the bank of best practices, or a curator, who is
 * a school leader acting in office).
 */
export type Disclosure = "withhold" | "initials" | "published"

/** The type of a table column, which fixes how its cells are stored and printed. */
export type ColumnType = "text" | "integer" | "number" | "date" | "boolean"

/** The value a cell of each column type holds. */
export interface CellValueByType {
  readonly text: string
  readonly integer: number
  readonly number: number
  readonly date: ReportDate.LocalDate
  readonly boolean: boolean
}

/** Any cell value; `null` is a missing value, printed as a dash. */
export type CellValue = string | number | boolean | ReportDate.LocalDate | null

/** Options shared by every column. */
export interface ColumnOptions {
  /** The column carries personal data (names, contacts, assessments of a person). */
  readonly personal?: boolean
  /** How a public audience sees a personal column; `withhold` by default. */
  readonly disclosure?: Disclosure
  /** Relative width of the column, in characters; renderers derive one when absent. */
  readonly width?: number
}

/** Options of a `number` column. */
export interface NumberColumnOptions extends ColumnOptions {
  /** Digits after the decimal separator; 2 by default. */
  readonly decimals?: number
  /** The value is a share (0.25) printed as a percentage (25 %). */
  readonly percent?: boolean
}

/** A typed table column. `K` is the key of the cell in each row, `T` its type. */
export interface Column<K extends string = string, T extends ColumnType = ColumnType> {
  readonly key: K
  readonly title: string
  readonly type: T
  readonly personal: boolean
  readonly disclosure: Disclosure
  readonly width?: number
  readonly decimals?: number
  readonly percent?: boolean
}

const column = <K extends string, T extends ColumnType>(
  type: T,
  key: K,
  title: string,
  options: NumberColumnOptions = {},
): Column<K, T> => ({
  key,
  title,
  type,
  personal: options.personal ?? false,
  disclosure: options.disclosure ?? "withhold",
  ...(options.width === undefined ? {} : { width: options.width }),
  ...(options.decimals === undefined ? {} : { decimals: options.decimals }),
  ...(options.percent === undefined ? {} : { percent: options.percent }),
})

/**
 * Column constructors, one per type: `Column.text("school", "Школа")`,
 * `Column.integer("participants", "Участники")`,
 * `Column.number("share", "Доля", { percent: true, decimals: 0 })`,
 * `Column.date("heldOn", "Дата")`, `Column.boolean("late", "С опозданием")`.
 */
export const Column = {
  /** A column of text. */
  text: <K extends string>(key: K, title: string, options?: ColumnOptions): Column<K, "text"> =>
    column("text", key, title, options),
  /** A column of whole numbers (counts). */
  integer: <K extends string>(
    key: K,
    title: string,
    options?: ColumnOptions,
  ): Column<K, "integer"> => column("integer", key, title, options),
  /** A column of decimal numbers or shares. */
  number: <K extends string>(
    key: K,
    title: string,
    options?: NumberColumnOptions,
  ): Column<K, "number"> => column("number", key, title, options),
  /** A column of calendar dates. */
  date: <K extends string>(key: K, title: string, options?: ColumnOptions): Column<K, "date"> =>
    column("date", key, title, options),
  /** A column of yes/no values. */
  boolean: <K extends string>(
    key: K,
    title: string,
    options?: ColumnOptions,
  ): Column<K, "boolean"> => column("boolean", key, title, options),
} as const

/** The row type of a table with columns `Cs`: one typed (or null) cell per column key. */
export type RowOf<Cs extends ReadonlyArray<Column>> = {
  readonly [C in Cs[number] as C["key"]]: CellValueByType[C["type"]] | null
}

/** A row as renderers see it: cells by column key. */
export type Row = Readonly<Record<string, CellValue>>

/** A paragraph of running text. */
export interface Paragraph {
  readonly _tag: "Paragraph"
  readonly text: string
  readonly emphasis?: "bold" | "italic"
  /** The text mentions a person; a public audience does not see it. */
  readonly personal: boolean
}

/** One line of a key-value list: «Период: май 2020 г.». */
export interface KeyValueItem {
  readonly label: string
  readonly value: CellValue
  readonly personal: boolean
  readonly disclosure: Disclosure
}

/** A list of labelled values, such as the parameters of a report. */
export interface KeyValues {
  readonly _tag: "KeyValues"
  readonly title?: string
  readonly items: ReadonlyArray<KeyValueItem>
}

/** A table with typed columns. Rows are printed in the order given. */
export interface Table {
  readonly _tag: "Table"
  /** Short ASCII name used for file and sheet names: `schools` → `report-schools.csv`. */
  readonly id?: string
  readonly title?: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Row>
  /** Summary rows (итого) printed after the data and kept out of filters and sorting. */
  readonly footer: ReadonlyArray<Row>
  /** A note under the table. */
  readonly note?: string
}

/**
 * The kind of a chart. `bar`: bars side by side, one per series in each category (one
 * series gives one bar per category; several give grouped bars); `stackedBar`: the
 * series stacked in one bar per category; `line`: one line per series.
 */
export type ChartKind = "bar" | "stackedBar" | "line"

/** One series of a chart: a value (or a gap) per category. */
export interface ChartSeries {
  readonly name: string
  readonly values: ReadonlyArray<number | null>
}

/** A chart specification; renderers draw it as SVG (ECharts, server side). */
export interface Chart {
  readonly _tag: "Chart"
  /** Short ASCII name used for file names: `lateness` → `report-lateness.svg`. */
  readonly id?: string
  readonly title: string
  readonly kind: ChartKind
  readonly categories: ReadonlyArray<string>
  readonly series: ReadonlyArray<ChartSeries>
  /** `horizontal` puts categories on the vertical axis, which suits long school names. */
  readonly orientation: "vertical" | "horizontal"
  readonly valueAxisTitle?: string
  readonly categoryAxisTitle?: string
  /** Values are shares (0.25) printed as percentages. */
  readonly percent: boolean
  /** The categories are people; redaction treats them as a personal column. */
  readonly personalCategories: boolean
  readonly categoryDisclosure: Disclosure
}

/** A block of a section. */
export type Block = Paragraph | KeyValues | Table | Chart

/** A titled part of a document. Sections are numbered in print when titled. */
export interface Section {
  readonly title?: string
  readonly blocks: ReadonlyArray<Block>
}

/** The signature under a document: position on the left, name on the right. */
export interface Signature {
  readonly position: string
  readonly name: string
}

/** A report, ready to be redacted for its audience and rendered. */
export interface ReportDocument {
  /** File stem of every rendered file: lowercase ASCII letters, digits, `.`, `_`, `-`. */
  readonly name: string
  /** Document type printed above the title, such as «СПРАВКА» or «ПЛАН». */
  readonly kind?: string
  readonly title: string
  readonly subtitle?: string
  /** The issuing organisation: «Управление образования администрации …». */
  readonly organisation: string
  /** The municipal district or city the document is about. */
  readonly district: string
  readonly date: ReportDate.LocalDate
  /** Number of the order that issues or approves the document. */
  readonly orderNumber?: string
  /** Place of issue: «г. Энск». */
  readonly place?: string
  readonly audience: Audience
  readonly locale: Locale
  readonly sections: ReadonlyArray<Section>
  readonly signature?: Signature
}

/** Fields of a new document; `locale` defaults to Russian. */
export interface DocumentInput {
  readonly name: string
  readonly kind?: string
  readonly title: string
  readonly subtitle?: string
  readonly organisation: string
  readonly district: string
  readonly date: ReportDate.LocalDate
  readonly orderNumber?: string
  readonly place?: string
  readonly audience: Audience
  readonly locale?: Locale
  readonly sections: ReadonlyArray<Section>
  readonly signature?: Signature
}

/** A document from its fields. Check it with {@link validate} before trusting it. */
export const make = (input: DocumentInput): ReportDocument => ({
  ...input,
  locale: input.locale ?? "ru",
})

/** A section. */
export const section = (title: string | undefined, blocks: ReadonlyArray<Block>): Section =>
  title === undefined ? { blocks } : { title, blocks }

/** A paragraph; pass `personal: true` when it names a person. */
export const paragraph = (
  text: string,
  options: { readonly emphasis?: "bold" | "italic"; readonly personal?: boolean } = {},
): Paragraph => ({
  _tag: "Paragraph",
  text,
  personal: options.personal ?? false,
  ...(options.emphasis === undefined ? {} : { emphasis: options.emphasis }),
})

/** One key-value line; pass `personal` and `disclosure` when the value is about a person. */
export const item = (
  label: string,
  value: CellValue,
  options: { readonly personal?: boolean; readonly disclosure?: Disclosure } = {},
): KeyValueItem => ({
  label,
  value,
  personal: options.personal ?? false,
  disclosure: options.disclosure ?? "withhold",
})

/** A key-value list. */
export const keyValues = (items: ReadonlyArray<KeyValueItem>, title?: string): KeyValues =>
  title === undefined ? { _tag: "KeyValues", items } : { _tag: "KeyValues", title, items }

/**
 * A table whose rows are checked against its columns at compile time: each row has one
 * cell per column key, of the column's type or `null`.
 */
export const table = <const Cs extends ReadonlyArray<Column>>(input: {
  readonly id?: string
  readonly title?: string
  readonly columns: Cs
  readonly rows: ReadonlyArray<RowOf<Cs>>
  readonly footer?: ReadonlyArray<Partial<RowOf<Cs>>>
  readonly note?: string
}): Table => ({
  _tag: "Table",
  columns: input.columns,
  rows: input.rows as ReadonlyArray<Row>,
  footer: (input.footer ?? []) as ReadonlyArray<Row>,
  ...(input.id === undefined ? {} : { id: input.id }),
  ...(input.title === undefined ? {} : { title: input.title }),
  ...(input.note === undefined ? {} : { note: input.note }),
})

/** A chart; by default vertical bars, values not percentages, categories not personal. */
export const chart = (input: {
  readonly id?: string
  readonly title: string
  readonly kind: ChartKind
  readonly categories: ReadonlyArray<string>
  readonly series: ReadonlyArray<ChartSeries>
  readonly orientation?: "vertical" | "horizontal"
  readonly valueAxisTitle?: string
  readonly categoryAxisTitle?: string
  readonly percent?: boolean
  readonly personalCategories?: boolean
  readonly categoryDisclosure?: Disclosure
}): Chart => ({
  ...input,
  _tag: "Chart",
  orientation: input.orientation ?? "vertical",
  percent: input.percent ?? false,
  personalCategories: input.personalCategories ?? false,
  categoryDisclosure: input.categoryDisclosure ?? "withhold",
})

/** The tables of a document in reading order. */
export const tables = (document: ReportDocument): ReadonlyArray<Table> =>
  document.sections.flatMap((s) => s.blocks.filter((b): b is Table => b._tag === "Table"))

/** The charts of a document in reading order. */
export const charts = (document: ReportDocument): ReadonlyArray<Chart> =>
  document.sections.flatMap((s) => s.blocks.filter((b): b is Chart => b._tag === "Chart"))

const blockHasPersonalData = (b: Block): boolean => {
  switch (b._tag) {
    case "Paragraph":
      return b.personal
    case "KeyValues":
      return b.items.some((i) => i.personal)
    case "Table":
      return b.columns.some((c) => c.personal)
    case "Chart":
      return b.personalCategories
  }
}

/** Whether any column, item, paragraph or chart of the document is marked personal. */
export const hasPersonalData = (document: ReportDocument): boolean =>
  document.sections.some((s) => s.blocks.some(blockHasPersonalData))

/** The file-name stem of the `index`-th (0-based) table: its id, or `table-N`. */
export const tableFileId = (t: Table, index: number): string => t.id ?? `table-${index + 1}`

/** The file-name stem of the `index`-th (0-based) chart: its id, or `chart-N`. */
export const chartFileId = (c: Chart, index: number): string => c.id ?? `chart-${index + 1}`

/**
 * The document with every table and chart given its file id (`table-N`, `chart-N` by
 * position when it has none), so that names stay put when redaction removes a block.
 */
export const withFileIds = (document: ReportDocument): ReportDocument => {
  let tableIndex = 0
  let chartIndex = 0
  return {
    ...document,
    sections: document.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b): Block => {
        if (b._tag === "Table") return { ...b, id: tableFileId(b, tableIndex++) }
        if (b._tag === "Chart") return { ...b, id: chartFileId(b, chartIndex++) }
        return b
      }),
    })),
  }
}

/** Refusal of a document whose content does not fit its own declarations. */
export class InvalidDocument extends Schema.TaggedError<InvalidDocument>()("InvalidDocument", {
  name: Schema.String,
  issues: Schema.Array(Schema.String),
}) {
  override get message(): string {
    return `report ${this.name} is invalid: ${this.issues.join("; ")}`
  }
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/

const cellIssue = (col: Column, value: CellValue | undefined): string | undefined => {
  if (value === undefined) return "is missing"
  if (value === null) return undefined
  switch (col.type) {
    case "text":
      return typeof value === "string" ? undefined : "is not text"
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value)
        ? undefined
        : "is not an integer"
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : "is not a finite number"
    case "boolean":
      return typeof value === "boolean" ? undefined : "is not a boolean"
    case "date":
      return ReportDate.isLocalDate(value) && ReportDate.isValid(value)
        ? undefined
        : "is not a calendar date"
  }
}

const tableIssues = (t: Table, where: string): ReadonlyArray<string> => {
  const issues: Array<string> = []
  const keys = new Set<string>()
  for (const c of t.columns) {
    if (keys.has(c.key)) issues.push(`${where}: column key "${c.key}" repeats`)
    keys.add(c.key)
    if (
      c.decimals !== undefined &&
      (!Number.isInteger(c.decimals) || c.decimals < 0 || c.decimals > 10)
    )
      issues.push(`${where}: column "${c.key}" has decimals outside 0–10`)
  }
  if (t.columns.length === 0) issues.push(`${where}: has no columns`)
  if (t.id !== undefined && !NAME.test(t.id))
    issues.push(`${where}: id "${t.id}" is not a file-name stem`)
  t.rows.forEach((row, r) => {
    for (const c of t.columns) {
      const issue = cellIssue(c, row[c.key])
      if (issue !== undefined) issues.push(`${where}, row ${r + 1}, column "${c.key}" ${issue}`)
    }
  })
  t.footer.forEach((row, r) => {
    for (const c of t.columns) {
      const value = row[c.key]
      const issue = value === undefined ? undefined : cellIssue(c, value)
      if (issue !== undefined)
        issues.push(`${where}, footer row ${r + 1}, column "${c.key}" ${issue}`)
    }
  })
  return issues
}

const chartIssues = (c: Chart, where: string): ReadonlyArray<string> => {
  const issues: Array<string> = []
  if (c.categories.length === 0) issues.push(`${where}: has no categories`)
  if (c.series.length === 0) issues.push(`${where}: has no series`)
  if (c.id !== undefined && !NAME.test(c.id))
    issues.push(`${where}: id "${c.id}" is not a file-name stem`)
  for (const s of c.series) {
    if (s.values.length !== c.categories.length)
      issues.push(
        `${where}: series "${s.name}" has ${s.values.length} values for ${c.categories.length} categories`,
      )
    if (s.values.some((v) => v !== null && !Number.isFinite(v)))
      issues.push(`${where}: series "${s.name}" has a value that is not a finite number`)
  }
  return issues
}

/**
 * Checks what the types cannot: the name is a safe file stem, the date is real, every
 * row has a cell of the right type for each column, every chart series has one value
 * per category, and table and chart ids are unique (they name files and sheets).
 */
export const validate = (
  document: ReportDocument,
): Result.Result<ReportDocument, InvalidDocument> => {
  const issues: Array<string> = []
  if (!NAME.test(document.name))
    issues.push(`name "${document.name}" is not a file-name stem (a-z, 0-9, ".", "_", "-")`)
  if (!ReportDate.isValid(document.date)) issues.push("date is not a calendar date")
  const ids = new Set<string>()
  let tableIndex = 0
  let chartIndex = 0
  document.sections.forEach((s, si) => {
    s.blocks.forEach((b, bi) => {
      const where = `section ${si + 1}, block ${bi + 1}`
      if (b._tag === "Table") {
        issues.push(...tableIssues(b, where))
        const id = `table:${tableFileId(b, tableIndex++)}`
        if (ids.has(id)) issues.push(`${where}: table id repeats`)
        ids.add(id)
      } else if (b._tag === "Chart") {
        issues.push(...chartIssues(b, where))
        const id = `chart:${chartFileId(b, chartIndex++)}`
        if (ids.has(id)) issues.push(`${where}: chart id repeats`)
        ids.add(id)
      } else if (b._tag === "KeyValues") {
        b.items.forEach((i, ii) => {
          if (typeof i.value === "number" && !Number.isFinite(i.value))
            issues.push(`${where}, item ${ii + 1} is not a finite number`)
          if (typeof i.value === "object" && i.value !== null && !ReportDate.isValid(i.value))
            issues.push(`${where}, item ${ii + 1} is not a calendar date`)
        })
      }
    })
  })
  return issues.length === 0
    ? Result.succeed(document)
    : Result.fail(new InvalidDocument({ name: document.name, issues }))
}
