import { DateTime, Effect, Exit, Result } from "effect"
import { describe, expect, it } from "vitest"
import * as LocalDate from "../src/calendar/LocalDate.ts"
import { DistrictId, OrganisationId } from "../src/Ids.ts"
import * as Presets from "../src/kernel/Presets.ts"
import * as Regulation from "../src/kernel/Regulation.ts"
import * as Regulations from "../src/Regulations.ts"

const poltava = Presets.poltavsky
const amended = Result.getOrThrow(
  Regulation.amend(poltava.regulation, {
    effectiveFrom: LocalDate.makeUnsafe(2026, 1, 12),
    approvedBy: {
      number: "12-од",
      date: LocalDate.makeUnsafe(2025, 12, 20),
      issuer: OrganisationId.make("poltava-department"),
      title: "О внесении изменений в регламент ЕМД",
    },
    content: Result.getOrThrow(Presets.copy(poltava, { emd: { weekday: 3 } })),
  }),
)
const resolve = Regulations.resolver([{ district: poltava.district, regulation: amended }])
const at = (iso: string) => DateTime.makeUnsafe(iso)

describe("Regulations.resolver", () => {
  it("evaluates with the version in force on the date in the district's zone", async () => {
    // 2026-01-11T18:30Z is already 00:30 on 12 January in Omsk (UTC+6): the amendment holds.
    const before = await Effect.runPromise(resolve(poltava.district.id, at("2026-01-11T17:59:00Z")))
    const after = await Effect.runPromise(resolve(poltava.district.id, at("2026-01-11T18:30:00Z")))
    expect(before.emd.weekday).toBe(4)
    expect(after.emd.weekday).toBe(3)
  })

  it("refuses a date before the first version and an unknown district with typed errors", async () => {
    const early = await Effect.runPromiseExit(
      resolve(poltava.district.id, at("2001-01-01T00:00:00Z")),
    )
    expect(Exit.isFailure(early)).toBe(true)
    const error = await Effect.runPromise(
      Effect.flip(resolve(poltava.district.id, at("2001-01-01T00:00:00Z"))),
    )
    expect(error._tag).toBe("NoRegulationInForce")
    const unknown = await Effect.runPromise(
      Effect.flip(resolve(DistrictId.make("nowhere"), at("2026-01-01T00:00:00Z"))),
    )
    expect(unknown._tag).toBe("UnknownDistrict")
    expect(unknown.message).toBe("no regulation is registered for district nowhere")
  })
})
