/**
 * Benchmark of the district-year demo: the whole school year 2025/26 for 30 schools,
 * without the SMTP server (the dispatcher sends to a counting channel), on SQLite (a
 * temporary file) and on PostgreSQL (`METODIKA_PG_URL`, a fresh schema), with the
 * notification policy and the dispatcher and without them. Prints the time for the year
 * and events per second; reports are not included.
 *
 * Each simulated day's commands commit as one unit of work; `--per-command` adds a run
 * where every command commits on its own, for comparison.
 *
 *   pnpm --filter @metodika/example-district-year bench [-- --sqlite-only] [--per-command]
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

const report = (name: string, s: Awaited<ReturnType<typeof runYear>>) => {
  const seconds = s.millis / 1000
  console.log(
    `${name.padEnd(28)} year ${seconds.toFixed(2)} s  ${s.events} events  ${s.commands} commands  ${Math.round(s.events / seconds)} events/s  ${s.sent} notifications`,
  )
}

const dir = mkdtempSync(join(tmpdir(), "district-year-bench-"))
try {
  if (!process.argv.includes("--bare-only"))
    report("SQLite", await runYear(process.env.BENCH_SQLITE ?? join(dir, "year.sqlite")))
  report("SQLite, no notifications", await runYear(join(dir, "bare.sqlite"), false))
  if (process.argv.includes("--per-command"))
    report(
      "  same, commit per command",
      await runYear(join(dir, "each.sqlite"), false, "per-command"),
    )
  if (!sqliteOnly) {
    const db = `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}schema=district_year_bench`
    try {
      report("PostgreSQL", await runYear(db))
      report("PostgreSQL, no notifications", await runYear(db, false))
    } finally {
      await Store.drop(db).catch(() => {})
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
