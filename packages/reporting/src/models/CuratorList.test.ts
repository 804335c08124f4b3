import { LocalDate, UnifiedDay } from "@metodika/core"
import { beforeAll, describe, expect, it } from "vitest"
import * as Sim from "../../test/EmdMonth.ts"
import * as Redaction from "../Redaction.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as CuratorList from "./CuratorList.ts"

let states: Sim.States

beforeAll(async () => {
  states = Sim.fold(await Sim.run())
})

const options = (overrides: Partial<CuratorList.Options> = {}): CuratorList.Options => ({
  ...Sim.heading,
  date: LocalDate.unsafeFromString("2025-08-28"),
  orderNumber: "214",
  maxLoad: Sim.regulation.emd.curatorMaxLoad,
  ...overrides,
})

describe("CuratorList (EMD-2.3)", () => {
  it("EMD-2.3 lists each low-results school with its curator, a leader of another school, as assigned by the rule", () => {
    const doc = CuratorList.make(states.year, options())
    expect(ReportDocument.validate(doc)._tag).toBe("Success")
    expect(doc.title).toBe("Закрепление кураторов за школами")
    expect(doc.audience).toBe("department")
    expect(doc.orderNumber).toBe("214")
    const pairs = ReportDocument.tables(doc).find((t) => t.id === "curators")!
    expect(pairs.rows.map((r) => [r.school, r.curator, r.curatorSchool])).toEqual(
      Sim.expectedCurators.map((p) => [
        Sim.schoolNames[p.school - 1],
        Sim.personNames[Sim.people(p.curatorSchool).leader],
        Sim.schoolNames[p.curatorSchool - 1],
      ]),
    )
  })

  it("EMD-2.3 gives each curator's load within the maximum, and no school without a curator", () => {
    const a = CuratorList.assignment(states.year)
    expect(a.withoutCurator).toEqual([])
    expect(a.loads.every((l) => l.schools.length <= Sim.regulation.emd.curatorMaxLoad)).toBe(true)
    const doc = CuratorList.make(states.year, options())
    const load = ReportDocument.tables(doc).find((t) => t.id === "load")!
    expect(load.rows.map((r) => r.load)).toEqual([1, 1])
  })

  it("EMD-1.3 EMD-2.3 names a low-results school left without a curator", () => {
    if (states.year._tag !== "Planned") throw new Error("the year is planned")
    const year: UnifiedDay.Year.YearState = {
      ...states.year,
      curators: states.year.curators.slice(0, 1),
    }
    expect(CuratorList.assignment(year).withoutCurator).toEqual([Sim.schoolId(7)])
    expect(JSON.stringify(CuratorList.make(year, options()))).toContain(Sim.schoolNames[6])
  })

  it("ASSET-5.2 a public version shows curators as initials unless the order publishes them", () => {
    const pub = Redaction.redact(CuratorList.make(states.year, options({ audience: "public" })))
    const text = JSON.stringify(pub)
    for (const surname of Sim.allSurnames) expect(text).not.toContain(surname)
    expect(ReportDocument.tables(pub)[0]?.rows[0]?.curator).toBe(
      Redaction.initials(Sim.personNames[Sim.people(1).leader]!),
    )
    const published = Redaction.redact(
      CuratorList.make(
        states.year,
        options({ audience: "public", curatorDisclosure: "published" }),
      ),
    )
    expect(JSON.stringify(published)).toContain(Sim.personNames[Sim.people(1).leader])
  })

  it("speaks English, and says when the year is not planned", () => {
    const doc = CuratorList.make(states.year, options({ locale: "en" }))
    expect(doc.title).toBe("Curators assigned to schools")
    const none = CuratorList.make(UnifiedDay.Year.initialState, options())
    expect(JSON.stringify(none)).toContain("не запланирован")
  })
})
