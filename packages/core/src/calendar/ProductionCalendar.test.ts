import { Option, Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as LocalDate from "./LocalDate.ts"
import * as ProductionCalendar from "./ProductionCalendar.ts"
import * as RussianFederalCalendar from "./RussianFederalCalendar.ts"

const d = LocalDate.unsafeFromString
const cal = RussianFederalCalendar.calendar

const working = (date: string): boolean =>
  Result.getOrThrow(ProductionCalendar.isWorkingDay(cal, d(date)))
const info = (date: string): ProductionCalendar.DayInfo =>
  Result.getOrThrow(ProductionCalendar.dayInfo(cal, d(date)))

const yearOf = (y: number): ProductionCalendar.YearData =>
  RussianFederalCalendar.years.find((x) => x.year === y)!

/** Any date in the covered years. */
const arbCovered = (from = "2020-01-01", to = "2027-12-31") =>
  fc
    .integer({ min: LocalDate.toEpochDay(d(from)), max: LocalDate.toEpochDay(d(to)) })
    .map(LocalDate.fromEpochDay)

describe("Russian production calendar: known dates", () => {
  it("2020: one-off non-working days 24 June (Указ № 345) and 1 July (Указ № 354)", () => {
    expect(working("2020-06-24")).toBe(false)
    expect(working("2020-07-01")).toBe(false)
    expect(info("2020-06-24").source?.citation).toContain("№ 345")
    expect(info("2020-07-01").source?.citation).toContain("№ 354")
    expect(working("2020-06-23")).toBe(true)
    expect(working("2020-06-25")).toBe(true)
  })

  it("2020: 30 March – 8 May non-working under Указы № 206, № 239, № 294; 12 May working again", () => {
    for (const date of LocalDate.range(d("2020-03-30"), d("2020-05-11"))) {
      expect(working(date), date).toBe(false)
    }
    expect(info("2020-04-02").source?.citation).toContain("№ 206")
    expect(info("2020-04-15").source?.citation).toContain("№ 239")
    expect(info("2020-05-07").source?.citation).toContain("№ 294")
    // 4–5 May are days off under the government decree № 875, whatever the Указы say.
    expect(info("2020-05-04").kind).toBe("transferred-day-off")
    expect(info("2020-05-04").source?.citation).toContain("№ 875")
    expect(working("2020-03-27")).toBe(true)
    expect(working("2020-05-12")).toBe(true)
  })

  it("2021: 5 November and 31 December are days off (Постановление от 10.10.2020 № 1648)", () => {
    expect(working("2021-11-05")).toBe(false)
    expect(working("2021-12-31")).toBe(false)
    expect(info("2021-11-05").kind).toBe("transferred-day-off")
    expect(info("2021-11-05").source?.citation).toContain("от 10.10.2020 № 1648")
    expect(info("2021-12-31").source?.citation).toContain("№ 1648")
  })

  it("2021: Saturday 20 February is a working day (Постановление от 10.10.2020 № 1648)", () => {
    expect(working("2021-02-20")).toBe(true)
    expect(info("2021-02-20").kind).toBe("working-weekend-day")
    expect(working("2021-02-22")).toBe(false)
  })

  it("2022: Saturday 5 March works, Monday 7 March is off (Постановление от 16.09.2021 № 1564)", () => {
    expect(working("2022-03-05")).toBe(true)
    expect(working("2022-03-07")).toBe(false)
    expect(info("2022-03-07").source?.citation).toContain("№ 1564")
  })

  it("2023: 24 February and 8 May are days off (Постановление от 29.08.2022 № 1505)", () => {
    expect(working("2023-02-24")).toBe(false)
    expect(working("2023-05-08")).toBe(false)
    expect(info("2023-02-24").source?.citation).toContain("№ 1505")
    // 4 November 2023 is a Saturday: art. 112 part 2 moves the day off to Monday 6 November.
    expect(working("2023-11-06")).toBe(false)
  })

  it("2024: Saturdays 27 April and 28 December work; 30 and 31 December are off (№ 1314)", () => {
    expect(working("2024-04-27")).toBe(true)
    expect(working("2024-12-28")).toBe(true)
    expect(working("2024-11-02")).toBe(true)
    expect(working("2024-12-30")).toBe(false)
    expect(working("2024-12-31")).toBe(false)
    expect(working("2024-04-29")).toBe(false)
    expect(working("2024-04-30")).toBe(false)
    expect(info("2024-12-30").source?.citation).toContain("от 10.08.2023 № 1314")
  })

  it("2025: 2, 8 May, 13 June and 31 December are off; Saturday 1 November works (№ 1335)", () => {
    expect(working("2025-05-02")).toBe(false)
    expect(working("2025-05-08")).toBe(false)
    expect(working("2025-06-13")).toBe(false)
    expect(working("2025-12-31")).toBe(false)
    expect(working("2025-11-01")).toBe(true)
    expect(working("2025-11-03")).toBe(false)
    expect(info("2025-05-08").source?.citation).toContain("от 04.10.2024 № 1335")
    // The decree moved the days off of 23 February and 8 March itself, so these work.
    expect(working("2025-02-24")).toBe(true)
    expect(working("2025-03-10")).toBe(true)
  })

  it("2026: 9 January and 31 December are days off (Постановление от 24.09.2025 № 1466)", () => {
    expect(working("2026-01-09")).toBe(false)
    expect(working("2026-12-31")).toBe(false)
    expect(working("2026-01-12")).toBe(true)
    expect(working("2026-03-09")).toBe(false)
    expect(working("2026-05-11")).toBe(false)
    expect(info("2026-01-09").source?.citation).toContain("№ 1466")
  })

  it("2027 (projected): 1–8 January are holidays under Labour Code art. 112", () => {
    for (const date of LocalDate.range(d("2027-01-01"), d("2027-01-08"))) {
      expect(working(date), date).toBe(false)
      expect(info(date).kind).toBe("holiday")
      expect(info(date).status).toBe("projected")
    }
    expect(working("2027-01-11")).toBe(true)
    expect(ProductionCalendar.yearStatus(cal, 2027)).toEqual(Option.some("projected"))
  })

  it("every federal holiday of art. 112 is non-working in every covered year", () => {
    for (let y = 2020; y <= 2027; y++) {
      for (const [m, day] of [
        [1, 1],
        [1, 7],
        [1, 8],
        [2, 23],
        [3, 8],
        [5, 1],
        [5, 9],
        [6, 12],
        [11, 4],
      ] as const) {
        expect(working(LocalDate.makeUnsafe(y, m, day))).toBe(false)
      }
    }
  })
})

describe("Russian production calendar: the data is consistent", () => {
  // The yearly norm of working days (5-day week) that the decrees produce, published by
  // the Ministry of Labour; the presidential non-working days do not change the norm.
  const norms: ReadonlyArray<readonly [number, number]> = [
    [2020, 248],
    [2021, 247],
    [2022, 247],
    [2023, 247],
    [2024, 248],
    [2025, 247],
    [2026, 247],
  ]
  const withoutActs = ProductionCalendar.make(
    RussianFederalCalendar.years.map((y) => ({ ...y, nonWorkingPeriods: [] })),
  )

  it.each(norms)("%i has %i working days in the 5-day-week norm", (year, expected) => {
    const count = ProductionCalendar.workingDaysBetween(
      withoutActs,
      LocalDate.makeUnsafe(year, 1, 1),
      LocalDate.makeUnsafe(year, 12, 31),
    )
    expect(count).toEqual(Result.succeed(expected))
  })

  it("covers 2020–2027: 2020–2026 official, 2027 projected, each citing its acts", () => {
    expect(ProductionCalendar.coveredYears(cal)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
    ])
    for (const y of RussianFederalCalendar.years) {
      expect(y.status).toBe(y.year === 2027 ? "projected" : "official")
      expect(y.sources.length).toBeGreaterThan(0)
      if (y.status === "official") {
        expect(y.sources[0]?.citation).toContain(`О переносе выходных дней в ${y.year} году`)
      }
      expect(Result.isSuccess(Schema.decodeUnknownResult(ProductionCalendar.YearData)(y))).toBe(
        true,
      )
    }
  })

  it("every transfer moves a weekend day or holiday of the year to a weekday of the year", () => {
    for (const y of RussianFederalCalendar.years) {
      const holidays = new Set<string>(y.holidays.map((h) => h.date))
      for (const t of y.transfers) {
        expect(LocalDate.year(t.from)).toBe(y.year)
        expect(LocalDate.year(t.to)).toBe(y.year)
        expect(LocalDate.isWeekend(t.from)).toBe(true)
        expect(LocalDate.isWeekend(t.to)).toBe(false)
        expect(holidays.has(t.to)).toBe(false)
      }
    }
  })

  it("art. 112 part 2: each non-January holiday on a weekend has its day off moved", () => {
    for (const y of RussianFederalCalendar.years) {
      for (const h of y.holidays) {
        if (LocalDate.month(h.date) === 1 || !LocalDate.isWeekend(h.date)) continue
        const moved = y.transfers.find((t) => t.from === h.date)
        expect(moved, `${h.date} ${h.name}`).toBeDefined()
        if (moved?.source.kind === "labour-code") {
          // Part 2 moves it to the first working day after the holiday.
          const firstDayAfter = [...LocalDate.range(LocalDate.addDays(h.date, 1), moved.to)].find(
            (x) => !LocalDate.isWeekend(x) && !y.holidays.some((hh) => hh.date === x),
          )
          expect(moved.to).toBe(firstDayAfter)
        }
      }
    }
  })

  it("the working Saturdays are the ones the decrees name", () => {
    const saturdays = RussianFederalCalendar.years.flatMap(ProductionCalendar.workingWeekendDays)
    expect(saturdays).toEqual([
      "2021-02-20",
      "2022-03-05",
      "2024-04-27",
      "2024-11-02",
      "2024-12-28",
      "2025-11-01",
    ])
  })
})

