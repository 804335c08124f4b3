import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "../../../testing/src/arbitraries/Kernel.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { DistrictId, OrganisationId, RegulationId } from "../Ids.ts"
import { decode } from "./Decode.ts"
import * as Regulation from "./Regulation.ts"

const d = LocalDate.unsafeFromString
const order = (number: string, date: string) => ({
  number,
  date: d(date),
  issuer: OrganisationId.make("uo"),
  title: "Об утверждении положения",
})
const v = (effectiveFrom: string, content: string) => ({
  effectiveFrom: d(effectiveFrom),
  approvedBy: order(content, effectiveFrom),
  content,
})
const fields = {
  id: RegulationId.make("mday"),
  districtId: DistrictId.make("rovensky"),
  title: "Положение о методических днях",
}

describe("Regulation.inForce", () => {
  const regulation = Result.getOrThrow(
    Regulation.make({ ...fields, versions: [v("2021-09-01", "first"), v("2023-01-10", "second")] }),
  )

  it("MDAY-5 picks the latest version that has taken effect on the date", () => {
    const content = (date: string) =>
      Result.map(Regulation.inForce(regulation, d(date)), (x) => x.content)
    expect(content("2021-09-01")).toEqual(Result.succeed("first"))
    expect(content("2023-01-09")).toEqual(Result.succeed("first"))
    expect(content("2023-01-10")).toEqual(Result.succeed("second"))
    expect(content("2030-01-01")).toEqual(Result.succeed("second"))
  })

  it("refuses a date before the first version with NoRegulationInForce", () => {
    const result = Regulation.inForce(regulation, d("2021-08-31"))
    expect(Result.isFailure(result) && result.failure._tag).toBe("NoRegulationInForce")
    expect(Result.isFailure(result) && result.failure.message).toContain("2021-09-01")
  })

  it("picks the version whose span contains the date (property)", () => {
    fc.assert(
      fc.property(K.regulation(fc.nat()), K.localDate(), (reg, date) => {
        const result = Regulation.inForce(reg, date)
        const eligible = reg.versions.filter((x) => x.effectiveFrom <= date)
        if (eligible.length === 0) {
          expect(Result.isFailure(result)).toBe(true)
        } else {
          const expected = eligible[eligible.length - 1]!
          expect(Result.isSuccess(result) && result.success).toBe(expected)
          const next = reg.versions[reg.versions.indexOf(expected) + 1]
          if (next !== undefined) expect(date < next.effectiveFrom).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })
})

describe("Regulation versions", () => {
  it("MDAY-5 amends a regulation only by a later version approved by an order", () => {
    const regulation = Result.getOrThrow(
      Regulation.make({ ...fields, versions: [v("2021-09-01", "a")] }),
    )
    const amended = Regulation.amend(regulation, v("2022-09-01", "b"))
    expect(Result.isSuccess(amended) && amended.success.versions.length).toBe(2)
    const same = Regulation.amend(regulation, v("2021-09-01", "b"))
    expect(Result.isFailure(same) && same.failure._tag).toBe("VersionsOutOfOrder")
    const earlier = Regulation.amend(regulation, v("2020-09-01", "b"))
    expect(Result.isFailure(earlier) && earlier.failure._tag).toBe("VersionsOutOfOrder")
  })

  it("refuses to make a regulation whose versions are not ordered and unique by date", () => {
    const twice = Regulation.make({
      ...fields,
      versions: [v("2021-09-01", "a"), v("2021-09-01", "b")],
    })
    expect(Result.isFailure(twice) && twice.failure._tag).toBe("VersionsOutOfOrder")
    const backwards = Regulation.make({
      ...fields,
      versions: [v("2022-09-01", "a"), v("2021-09-01", "b")],
    })
    expect(Result.isFailure(backwards) && backwards.failure.message).toContain("must come after")
  })

  it("refuses to decode versions out of order, naming the version", () => {
    const schema = Regulation.schema(Schema.String)
    const json = { ...fields, versions: [v("2022-09-01", "a"), v("2021-09-01", "b")] }
    const result = decode(schema, "Regulation")(json)
    expect(Result.isFailure(result) && result.failure.issues[0]?.path).toBe(
      "versions[1].effectiveFrom",
    )
    const empty = decode(schema, "Regulation")({ ...fields, versions: [] })
    expect(Result.isFailure(empty)).toBe(true)
  })
})
