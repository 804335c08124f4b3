import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "../../../testing/src/arbitraries/Kernel.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { decode } from "./Decode.ts"
import * as Qualification from "./Qualification.ts"
import * as Teacher from "./Teacher.ts"

const d = LocalDate.unsafeFromString
const federal = Qualification.federalSettings

const holder = (...categories: Array<Qualification.CategoryAward>) => ({
  categories,
  qualifications: [] as Array<Qualification.QualificationAward>,
})

const teacherJson = (overrides: Record<string, unknown>) => ({
  personId: "p1",
  districtId: "d1",
  organisationId: "o1",
  position: "teacher",
  subjects: [],
  categories: [],
  qualifications: [],
  education: [],
  experience: [],
  results: [],
  ...overrides,
})

describe("Qualification.categoryOn", () => {
  const before = holder({ category: "highest", awardedOn: d("2019-03-28") })

  it("keeps a category awarded before 1 September 2023 for five years, through the day before the anniversary", () => {
    expect(Qualification.categoryOn(before, d("2019-03-27"), federal)).toBe("none")
    expect(Qualification.categoryOn(before, d("2019-03-28"), federal)).toBe("highest")
    expect(Qualification.categoryOn(before, d("2024-03-27"), federal)).toBe("highest")
    expect(Qualification.categoryOn(before, d("2024-03-28"), federal)).toBe("none")
    expect(Qualification.validThrough(before.categories[0]!, federal)).toBe("2024-03-27")
  })

  it("gives a category awarded on or after the 2023 cut-over no end (Order No. 196)", () => {
    const last = holder({ category: "first", awardedOn: d("2023-08-31") })
    const first = holder({ category: "first", awardedOn: d("2023-09-01") })
    expect(Qualification.categoryOn(last, d("2028-08-30"), federal)).toBe("first")
    expect(Qualification.categoryOn(last, d("2028-08-31"), federal)).toBe("none")
    expect(Qualification.categoryOn(first, d("2028-09-01"), federal)).toBe("first")
    expect(Qualification.categoryOn(first, d("2099-12-31"), federal)).toBe("first")
    expect(Qualification.validThrough(first.categories[0]!, federal)).toBeUndefined()
  })

  it("reads the term and the cut-over from the settings, not from constants", () => {
    const settings = {
      legacyTermYears: 3,
      cutOver: d("2025-01-01"),
      termYearsFromCutOver: 7,
    }
    const old = holder({ category: "highest", awardedOn: d("2020-05-10") })
    expect(Qualification.categoryOn(old, d("2023-05-09"), settings)).toBe("highest")
    expect(Qualification.categoryOn(old, d("2023-05-10"), settings)).toBe("none")
    const later = holder({ category: "highest", awardedOn: d("2025-01-01") })
    expect(Qualification.categoryOn(later, d("2031-12-31"), settings)).toBe("highest")
    expect(Qualification.categoryOn(later, d("2032-01-01"), settings)).toBe("none")
  })

  it("ends a term begun on 29 February on the last day of February", () => {
    const leap = holder({ category: "first", awardedOn: d("2016-02-29") })
    expect(Qualification.validThrough(leap.categories[0]!, federal)).toBe("2021-02-28")
    expect(Qualification.categoryOn(leap, d("2021-02-28"), federal)).toBe("first")
    expect(Qualification.categoryOn(leap, d("2021-03-01"), federal)).toBe("none")
  })

  it("lets a later award replace an earlier one, and honours a recorded last day", () => {
    const h = holder(
      { category: "highest", awardedOn: d("2018-01-10") },
      { category: "first", awardedOn: d("2021-06-01") },
    )
    expect(Qualification.categoryOn(h, d("2021-05-31"), federal)).toBe("highest")
    expect(Qualification.categoryOn(h, d("2021-06-01"), federal)).toBe("first")
    const extended = holder({
      category: "highest",
      awardedOn: d("2015-12-01"),
      validThrough: d("2021-12-31"),
    })
    expect(Qualification.categoryOn(extended, d("2021-12-31"), federal)).toBe("highest")
    expect(Qualification.categoryOn(extended, d("2022-01-01"), federal)).toBe("none")
  })

  it("agrees with validThrough on every date (property)", () => {
    fc.assert(
      fc.property(
        K.categoryAward(),
        K.qualificationSettings,
        K.localDate(),
        (award, settings, date) => {
          const end = Qualification.validThrough(award, settings)
          const expected = date >= award.awardedOn && (end === undefined || date <= end)
          expect(Qualification.categoryOn(holder(award), date, settings)).toBe(
            expected ? award.category : "none",
          )
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe("Qualification: педагог-методист and педагог-наставник", () => {
  const highest = { category: "highest" as const, awardedOn: d("2023-10-01") }

  it("awards a 2023 qualification to a holder of the highest category", () => {
    const result = Qualification.awardQualification(
      holder(highest),
      { qualification: "methodist", awardedOn: d("2024-02-01") },
      federal,
    )
    expect(Result.isSuccess(result)).toBe(true)
    if (Result.isSuccess(result)) {
      expect(Qualification.qualificationsOn(result.success, d("2024-02-01"), federal)).toEqual([
        "methodist",
      ])
      expect(Qualification.qualificationsOn(result.success, d("2024-01-31"), federal)).toEqual([])
    }
  })

  it("refuses a 2023 qualification for a holder of the first category with a typed error", () => {
    const result = Qualification.awardQualification(
      holder({ category: "first", awardedOn: d("2023-10-01") }),
      { qualification: "mentor", awardedOn: d("2024-02-01") },
      federal,
    )
    expect(Result.isFailure(result) && result.failure._tag).toBe(
      "QualificationRequiresHighestCategory",
    )
  })

  it("refuses a 2023 qualification dated before the cut-over", () => {
    const result = Qualification.awardQualification(
      holder({ category: "highest", awardedOn: d("2020-10-01") }),
      { qualification: "mentor", awardedOn: d("2023-08-01") },
      federal,
    )
    expect(Result.isFailure(result) && result.failure._tag).toBe("QualificationBeforeCutOver")
  })

  it("refuses to decode a teacher whose 2023 qualification is not backed by the highest category", () => {
    const bad = teacherJson({
      categories: [{ category: "first", awardedOn: "2023-10-01" }],
      qualifications: [{ qualification: "methodist", awardedOn: "2024-01-15" }],
    })
    const result = decode(Teacher.Teacher, "Teacher")(bad)
    expect(Result.isFailure(result) && result.failure.message).toContain(
      'qualifications[0]: the qualification "methodist" (2024-01-15) needs the highest category',
    )
    expect(Schema.is(Teacher.Teacher)(Result.isFailure(result) ? {} : result.success)).toBe(false)
    const good = teacherJson({
      categories: [{ category: "highest", awardedOn: "2023-10-01" }],
      qualifications: [{ qualification: "methodist", awardedOn: "2024-01-15" }],
    })
    expect(Result.isSuccess(decode(Teacher.Teacher, "Teacher")(good))).toBe(true)
  })

  it("checks qualifications against the district's attestation settings", () => {
    // A highest category of 2019 has lapsed by 2024 under the federal five years, not under ten.
    const json = teacherJson({
      categories: [{ category: "highest", awardedOn: "2019-10-01" }],
      qualifications: [{ qualification: "mentor", awardedOn: "2024-11-01" }],
    })
    expect(Result.isFailure(decode(Teacher.Teacher, "Teacher")(json))).toBe(true)
    const ten = { ...federal, legacyTermYears: 10 }
    expect(Result.isSuccess(decode(Teacher.schema(ten), "Teacher")(json))).toBe(true)
  })

  it("drops the 2023 qualifications on dates the highest category has lapsed", () => {
    const h = {
      categories: [
        { category: "highest" as const, awardedOn: d("2023-10-01") },
        { category: "first" as const, awardedOn: d("2026-01-01") },
      ],
      qualifications: [{ qualification: "mentor" as const, awardedOn: d("2024-01-01") }],
    }
    expect(Qualification.qualificationsOn(h, d("2025-12-31"), federal)).toEqual(["mentor"])
    expect(Qualification.qualificationsOn(h, d("2026-01-01"), federal)).toEqual([])
  })
})
