import { Ids, LocalDate, Organisation, type Person, UnifiedDay } from "@metodika/core"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Common from "./Common.ts"
import * as Directory from "./Directory.ts"

const NAME = /^[a-z0-9][a-z0-9._-]*$/

describe("Common and Directory", () => {
  it("makes file stems of any ids, distinct for distinct ids", () => {
    expect(Common.fileStem("emd-sheet", "2025-12", "s07")).toBe("emd-sheet-2025-12-s07")
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        (a, b) => {
          const x = Common.fileStem("emd", a)
          expect(x).toMatch(NAME)
          if (a !== b) expect(x).not.toBe(Common.fileStem("emd", b))
        },
      ),
    )
    expect(Common.fileStem("emd", "Школа № 7")).toMatch(/^emd-7-[a-z0-9]+$/)
  })

  it("prints the local date of an instant in the district's zone", () => {
    const omsk = DateTime.zoneMakeNamedUnsafe("Asia/Omsk")
    expect(Common.localDate(DateTime.makeUnsafe("2025-12-31T19:00:00Z"), omsk)).toEqual({
      year: 2026,
      month: 1,
      day: 1,
    })
  })

  it("names the school year a date falls in", () => {
    expect(Common.schoolYearOf(LocalDate.unsafeFromString("2026-01-15"))).toBe(2025)
    expect(Common.schoolYearOf(LocalDate.unsafeFromString("2025-09-01"))).toBe(2025)
    expect(Common.plannedYear({})).toBeUndefined()
    expect(Common.plannedYear({ y: UnifiedDay.Year.initialState })).toBeUndefined()
  })

  it("turns ids into names from plain records or from the kernel's records, and prints unknown ids as they are", () => {
    const district = Ids.DistrictId.make("d")
    const directory = Directory.fromKernel({
      organisations: [
        Organisation.Organisation.make({
          id: Ids.OrganisationId.make("s1"),
          districtId: district,
          name: "МБОУ «СОШ № 1»",
          kind: "school",
          lowResults: false,
        }),
      ],
      people: [
        {
          id: Ids.PersonId.make("p1"),
          districtId: district,
          fullName: { surname: "Иванова", name: "Мария", patronymic: "Петровна" },
        } satisfies Person.Person,
      ],
    })
    expect(Directory.school(directory, "s1")).toBe("МБОУ «СОШ № 1»")
    expect(Directory.person(directory, "p1")).toBe("Иванова Мария Петровна")
    expect(Directory.person(directory, "p2")).toBe("p2")
    expect(Directory.school(Directory.empty, "toString")).toBe("toString")
    expect(Directory.school(Directory.make({ schools: { s2: "Лицей" } }), "s2")).toBe("Лицей")
  })
})
