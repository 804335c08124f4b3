import { describe, expect, it } from "vitest"
import { document as month } from "../test/SimulatedMonth.ts"
import * as Redaction from "./Redaction.ts"
import * as ReportDocument from "./ReportDocument.ts"

const texts = (doc: ReportDocument.ReportDocument): string => JSON.stringify(doc)

describe("Redaction", () => {
  it("reduces a full name to initials", () => {
    expect(Redaction.initials("Иванова Мария Петровна")).toBe("И. М. П.")
    expect(Redaction.initials("  лебедева   ирина ")).toBe("Л. И.")
    expect(Redaction.initials("И. М. П.")).toBe("И. М. П.")
  })

  it("ASSET-5.2 removes withheld personal columns, items and paragraphs for the public", () => {
    const pub = Redaction.redact(month("public"))
    const schools = ReportDocument.tables(pub).find((t) => t.id === "schools")!
    expect(schools.columns.map((c) => c.key)).not.toContain("responsible")
    expect(schools.rows.every((r) => !("responsible" in r))).toBe(true)
    expect(texts(pub)).not.toContain("Иванова Мария Петровна")
    expect(texts(pub)).not.toContain("77-12-34")
    expect(texts(pub)).not.toContain("Новикова Т. Ю.")
  })

  it("masks columns disclosed as initials and keeps what the regulation publishes", () => {
    const pub = Redaction.redact(month("public"))
    const schools = ReportDocument.tables(pub).find((t) => t.id === "schools")!
    expect(schools.rows[6]?.curator).toBe("Л. И. С.")
    expect(texts(pub)).not.toContain("Лебедева")
    expect(texts(pub)).toContain("Петрова Елена Васильевна")
  })

  it("leaves a document for the department, a school or a person as built", () => {
    for (const audience of ["department", "school", "personal"] as const) {
      const doc = month(audience)
      expect(Redaction.redact(doc)).toEqual(ReportDocument.withFileIds(doc))
    }
  })

  it("is idempotent", () => {
    const once = Redaction.redact(month("public"))
    expect(Redaction.redact(once)).toEqual(once)
  })

  it("withholds or masks a chart whose categories are people, and drops emptied blocks and sections", () => {
    const people = ["Иванова Мария Петровна", "Смирнов Алексей Игоревич"]
    const doc = ReportDocument.make({
      name: "people",
      title: "Т",
      organisation: "О",
      district: "Р",
      date: { year: 2020, month: 6, day: 4 },
      audience: "public",
      sections: [
        ReportDocument.section("Withheld", [
          ReportDocument.chart({
            title: "По педагогам",
            kind: "bar",
            categories: people,
            series: [{ name: "Часы", values: [1, 2] }],
            personalCategories: true,
          }),
          ReportDocument.table({
            columns: [ReportDocument.Column.text("teacher", "Педагог", { personal: true })],
            rows: [{ teacher: people[0]! }],
          }),
        ]),
        ReportDocument.section("Masked", [
          ReportDocument.chart({
            id: "masked",
            title: "По педагогам",
            kind: "bar",
            categories: people,
            series: [{ name: "Часы", values: [1, 2] }],
            personalCategories: true,
            categoryDisclosure: "initials",
          }),
        ]),
      ],
    })
    const pub = Redaction.redact(doc)
    expect(pub.sections.map((s) => s.title)).toEqual(["Masked"])
    expect(ReportDocument.charts(pub)[0]?.categories).toEqual(["И. М. П.", "С. А. И."])
    expect(ReportDocument.charts(pub)[0]?.id).toBe("masked")
  })

  it("keeps file ids by position when redaction removes a table", () => {
    const doc = ReportDocument.make({
      name: "ids",
      title: "Т",
      organisation: "О",
      district: "Р",
      date: { year: 2020, month: 6, day: 4 },
      audience: "public",
      sections: [
        ReportDocument.section(undefined, [
          ReportDocument.table({
            columns: [ReportDocument.Column.text("teacher", "Педагог", { personal: true })],
            rows: [],
          }),
          ReportDocument.table({
            columns: [ReportDocument.Column.integer("n", "N")],
            rows: [{ n: 1 }],
          }),
        ]),
      ],
    })
    expect(ReportDocument.tables(Redaction.redact(doc)).map((t) => t.id)).toEqual(["table-2"])
  })
})
