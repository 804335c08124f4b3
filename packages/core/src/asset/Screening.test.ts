import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "../../../testing/src/arbitraries/Kernel.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { PersonId } from "../Ids.ts"
import * as Presets from "../kernel/Presets.ts"
import type { Settings } from "../kernel/Settings.ts"
import * as Eligibility from "./Eligibility.ts"
import * as Screening from "./Screening.ts"

const d = LocalDate.unsafeFromString
const seed: Settings = Presets.partizansky.regulation.versions[0].content
const range = { min: d("2008-01-01"), max: d("2030-12-31") }
const onDate = K.localDate({ min: d("2012-01-01"), max: d("2030-12-31") })
const rules = fc.oneof(
  fc.constant<Eligibility.Rules>(seed),
  fc.record({ asset: fc.record({ bases: K.bases }), qualification: K.qualificationSettings }),
)
/** Teachers whose records cluster near the dates judged, so the horizon matters. */
const teacher = fc.oneof(
  K.teacher(range),
  K.teacher({ min: d("2019-01-01"), max: d("2027-12-31") }),
)

describe("Screening (ASSET-3.1, batch form)", () => {
  it("ASSET-3.1 agrees with the single form for every teacher", () => {
    fc.assert(
      fc.property(rules, fc.array(teacher, { maxLength: 25 }), onDate, (r, ts, on) => {
        const result = Screening.screen(ts, r, { on })
        expect(result.eligible.length + result.ineligible.length).toBe(ts.length)
        ts.forEach((t) => {
          const single = Eligibility.evaluate(t, on, r)
          const list = single._tag === "Eligible" ? result.eligible : result.ineligible
          expect(
            list.some(
              (x) =>
                x.personId === t.personId &&
                JSON.stringify(x.explanation) === JSON.stringify(single),
            ),
          ).toBe(true)
        })
        expect(result.upcoming).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it("ASSET-3.1 finds the first day within the horizon each ineligible teacher becomes eligible", () => {
    fc.assert(
      fc.property(rules, teacher, onDate, fc.integer({ min: 1, max: 120 }), (r, t, on, horizon) => {
        const until = LocalDate.addDays(on, horizon)
        const result = Screening.screen([t], r, { on, until })
        let first: LocalDate.LocalDate | undefined
        if (Eligibility.evaluate(t, on, r)._tag === "Ineligible") {
          for (const day of LocalDate.range(LocalDate.addDays(on, 1), until)) {
            if (Eligibility.evaluate(t, day, r)._tag === "Eligible") {
              first = day
              break
            }
          }
        }
        expect(result.upcoming.map((u) => u.on)).toEqual(first === undefined ? [] : [first])
        for (const u of result.upcoming) {
          expect(u.explanation).toEqual(Eligibility.evaluate(t, u.on, r))
        }
      }),
      { numRuns: 400 },
    )
  })

  it("ASSET-3.1 lists those whose fifth year completes in the next six months, earliest first", () => {
    const teacherWith = (id: string, from: string) => ({
      personId: PersonId.make(id),
      categories: [{ category: "highest" as const, awardedOn: d("2024-01-15") }],
      qualifications: [],
      education: [{ level: "higher-pedagogical" as const, completedOn: d("2015-06-30") }],
      experience: [{ from: d(from) }],
      results: [{ _tag: "StablyHighResults" as const, from: d("2023-09-01") }],
    })
    const result = Screening.screen(
      [
        teacherWith("ready", "2019-09-01"),
        teacherWith("december", "2020-12-01"),
        teacherWith("october", "2020-10-15"),
        teacherWith("later", "2021-09-01"),
      ],
      seed,
      { on: d("2025-09-01"), until: d("2026-02-28") },
    )
    expect(result.eligible.map((x) => x.personId)).toEqual(["ready"])
    expect(result.ineligible.map((x) => x.personId)).toEqual(["december", "october", "later"])
    expect(result.upcoming.map((u) => [u.personId, u.on, u.explanation.basis])).toEqual([
      ["october", "2025-10-14", "a"],
      ["december", "2025-11-30", "a"],
    ])
  })
})
