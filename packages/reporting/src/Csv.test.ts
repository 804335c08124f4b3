import { describe, expect, it } from "vitest"
import { parseCsv } from "../test/ReadBack.ts"
import { document as month, schools } from "../test/SimulatedMonth.ts"
import * as Csv from "./Csv.ts"

const decode = (bytes: Uint8Array): string =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)

describe("Csv", () => {
  it("writes one file per table, each starting with the UTF-8 BOM", () => {
    const files = Csv.render(month("department"))
    expect(files.map((f) => f.id)).toEqual(["schools", "weeks"])
    for (const f of files) expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(Csv.render(month("department"), { bom: false })[0]?.bytes[0]).not.toBe(0xef)
  })

  it("parses back with `;`, quoting fields that hold the delimiter or quotes, and decimal commas", () => {
    const [schoolsCsv] = Csv.render(month("department"))
    const text = decode(schoolsCsv!.bytes)
    expect(text.startsWith("\uFEFF№;Образовательная организация;Ответственный;")).toBe(true)
    expect(text).toContain('"МБОУ «СОШ № 10; филиал»"')
    expect(text.endsWith("\r\n")).toBe(true)
    const rows = parseCsv(text.slice(1), ";")
    expect(rows).toHaveLength(1 + schools.length + 1)
    expect(rows.slice(1, 11).map((r) => r[1])).toEqual(schools)
    const first = rows[1]!
    expect(first[0]).toBe("1")
    expect(first[2]).toBe("Иванова Мария Петровна")
    expect(first[7]).toMatch(/^0,\d+$/)
    expect(first[9]).toBe("нет")
    expect(first[10]).toBe("2020-05-28")
    expect(rows[4]?.[5]).toBe("открытый урок")
    expect(rows[5]?.[5]).toBe("")
    expect(rows[11]?.[1]).toBe("Итого")
  })

  it("writes decimal points with the `,` delimiter", () => {
    const [schoolsCsv] = Csv.render(month("department"), { delimiter: "," })
    const rows = parseCsv(decode(schoolsCsv!.bytes).slice(1), ",")
    expect(rows[1]?.[7]).toMatch(/^0\.\d+$/)
    expect(rows[10]?.[1]).toBe("МБОУ «СОШ № 10; филиал»")
  })

  it("quotes per RFC 4180", () => {
    expect(Csv.quote('say "hi"', ";")).toBe('"say ""hi"""')
    expect(Csv.quote("a;b", ";")).toBe('"a;b"')
    expect(Csv.quote("a;b", ",")).toBe("a;b")
    expect(Csv.quote("line\nbreak", ",")).toBe('"line\nbreak"')
  })

  it("ASSET-5.2 leaves personal columns out of a public CSV", () => {
    const text = decode(Csv.render(month("public"))[0]!.bytes)
    expect(text).not.toContain("Ответственный")
    expect(text).not.toContain("Иванова")
    expect(text).toContain("Л. И. С.")
  })
})