describe("ProductionCalendar: refusals", () => {
  it("refuses a year it does not cover with YearNotCovered, never a silent answer", () => {
    for (const date of ["2019-12-31", "2028-01-03"]) {
      const r = ProductionCalendar.isWorkingDay(cal, d(date))
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) {
        expect(r.failure._tag).toBe("YearNotCovered")
        expect(r.failure.message).toContain(`no data for ${date.slice(0, 4)}`)
        expect(r.failure.message).toContain("2020, 2021")
      }
    }
  })

  it("refuses to walk past the covered years", () => {
    // 1–8 January 2020 are holidays, so the previous working day lies in 2019.
    const back = ProductionCalendar.previousWorkingDay(cal, d("2020-01-05"))
    expect(Result.isFailure(back) && back.failure._tag === "YearNotCovered").toBe(true)
    const forward = ProductionCalendar.nthWorkingDay(cal, d("2027-12-20"), 30)
    expect(Result.isFailure(forward) && forward.failure._tag === "YearNotCovered").toBe(true)
  })

  it("refuses a 0th or fractional working day", () => {
    for (const n of [0, 1.5]) {
      const r = ProductionCalendar.nthWorkingDay(cal, d("2025-09-01"), n)
      expect(Result.isFailure(r) && r.failure._tag === "InvalidWorkingDayIndex").toBe(true)
    }
  })
})

