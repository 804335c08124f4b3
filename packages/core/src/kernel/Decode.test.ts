import { Result, type Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Criteria from "./Criteria.ts"
import { DecodeError, decode } from "./Decode.ts"
import { District } from "./District.ts"
import { Education } from "./Education.ts"
import { Experience, ExperienceRecord } from "./Experience.ts"
import { Order } from "./Order.ts"
import { Organisation } from "./Organisation.ts"
import { Email, FullName, Person } from "./Person.ts"
import { CategoryAward, QualificationAward, QualificationSettings } from "./Qualification.ts"
import * as Regulation from "./Regulation.ts"
import { ResultFlag } from "./ResultFlag.ts"
import {
  AssetSettings,
  CalendarSettings,
  MonthDay,
  NotificationSettings,
  Reminder,
  Settings,
} from "./Settings.ts"
import { Teacher } from "./Teacher.ts"
import { Localised, Name } from "./Text.ts"

const schemas: ReadonlyArray<readonly [string, Schema.ConstraintDecoder<unknown>]> = [
  ["District", District],
  ["Organisation", Organisation],
  ["Person", Person],
  ["Teacher", Teacher],
  ["CategoryAward", CategoryAward],
  ["QualificationAward", QualificationAward],
  ["QualificationSettings", QualificationSettings],
  ["Education", Education],
  ["ExperienceRecord", ExperienceRecord],
  ["Experience", Experience],
  ["ResultFlag", ResultFlag],
  ["Order", Order],
  ["Regulation", Regulation.schema(Settings)],
  ["Criterion", Criteria.Criterion],
  ["Bases", Criteria.Bases],
  ["MonthDay", MonthDay],
  ["CalendarSettings", CalendarSettings],
  ["NotificationSettings", NotificationSettings],
  ["Settings", Settings],
  ["AssetSettings", AssetSettings],
  ["Reminder", Reminder],
  ["Basis", Criteria.Basis],
  ["Name", Name],
  ["Localised", Localised],
  ["FullName", FullName],
  ["Email", Email],
]

describe("Decode", () => {
  for (const [type, schema] of schemas) {
    it(`refuses arbitrary input as ${type} with a typed error, never a throw`, () => {
      const run = decode(schema, type)
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (input) => {
          const result = run(input)
          if (Result.isFailure(result)) {
            expect(result.failure).toBeInstanceOf(DecodeError)
            expect(result.failure.type).toBe(type)
            expect(result.failure.issues.length).toBeGreaterThan(0)
          }
        }),
        { numRuns: 300 },
      )
    })
  }

  it("lists every problem with its path, excess properties included", () => {
    const result = decode(
      Organisation,
      "Organisation",
    )({
      id: "",
      districtId: "d1",
      name: " School ",
      kind: "university",
      lowResults: "no",
      extra: 1,
    })
    if (Result.isSuccess(result)) throw new Error("expected a refusal")
    const error = result.failure
    const paths = error.issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(["id", "name", "kind", "lowResults", "extra"]))
    expect(error.message).toMatch(/^Organisation is invalid: /)
    expect(error.message).toContain("extra: Expected no excess property")
  })

  it("turns a hostile input that throws on access into a decode error", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom")
        },
        ownKeys() {
          throw new Error("boom")
        },
      },
    )
    const result = decode(District, "District")(hostile)
    expect(Result.isFailure(result)).toBe(true)
  })

  it("refuses an unknown IANA time zone by name", () => {
    const result = decode(
      District,
      "District",
    )({ id: "x", name: "Район", region: "Область", timeZone: "Asia/Atlantis" })
    expect(Result.isFailure(result) && result.failure.message).toContain("timeZone")
  })

  it("refuses a low-results flag on an organisation that teaches no pupils", () => {
    const result = decode(
      Organisation,
      "Organisation",
    )({ id: "uo", districtId: "d", name: "УО", kind: "department", lowResults: true })
    expect(Result.isFailure(result) && result.failure.message).toContain(
      "only an organisation that teaches pupils",
    )
  })

  it("refuses periods that end before they begin", () => {
    const result = decode(
      ExperienceRecord,
      "ExperienceRecord",
    )({ from: "2020-09-01", to: "2020-08-31" })
    expect(Result.isFailure(result) && result.failure.issues[0]?.path).toBe("to")
  })
})
