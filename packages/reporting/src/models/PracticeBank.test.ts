import { Ids, LocalDate } from "@metodika/core"
import { beforeAll, describe, expect, it } from "vitest"
import * as Sim from "../../test/EmdMonth.ts"
import * as Redaction from "../Redaction.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as PracticeBank from "./PracticeBank.ts"

let states: Sim.States

beforeAll(async () => {
  states = Sim.fold(await Sim.run())
})

const withoutYear = (overrides: Partial<PracticeBank.Options> = {}): PracticeBank.Options => ({
  ...Sim.heading,
  date: LocalDate.unsafeFromString("2026-01-15"),
  ...overrides,
})
const options = (overrides: Partial<PracticeBank.Options> = {}): PracticeBank.Options =>
  withoutYear({ year: states.year, ...overrides })

const accepted = (topic: "t1" | "t2") =>
  Sim.practices.filter((p) => p.topic === topic && p.verdict === "accepted")

describe("PracticeBank (EMD-2.2, 2.4, 2.15)", () => {
  it("EMD-2.2 EMD-2.15 holds the accepted practices only, by topic in the year's order", () => {
    const topics = PracticeBank.byTopic(states.bank, { year: states.year })
    expect(topics.map((t) => [t.topicId, t.title, t.entries.map((e) => e.title)])).toEqual([
      ["t1", Sim.topics.t1, accepted("t1").map((p) => p.title)],
      ["t2", Sim.topics.t2, accepted("t2").map((p) => p.title)],
    ])
  })

  it("EMD-2.4 is published by default, one section and table per topic, authors as initials", () => {
    const doc = PracticeBank.make(states.bank, options())
    expect(ReportDocument.validate(doc)._tag).toBe("Success")
    expect(doc.audience).toBe("public")
    expect(doc.title).toBe("Банк лучших практик")
    expect(doc.subtitle).toBe("единых методических дней, 2025/26 учебный год")
    expect(doc.name).toBe("emd-practice-bank-2025")
    expect(doc.sections.map((s) => s.title)).toEqual([undefined, Sim.topics.t1, Sim.topics.t2])
    const pub = Redaction.redact(doc)
    const first = ReportDocument.tables(pub)[0]!
    const author = Sim.personNames[Sim.people(1).teachers[0]]!
    expect(first.rows[0]?.author).toBe(Redaction.initials(author))
    const text = JSON.stringify(pub)
    for (const surname of Sim.allSurnames) expect(text).not.toContain(surname)
    expect(text).toContain("https://school1.example/self-check")
    expect(text).not.toContain("Кейс-метод")
    expect(text).not.toContain("Цифровой дневник")
  })

  it("EMD-2.4 shows authors by name when the regulation publishes them, or withholds them", () => {
    const named = Redaction.redact(
      PracticeBank.make(states.bank, options({ authorDisclosure: "published" })),
    )
    expect(JSON.stringify(named)).toContain(Sim.personNames[Sim.people(1).teachers[0]])
    const withheld = Redaction.redact(
      PracticeBank.make(states.bank, options({ authorDisclosure: "withhold" })),
    )
    expect(ReportDocument.tables(withheld)[0]?.columns.map((c) => c.key)).not.toContain("author")
  })

  it("filters by topic, and says when the bank is empty", () => {
    const t2 = PracticeBank.make(states.bank, options({ topicId: Ids.TopicId.make("t2") }))
    expect(ReportDocument.tables(t2).map((t) => t.rows.length)).toEqual([accepted("t2").length])
    const empty = PracticeBank.make({ position: 0, skipped: [], practices: {} }, withoutYear())
    expect(JSON.stringify(empty)).toContain("В банке пока нет практик.")
    expect(empty.name).toBe("emd-practice-bank-2025")
  })

  it("speaks English when asked", () => {
    const doc = PracticeBank.make(states.bank, options({ locale: "en", audience: "department" }))
    expect(doc.title).toBe("Bank of best practices")
    expect(doc.name).toBe("emd-practice-bank-2025-department")
  })
})
