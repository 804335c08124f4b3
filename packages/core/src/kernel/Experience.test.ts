import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "../../../testing/src/arbitraries/Kernel.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import * as Experience from "./Experience.ts"

const d = LocalDate.unsafeFromString
type Rec = Experience.ExperienceRecord
const units = (records: ReadonlyArray<Rec>, date: LocalDate.LocalDate) =>
  Experience.toUnits(Experience.experienceOn(records, date))

const records = fc.array(K.experienceRecord({ min: d("2000-01-01"), max: d("2030-12-31") }), {
  maxLength: 6,
})
const date = K.localDate({ min: d("1999-01-01"), max: d("2032-12-31") })

describe("Experience.experienceOn", () => {
  it("counts one period in calendar order, both ends included", () => {
    const r = [{ from: d("2020-09-01") }]
    expect(Experience.experienceOn(r, d("2025-08-31"))).toEqual({ years: 5, months: 0, days: 0 })
    expect(Experience.experienceOn(r, d("2025-08-29"))).toEqual({ years: 4, months: 11, days: 29 })
    expect(Experience.experienceOn(r, d("2020-09-01"))).toEqual({ years: 0, months: 0, days: 1 })
    expect(Experience.experienceOn(r, d("2020-08-31"))).toEqual({ years: 0, months: 0, days: 0 })
  })

  it("makes a month of every 30 days, as the rules of service length do", () => {
    // 2020-09-01 … 2025-08-30 is 4 years 11 months 30 days: the 30 days make a month.
    expect(Experience.experienceOn([{ from: d("2020-09-01") }], d("2025-08-30"))).toEqual({
      years: 5,
      months: 0,
      days: 0,
    })
  })

  it("adds separate periods and clamps a month to a shorter one", () => {
    const r: Array<Rec> = [
      { from: d("2015-09-01"), to: d("2017-06-30") },
      { from: d("2018-09-01") },
    ]
    expect(Experience.experienceOn(r, d("2021-03-15"))).toEqual({ years: 4, months: 4, days: 15 })
    // As ISO-8601 periods count: 31 January … 27 February is 28 days; through 28 February
    // the period runs to 1 March, a month from 31 January (clamped to 28 February) and a day.
    const jan31 = (to: string) =>
      Experience.experienceOn([{ from: d("2021-01-31"), to: d(to) }], d("2030-01-01"))
    expect(jan31("2021-02-27")).toEqual({ years: 0, months: 0, days: 28 })
    expect(jan31("2021-02-28")).toEqual({ years: 0, months: 1, days: 1 })
  })

  it("counts overlapping periods once", () => {
    const r: Array<Rec> = [
      { from: d("2019-01-01"), to: d("2019-12-31") },
      { from: d("2019-06-01"), to: d("2020-05-31") },
    ]
    expect(Experience.experienceOn(r, d("2030-01-01"))).toEqual({ years: 1, months: 5, days: 0 })
  })

  it("never decreases as the date moves on (property)", () => {
    fc.assert(
      fc.property(records, date, fc.integer({ min: 0, max: 4000 }), (r, a, step) => {
        const b = LocalDate.addDays(a, step)
        expect(units(r, b)).toBeGreaterThanOrEqual(units(r, a))
      }),
      { numRuns: 1000 },
    )
  })

  it("never counts anything dated after the date (property)", () => {
    fc.assert(
      fc.property(records, records, date, (r, later, on) => {
        const clipped = r
          .filter((x) => x.from <= on)
          .map((x) => ({ from: x.from, to: x.to === undefined || x.to > on ? on : x.to }))
        const future = later
          .map((x) => ({
            ...x,
            from: LocalDate.addDays(on, 1 + (((LocalDate.toEpochDay(x.from) % 500) + 500) % 500)),
          }))
          .map((x) => ({ from: x.from }))
        expect(units(r, on)).toBe(units(clipped, on))
        expect(units([...r, ...future], on)).toBe(units(r, on))
      }),
      { numRuns: 1000 },
    )
  })

  it("counts a day once however many records cover it (property)", () => {
    fc.assert(
      fc.property(records, date, fc.nat(), (r, on, seed) => {
        expect(units([...r, ...r], on)).toBe(units(r, on))
        // A sub-period of an existing record adds nothing.
        const host = r[seed % Math.max(r.length, 1)]
        if (host !== undefined) {
          const inner = { from: host.from, to: host.to ?? LocalDate.addDays(host.from, seed % 100) }
          expect(units([...r, inner], on)).toBe(units(r, on))
        }
      }),
      { numRuns: 1000 },
    )
  })

  it("depends only on the days covered: splitting a period or reordering changes nothing (property)", () => {
    fc.assert(
      fc.property(records, date, fc.nat(), (r, on, seed) => {
        const i = seed % Math.max(r.length, 1)
        const host = r[i]
        if (host === undefined) return
        const length = host.to === undefined ? 4000 : LocalDate.diffDays(host.from, host.to)
        if (length < 1) return
        const cut = LocalDate.addDays(host.from, seed % length)
        const split: Array<Rec> = [
          { from: host.from, to: cut },
          host.to === undefined
            ? { from: LocalDate.addDays(cut, 1) }
            : { from: LocalDate.addDays(cut, 1), to: host.to },
        ]
        const rest = r.filter((_, j) => j !== i)
        expect(units([...split, ...rest], on)).toBe(units(r, on))
        expect(units([...r].reverse(), on)).toBe(units(r, on))
      }),
      { numRuns: 1000 },
    )
  })
})

describe("Experience.reachesOn", () => {
  it("finds the day five years complete", () => {
    const r = [{ from: d("2020-09-01") }]
    expect(Experience.reachesOn(r, 5, 0, d("2025-03-01"), d("2025-09-01"))).toBe("2025-08-30")
    expect(Experience.reachesOn(r, 5, 0, d("2025-01-01"), d("2025-06-30"))).toBeUndefined()
  })

  it("returns the first date the threshold holds (property)", () => {
    fc.assert(
      fc.property(
        records,
        date,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 10 }),
        (r, after, horizon, years) => {
          const until = LocalDate.addDays(after, horizon)
          const found = Experience.reachesOn(r, years, 0, after, until)
          const holds = (x: LocalDate.LocalDate) =>
            Experience.atLeast(Experience.experienceOn(r, x), years)
          if (found === undefined) {
            expect(holds(until)).toBe(false)
          } else {
            expect(found > after && found <= until).toBe(true)
            expect(holds(found)).toBe(true)
            const previous = LocalDate.addDays(found, -1)
            if (previous > after) expect(holds(previous)).toBe(false)
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
