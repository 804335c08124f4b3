/**
 * End to end: two months of the year (September–October 2025) run through SQLite and
 * through PostgreSQL, notifications included, give the same read models, the same
 * figures and the same report tables; two SQLite runs with the same seed give the same
 * figures, and so does a run where every command commits on its own instead of each
 * day's commands as one unit of work. PostgreSQL is required: `METODIKA_PG_URL` (default
 * postgres://postgres@127.0.0.1:5432/postgres); the test fails, never skips, without it.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { UnifiedDay } from "@metodika/core"
import { Report } from "@metodika/reporting"
import { Effect, Result, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as District from "../src/District.ts"
import * as Notifications from "../src/Notifications.ts"
import * as Reports from "../src/Reports.ts"
import * as Run from "../src/Run.ts"
import * as Store from "../src/Store.ts"

const pgUrl = process.env.METODIKA_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const schema = `district_year_e2e_${process.pid}`
const pgDb = `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}schema=${schema}`
const dir = mkdtempSync(join(tmpdir(), "district-year-e2e-"))

const district = Result.getOrThrow(District.make({ preset: "poltavsky", schools: 10, seed: 7 }))

const twoMonths = (db: string, commit: "per-day" | "per-command" = "per-day") => {
  const channel = Notifications.countingChannel()
  return Effect.runPromise(
    Run.run({
      district,
      startYear: 2025,
      seed: 7,
      db,
      from: "2025-09-01",
      to: "2025-10-31",
      commit,
      channel: Effect.succeed(channel),
    }),
  ).then((outcome) => ({ ...outcome, sent: channel.count() }))
}

/** The read models as JSON, through their own schemas. */
const encoded = (models: Run.Outcome["models"]) => ({
  weekly: Schema.encodeSync(UnifiedDay.WeeklyView.readModel.stateSchema)(models.weekly),
  monthly: Schema.encodeSync(UnifiedDay.MonthView.readModel.stateSchema)(models.monthly),
  bank: Schema.encodeSync(UnifiedDay.PracticeBank.readModel.stateSchema)(models.bank),
  deficits: Schema.encodeSync(UnifiedDay.DeficitLog.readModel.stateSchema)(models.deficits),
})

const reportInput = (outcome: Run.Outcome): Reports.Input => ({
  district,
  startYear: 2025,
  figures: outcome.figures,
  models: outcome.models,
  stats: outcome.stats,
})

/** The tables of the reports as CSV text. */
const reportTables = async (outcome: Run.Outcome) => {
  const out: Record<string, string> = {}
  for (const doc of Reports.documents(reportInput(outcome))) {
    for (const f of await Effect.runPromise(Report.renderAll(doc, ["csv"]))) {
      out[f.name] = new TextDecoder().decode(f.bytes)
    }
  }
  return out
}

let sqlite: Awaited<ReturnType<typeof twoMonths>>
let postgres: Awaited<ReturnType<typeof twoMonths>>

beforeAll(async () => {
  try {
    await Store.reset(pgDb)
  } catch (e) {
    throw new Error(
      `PostgreSQL is needed for this test (METODIKA_PG_URL=${pgUrl}): ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  sqlite = await twoMonths(join(dir, "a.sqlite"))
  postgres = await twoMonths(pgDb)
}, 120_000)

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await Store.drop(pgDb).catch(() => {})
})

describe("district-year, September–October 2025, SQLite and PostgreSQL", () => {
  it("EMD-1.2 EMD-2.10 EMD-2.16 runs two months with late questions, missing questions, late sheets and notifications", () => {
    const f = sqlite.figures
    expect(f.days).toBe(8) // Thursdays of Sept–Oct 2025 (4 + 5), one replaced by the district conference
    expect(f.cycles).toBe(8 * district.schools.length)
    expect(f.questionsLate).toBeGreaterThan(0)
    expect(f.questionsMissing).toBeGreaterThan(0)
    expect(f.sheetsSubmitted).toBeGreaterThan(0)
    expect(f.months.map((m) => m.month)).toEqual(["2025-09", "2025-10"])
    expect(f.practicesChosen).toBe(District.teacherCount(district))
    expect(sqlite.sent).toBeGreaterThan(0)
    expect(sqlite.models.weekly.skipped).toEqual([])
  })

  it("records the same number of events and sends the same notifications on both stores", () => {
    expect(postgres.stats.events).toBe(sqlite.stats.events)
    expect(postgres.stats.commands).toBe(sqlite.stats.commands)
    expect(postgres.sent).toBe(sqlite.sent)
  })

  it("gives the same read models on both stores", () => {
    expect(encoded(postgres.models)).toEqual(encoded(sqlite.models))
  })

  it("gives the same figures and the same report tables on both stores", async () => {
    expect(postgres.figures).toEqual(sqlite.figures)
    const [a, b] = await Promise.all([reportTables(sqlite), reportTables(postgres)])
    expect(Object.keys(a).length).toBeGreaterThan(0)
    expect(b).toEqual(a)
  })

  it("EMD-2.3 EMD-2.15 EMD-2.16 EMD-2.17 writes the model reports of the run and the year's certificate", () => {
    const input = reportInput(sqlite)
    const helped = Reports.helpedSchool(input, UnifiedDay.YearMonth.YearMonth.make("2025-10"))
    expect(helped?.lowResults).toBe(true)
    const school = helped?.id
    expect(Reports.documents(input).map((d) => d.name)).toEqual([
      `emd-week-${sqlite.stats.dates.at(-1)}`,
      "emd-month-2025-09",
      "emd-month-2025-10",
      `emd-sheet-2025-10-${school}`,
      `emd-help-plan-2025-10-${school}`,
      "emd-practice-bank-2025",
      "emd-curators-2025",
      "emd-year-2025-2026",
    ])
  })

  it("gives the same figures when run again with the same seed", async () => {
    const again = await twoMonths(join(dir, "b.sqlite"))
    expect(again.figures).toEqual(sqlite.figures)
    expect(again.stats.events).toBe(sqlite.stats.events)
  })

  it("gives the same read models, figures and notifications whether a day's commands commit together or one by one", async () => {
    const each = await twoMonths(join(dir, "c.sqlite"), "per-command")
    expect(each.stats.events).toBe(sqlite.stats.events)
    expect(each.sent).toBe(sqlite.sent)
    expect(encoded(each.models)).toEqual(encoded(sqlite.models))
    expect(each.figures).toEqual(sqlite.figures)
  })
})
