/**
 * Benchmark of the district-year demo: the whole school year 2025/26 for 30 schools,
 * without the SMTP server (the dispatcher sends to a counting channel), on SQLite (a
 * temporary file) and on PostgreSQL (`METODIKA_PG_URL`, a fresh schema), with the
 * notification policy and the dispatcher and without them. Prints the time for the year
 * and events per second; reports are not included.
 *
 * Each simulated day's commands commit as one unit of work; `--per-command` adds a run
 * where every command commits on its own, for comparison. Each line is the median of
 * `--runs` years (3 by default) after one year to warm up, whose time is shown beside it.
 *
 *   pnpm --filter @metodika/example-district-year bench [-- --sqlite-only | --postgres-only]
 *     [--bare-only] [--per-command] [--runs N]
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Result } from "effect"
import * as District from "../src/District.ts"
import * as Notifications from "../src/Notifications.ts"
import * as Run from "../src/Run.ts"
import * as Store from "../src/Store.ts"

const pgUrl = process.env.METODIKA_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"
const sqliteOnly = process.argv.includes("--sqlite-only")
const postgresOnly = process.argv.includes("--postgres-only")
const district = Result.getOrThrow(District.make({ preset: "poltavsky", schools: 30, seed: 1 }))

const runYear = async (
  db: string,
  notifications = true,
  commit: "per-day" | "per-command" = "per-day",
) => {
  const channel = Notifications.countingChannel()
  const { stats } = await Effect.runPromise(
    Run.run({
      district,
      startYear: 2025,
      seed: 1,
      db,
      commit,
      ...(notifications ? { channel: Effect.succeed(channel) } : {}),
    }),
  )
  return { ...stats, sent: channel.count() }
}

const runsArg = process.argv.indexOf("--runs")
const runs = runsArg === -1 ? 3 : Math.max(1, Number(process.argv[runsArg + 1] ?? 3))

/**
 * Runs the year once to warm up (the JIT, the statement caches), then `runs` times, each
 * on an emptied store, and prints the median year with the first run beside it.
 */
const measure = async (
  name: string,
  db: string,
  notifications = true,
  commit: "per-day" | "per-command" = "per-day",
) => {
  const first = await runYear(db, notifications, commit)
  const timed: Array<Awaited<ReturnType<typeof runYear>>> = []
  for (let i = 0; i < runs; i++) timed.push(await runYear(db, notifications, commit))
  timed.sort((a, b) => a.millis - b.millis)
  const s = timed[Math.floor((timed.length - 1) / 2)]!
  const seconds = s.millis / 1000
  console.log(
    `${name.padEnd(28)} year ${seconds.toFixed(2)} s (median of ${runs}; first run ${(first.millis / 1000).toFixed(2)} s)  ${s.events} events  ${s.commands} commands  ${Math.round(s.events / seconds)} events/s  ${s.sent} notifications`,
  )
}

const dir = mkdtempSync(join(tmpdir(), "district-year-bench-"))
try {
  if (!postgresOnly) {
    if (!process.argv.includes("--bare-only"))
      await measure("SQLite", process.env.BENCH_SQLITE ?? join(dir, "year.sqlite"))
    await measure("SQLite, no notifications", join(dir, "bare.sqlite"), false)
    if (process.argv.includes("--per-command"))
      await measure("  same, commit per command", join(dir, "each.sqlite"), false, "per-command")
  }
  if (!sqliteOnly) {
    const db = `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}schema=district_year_bench`
    try {
      if (!process.argv.includes("--bare-only")) await measure("PostgreSQL", db)
      await measure("PostgreSQL, no notifications", db, false)
    } finally {
      await Store.drop(db).catch(() => {})
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
