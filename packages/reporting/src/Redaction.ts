/**
 * Redaction of personal data for the document's audience (152-ФЗ; ASSET-5.2: personal
 * data of supported teachers is visible only to those who need it). Every renderer
 * calls {@link redact} on what it is given before it prints anything, so a caller
 * cannot publish a `public` document with personal data by forgetting a step.
 *
 * For a `public` audience each personal column, key-value item or chart category set
 * is treated by its {@link ReportDocument.Disclosure}: withheld (removed), reduced to
 * initials, or kept because the regulation publishes it. Personal paragraphs are
 * removed. A table left with no column, a list with no item and a section with no
 * block are removed too. Other audiences see the document as built.
 */
import * as ReportDocument from "./ReportDocument.ts"

/**
 * Initials of a full name, each followed by a dot: «Иванова Мария Петровна» →
 * «И. М. П.». Words without letters (numbers, dashes) are dropped.
 */
export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toLocaleUpperCase("ru-RU")}.`)
    .join(" ")

/** A masked value: text becomes initials; any other personal value (a birth date, say) is blanked. */
const maskValue = (
  value: ReportDocument.CellValue,
  disclosure: ReportDocument.Disclosure,
): ReportDocument.CellValue => {
  if (disclosure === "published" || value === null) return value
  return typeof value === "string" ? initials(value) : null
}

/** Whether a personal field may appear, masked or not, to the public. */
const publicKeeps = (personal: boolean, disclosure: ReportDocument.Disclosure): boolean =>
  !personal || disclosure !== "withhold"

const redactTable = (table: ReportDocument.Table): ReportDocument.Table | undefined => {
  const columns = table.columns.filter((c) => publicKeeps(c.personal, c.disclosure))
  if (columns.length === 0) return undefined
  const masked = columns.filter((c) => c.personal && c.disclosure === "initials")
  const redactRow = (row: ReportDocument.Row): ReportDocument.Row => {
    const out: Record<string, ReportDocument.CellValue> = {}
    for (const c of columns) {
      const value = row[c.key]
      if (value !== undefined)
        out[c.key] = masked.includes(c) ? maskValue(value, c.disclosure) : value
    }
    return out
  }
  return {
    ...table,
    columns,
    rows: table.rows.map(redactRow),
    footer: table.footer.map(redactRow),
  }
}

const redactKeyValues = (list: ReportDocument.KeyValues): ReportDocument.KeyValues | undefined => {
  const items = list.items
    .filter((i) => publicKeeps(i.personal, i.disclosure))
    .map((i) => (i.personal ? { ...i, value: maskValue(i.value, i.disclosure) } : i))
  return items.length === 0 ? undefined : { ...list, items }
}

const redactChart = (chart: ReportDocument.Chart): ReportDocument.Chart | undefined => {
  if (!chart.personalCategories) return chart
  switch (chart.categoryDisclosure) {
    case "withhold":
      return undefined
    case "initials":
      return { ...chart, categories: chart.categories.map(initials) }
    case "published":
      return chart
  }
}

const redactBlock = (block: ReportDocument.Block): ReportDocument.Block | undefined => {
  switch (block._tag) {
    case "Paragraph":
      return block.personal ? undefined : block
    case "KeyValues":
      return redactKeyValues(block)
    case "Table":
      return redactTable(block)
    case "Chart":
      return redactChart(block)
  }
}

/** Whether `document` may be shown to its audience without redaction. */
export const needsRedaction = (document: ReportDocument.ReportDocument): boolean =>
  document.audience === "public"

/**
 * The document as its audience may see it. Pure and idempotent: redacting a redacted
 * document changes nothing. Tables and charts get their file ids first
 * ({@link ReportDocument.withFileIds}), so a file keeps its name whatever is removed.
 */
export const redact = (input: ReportDocument.ReportDocument): ReportDocument.ReportDocument => {
  const document = ReportDocument.withFileIds(input)
  if (!needsRedaction(document)) return document
  const sections = document.sections.flatMap((section) => {
    if (section.blocks.length === 0) return [section]
    const blocks = section.blocks
      .map(redactBlock)
      .filter((b): b is ReportDocument.Block => b !== undefined)
    return blocks.length === 0 ? [] : [{ ...section, blocks }]
  })
  return { ...document, sections }
}