describe("ProductionCalendar: regional additions", () => {
  const republicAct: ProductionCalendar.Source = {
    kind: "regional-act",
    citation: "Закон республики о праздничных днях (пример для теста)",
  }
  const regional = ProductionCalendar.withRegionalAdditions(cal, [
    { date: d("2025-06-06"), kind: "non-working", name: "Курбан-байрам", source: republicAct },
    { date: d("2025-06-14"), kind: "working", name: "рабочая суббота", source: republicAct },
  ])

  it("adds a region's non-working and working days, each with its source", () => {
    expect(Result.getOrThrow(ProductionCalendar.isWorkingDay(regional, d("2025-06-06")))).toBe(
      false,
    )
    expect(Result.getOrThrow(ProductionCalendar.isWorkingDay(regional, d("2025-06-14")))).toBe(true)
    const i = Result.getOrThrow(ProductionCalendar.dayInfo(regional, d("2025-06-06")))
    expect(i.kind).toBe("regional-non-working")
    expect(i.source).toEqual(republicAct)
  })

  it("leaves the federal calendar value untouched", () => {
    expect(working("2025-06-06")).toBe(true)
    expect(working("2025-06-14")).toBe(false)
  })

  it("decodes additions from untrusted input and refuses impossible dates readably", () => {
    const decode = Schema.decodeUnknownResult(ProductionCalendar.RegionalAddition)
    const ok = decode({
      date: "2025-06-06",
      kind: "non-working",
      name: "Курбан-байрам",
      source: republicAct,
    })
    expect(Result.isSuccess(ok)).toBe(true)
    const bad = decode({ date: "2025-02-30", kind: "non-working", name: "x", source: republicAct })
    expect(Result.isFailure(bad)).toBe(true)
    if (Result.isFailure(bad)) expect(bad.failure.message).toContain("2025-02 has 28 days")
  })

  it("withYears adds or replaces a year, e.g. once the 2027 decree is published", () => {
    const replaced = ProductionCalendar.withYears(cal, [{ ...yearOf(2027), status: "official" }])
    expect(ProductionCalendar.yearStatus(replaced, 2027)).toEqual(Option.some("official"))
    expect(ProductionCalendar.yearStatus(cal, 2027)).toEqual(Option.some("projected"))
  })
})

