/**
 * Readers the tests use to open rendered files the way a person's software would: an
 * RFC 4180 CSV parser, an XML well-formedness check (Node has no DOMParser), helpers
 * that pull the text and the table cells out of a DOCX's `word/document.xml`, and an
 * XLSX opened with exceljs.
 */
import ExcelJS from "exceljs"
import JSZip from "jszip"

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, CRLF) into rows of fields. */
export const parseCsv = (text: string, delimiter: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') {
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field.length === 0) {
      quoted = true
      i++
    } else if (c === delimiter) {
      row.push(field)
      field = ""
      i++
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      i += 2
    } else if (c === '"') {
      throw new Error(`stray quote at ${i}`)
    } else {
      field += c
      i++
    }
  }
  if (quoted) throw new Error("unterminated quoted field")
  if (field.length > 0 || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

const NAME = "[A-Za-z_:][\\w:.-]*"
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g

/**
 * Checks that `xml` is well-formed: one root element, every tag closed in order,
 * attributes quoted and unique, no raw `<` or stray `&` in text or values. Returns the
 * problem, or `undefined` when there is none.
 */
export const xmlProblem = (xml: string): string | undefined => {
  const stack: Array<string> = []
  let roots = 0
  let i = 0
  const textProblem = (text: string, where: number): string | undefined =>
    text.replace(ENTITY, "").includes("&") ? `stray & near ${where}` : undefined
  while (i < xml.length) {
    const lt = xml.indexOf("<", i)
    const text = xml.slice(i, lt === -1 ? xml.length : lt)
    const problem = textProblem(text, i)
    if (problem !== undefined) return problem
    if (stack.length === 0 && text.trim().length > 0) return `text outside the root near ${i}`
    if (lt === -1) break
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt)
      if (end === -1) return "unterminated comment"
      i = end + 3
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt)
      if (end === -1) return "unterminated CDATA"
      i = end + 3
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt)
      if (end === -1) return "unterminated processing instruction"
      i = end + 2
    } else if (xml.startsWith("<!DOCTYPE", lt)) {
      const end = xml.indexOf(">", lt)
      i = end + 1
    } else {
      const end = xml.indexOf(">", lt)
      if (end === -1) return `unterminated tag at ${lt}`
      const tag = xml.slice(lt + 1, end)
      if (tag.startsWith("/")) {
        const name = tag.slice(1).trim()
        const open = stack.pop()
        if (open !== name) return `</${name}> closes <${open ?? "nothing"}> at ${lt}`
      } else {
        const selfClosing = tag.endsWith("/")
        const body = selfClosing ? tag.slice(0, -1) : tag
        const match = new RegExp(
          `^(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*$`,
        ).exec(body)
        if (match === null) return `malformed tag <${tag.slice(0, 60)}> at ${lt}`
        const names = [...(match[2] ?? "").matchAll(new RegExp(`(${NAME})\\s*=`, "g"))].map(
          (m) => m[1],
        )
        if (new Set(names).size !== names.length)
          return `repeated attribute in <${match[1]}> at ${lt}`
        for (const value of (match[2] ?? "").matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
          const problem = textProblem(value[1] ?? value[2] ?? "", lt)
          if (problem !== undefined) return problem
        }
        if (stack.length === 0) roots++
        if (!selfClosing) stack.push(match[1]!)
      }
      i = end + 1
    }
  }
  if (stack.length > 0) return `unclosed <${stack.join("> <")}>`
  if (roots !== 1) return `${roots} root elements`
  return undefined
}

const decodeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&")

/** A file of a zip archive (DOCX, XLSX) as text. */
export const zipText = async (bytes: Uint8Array, path: string): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes)
  const file = zip.file(path)
  if (file === null) throw new Error(`${path} is not in the archive`)
  return file.async("string")
}

/** The names of the files in a zip archive. */
export const zipNames = async (bytes: Uint8Array): Promise<ReadonlyArray<string>> =>
  Object.keys((await JSZip.loadAsync(bytes)).files)

/** The text of a WordprocessingML fragment: its `w:t` runs, with a tab for `w:tab`. */
export const wordText = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((m) => (m[0] === "<w:tab/>" ? "\t" : decodeXml(m[1] ?? "")))
    .join("")

/** The paragraphs of a DOCX body, as text. */
export const wordParagraphs = (documentXml: string): Array<string> =>
  [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => wordText(m[0]))

/** A DOCX table: whether each row repeats as a header, and the text of each cell. */
export interface WordTable {
  readonly headerRows: Array<boolean>
  readonly cells: Array<Array<string>>
}

/** The tables of a DOCX body (not nested), rows of cell texts. */
export const wordTables = (documentXml: string): Array<WordTable> =>
  [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) => {
    const rows = [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => r[0])
    return {
      headerRows: rows.map((r) => /<w:tblHeader(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(r)),
      cells: rows.map((r) => [...r.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => wordText(c[0]))),
    }
  })

/** An XLSX workbook opened with exceljs, as a spreadsheet program would open it. */
export const openWorkbook = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  )
  return workbook
}

/**
 * Every piece of text a person could read in a rendered file: the body of a DOCX
 * without its markup, every cell of every sheet of an XLSX, the text of anything else.
 */
export const readableText = async (file: {
  readonly name: string
  readonly bytes: Uint8Array
}): Promise<string> => {
  if (file.name.endsWith(".docx")) return wordText(await zipText(file.bytes, "word/document.xml"))
  if (file.name.endsWith(".xlsx")) {
    const workbook = await openWorkbook(file.bytes)
    return JSON.stringify(workbook.worksheets.map((w) => w.getSheetValues()))
  }
  return new TextDecoder().decode(file.bytes)
}