describe("ProductionCalendar: navigation", () => {
  it("knows the last working day of a month, or that there is none (April 2020)", () => {
    const last = (y: number, m: number) =>
      Result.getOrThrow(ProductionCalendar.lastWorkingDayOfMonth(cal, y, m))
    expect(last(2020, 4)).toEqual(Option.none())
    expect(last(2021, 12)).toEqual(Option.some("2021-12-30"))
    expect(last(2024, 12)).toEqual(Option.some("2024-12-28"))
    expect(last(2025, 12)).toEqual(Option.some("2025-12-30"))
    expect(last(2026, 2)).toEqual(Option.some("2026-02-27"))
  })

  it("nextWorkingDay keeps a working day and skips to the first working day otherwise", () => {
    // 31 Dec 2025 and 9 Jan 2026 are days off by decrees № 1335 and № 1466.
    expect(ProductionCalendar.nextWorkingDay(cal, d("2025-12-31"))).toEqual(
      Result.succeed("2026-01-12"),
    )
    expect(ProductionCalendar.nextWorkingDay(cal, d("2025-12-30"))).toEqual(
      Result.succeed("2025-12-30"),
    )
    expect(ProductionCalendar.nextWorkingDay(cal, d("2026-12-31"))).toEqual(
      Result.succeed("2027-01-11"),
    )
    expect(ProductionCalendar.previousWorkingDay(cal, d("2026-01-11"))).toEqual(
      Result.succeed("2025-12-30"),
    )
    expect(ProductionCalendar.nthWorkingDay(cal, d("2026-03-01"), 3)).toEqual(
      Result.succeed("2026-03-04"),
    )
  })

  it("next and previous working days are working, and nothing working lies between", () => {
    fc.assert(
      fc.property(arbCovered("2020-01-09", "2027-12-31"), (date) => {
        const next = Result.getOrThrow(ProductionCalendar.nextWorkingDay(cal, date))
        const prev = Result.getOrThrow(ProductionCalendar.previousWorkingDay(cal, date))
        const isWorking = (x: LocalDate.LocalDate) =>
          Result.getOrThrow(ProductionCalendar.isWorkingDay(cal, x))
        const gapAhead = [...LocalDate.range(date, LocalDate.addDays(next, -1))]
        const gapBehind = [...LocalDate.range(LocalDate.addDays(prev, 1), date)]
        return (
          next >= date &&
          prev <= date &&
          isWorking(next) &&
          isWorking(prev) &&
          gapAhead.every((x) => !isWorking(x)) &&
          gapBehind.every((x) => !isWorking(x)) &&
          (next === date) === isWorking(date) &&
          (prev === date) === isWorking(date)
        )
      }),
      { numRuns: 500 },
    )
  })

  it("isWorkingDay and isNonWorkingDay always disagree", () => {
    fc.assert(
      fc.property(arbCovered(), (date) => {
        const w = Result.getOrThrow(ProductionCalendar.isWorkingDay(cal, date))
        const n = Result.getOrThrow(ProductionCalendar.isNonWorkingDay(cal, date))
        return w !== n
      }),
      { numRuns: 500 },
    )
  })

  it("nthWorkingDay counts working days: ±1 is next/previous, and n days span n working days", () => {
    fc.assert(
      fc.property(
        arbCovered("2020-01-09", "2027-06-30"),
        fc.integer({ min: 1, max: 60 }),
        (date, n) => {
          const nth = (k: number) =>
            Result.getOrThrow(ProductionCalendar.nthWorkingDay(cal, date, k))
          const next = Result.getOrThrow(ProductionCalendar.nextWorkingDay(cal, date))
          const prev = Result.getOrThrow(ProductionCalendar.previousWorkingDay(cal, date))
          const afterNth = Result.getOrThrow(
            ProductionCalendar.nextWorkingDay(cal, LocalDate.addDays(nth(n), 1)),
          )
          const span = Result.getOrThrow(ProductionCalendar.workingDaysBetween(cal, date, nth(n)))
          return nth(1) === next && nth(-1) === prev && nth(n + 1) === afterNth && span === n
        },
      ),
      { numRuns: 300 },
    )
  })

  it("nthWorkingDay backwards mirrors forwards", () => {
    fc.assert(
      fc.property(
        arbCovered("2020-06-01", "2027-12-31"),
        fc.integer({ min: 1, max: 60 }),
        (date, n) => {
          const back = Result.getOrThrow(ProductionCalendar.nthWorkingDay(cal, date, -n))
          const span = Result.getOrThrow(ProductionCalendar.workingDaysBetween(cal, back, date))
          return back <= date && span === n
        },
      ),
      { numRuns: 300 },
    )
  })

  it("workingDaysBetween adds up over adjacent ranges and is 0 for a reversed range", () => {
    fc.assert(
      fc.property(arbCovered(), arbCovered(), arbCovered(), (x, y, z) => {
        const [a, b, c] = [x, y, z].sort()
        const count = (from: LocalDate.LocalDate, to: LocalDate.LocalDate) =>
          Result.getOrThrow(ProductionCalendar.workingDaysBetween(cal, from, to))
        return (
          count(a!, c!) === count(a!, b!) + count(LocalDate.addDays(b!, 1), c!) &&
          (a === c || count(c!, a!) === 0)
        )
      }),
      { numRuns: 100 },
    )
  })
})
