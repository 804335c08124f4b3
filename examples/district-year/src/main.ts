/**
 * The district-year demo: a fictional district runs the school year of the unified
 * methodical day through the engine on SQLite (or PostgreSQL), with a simulated clock;
 * the notification policy's messages go through the outbox to a local SMTP server; the
 * year's reports are written to `./out/`.
 *
 *   pnpm demo [--district poltavsky] [--year 2025] [--schools 30] [--seed 1]
 *             [--db ./out/district-year.sqlite | postgres://…] [--out ./out] [--no-smtp]
 *
 * @module
 */
import { mkdirSync } from "node:fs"
import { isAbsolute, join, relative, resolve } from "node:path"
import { parseArgs } from "node:util"
import { Effect, Result } from "effect"
import * as District from "./District.ts"
import * as Notifications from "./Notifications.ts"
import * as Progress from "./Progress.ts"
import * as Reports from "./Reports.ts"
import * as Run from "./Run.ts"
import * as Store from "./Store.ts"

const usage = `Usage: pnpm demo [options]

  --district <preset>  time zone and region of a seed district: ${District.presetIds.join(", ")} (default poltavsky)
  --year <yyyy>        first calendar year of the school year (default 2025, i.e. 2025/26)
  --schools <n>        schools in the district, 2–200 (default 30; teachers scale with them)
  --db <path|url>      SQLite file, or a PostgreSQL URL (postgres://…[?schema=name]) (default <out>/district-year.sqlite)
  --out <dir>          where the database, mail and reports go (default ./out)
  --seed <n>           seed of the district and its year, for a reproducible run (default 1)
  --no-smtp            write notifications to <out>/mail/notifications.jsonl instead of a local SMTP server
  --help               this text`

/** The demo's options after validation. */
export interface Options {
  readonly preset: string
  readonly year: number
  readonly schools: number
  readonly db: string
  readonly out: string
  readonly seed: number
  readonly smtp: boolean
}

const integer = (name: string, text: string, min: number, max: number): number => {
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`)
  }
  return n
}

/** Reads and checks the command line; throws an `Error` with a readable message. */
export const parse = (argv: ReadonlyArray<string>, cwd: string): Options | "help" => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      district: { type: "string", default: "poltavsky" },
      year: { type: "string", default: "2025" },
      schools: { type: "string", default: "30" },
      db: { type: "string" },
      out: { type: "string", default: "./out" },
      seed: { type: "string", default: "1" },
      "no-smtp": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    allowPositionals: false,
    strict: true,
  })
  if (values.help) return "help"
  if (!District.presetIds.includes(values.district)) {
    throw new Error(
      `--district must be one of ${District.presetIds.join(", ")}, got "${values.district}"`,
    )
  }
  const out = resolve(cwd, values.out)
  const db = values.db === undefined ? join(out, "district-year.sqlite") : values.db
  if (Store.isPostgres(db)) {
    try {
      Store.schemaOf(db)
    } catch (e) {
      throw new Error(`--db: ${e instanceof Error ? e.message : String(e)}`)
    }
  } else if (db.includes("://")) {
    throw new Error(`--db must be a SQLite file path or a postgres:// URL, got "${db}"`)
  }
  return {
    preset: values.district,
    year: integer("year", values.year, 2000, 2100),
    schools: integer("schools", values.schools, 2, 200),
    db: Store.isPostgres(db) || isAbsolute(db) ? db : resolve(cwd, db),
    out,
    seed: integer("seed", values.seed, 0, 2 ** 32 - 1),
    smtp: !values["no-smtp"],
  }
}

const show = (cwd: string, path: string) => {
  const r = relative(cwd, path)
  return r.startsWith("..") ? path : `./${r}`
}

const main = async () => {
  // pnpm runs the script in the package's directory; paths are the caller's.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  let options: Options
  try {
    const parsed = parse(process.argv.slice(2), cwd)
    if (parsed === "help") {
      console.log(usage)
      return
    }
    options = parsed
  } catch (e) {
    console.error(`district-year: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`)
    process.exitCode = 2
    return
  }
  const made = District.make({
    preset: options.preset,
    schools: options.schools,
    seed: options.seed,
  })
  if (Result.isFailure(made)) {
    console.error(`district-year: ${made.failure}`)
    process.exitCode = 2
    return
  }
  const district = made.success
  const started = performance.now()
  mkdirSync(options.out, { recursive: true })
  const mailDir = join(options.out, "mail")
  const progress = Progress.bar("Учебный год")
  const storeName = Store.isPostgres(options.db) ? "PostgreSQL" : "SQLite"
  let where = ""
  const channel: Run.Options["channel"] = options.smtp
    ? Effect.gen(function* () {
        const server = yield* Notifications.startMailServer(mailDir)
        where = `SMTP 127.0.0.1:${server.port} → ${show(cwd, mailDir)}/*.eml`
        return yield* Notifications.smtpChannel(server.port)
      })
    : Effect.sync(() => {
        mkdirSync(mailDir, { recursive: true })
        const file = join(mailDir, "notifications.jsonl")
        where = show(cwd, file)
        return Notifications.fileChannel(file)
      })
  const {
    stats,
    figures: f,
    models,
    curators,
  } = await Effect.runPromise(
    Run.run({
      district,
      startYear: options.year,
      seed: options.seed,
      db: options.db,
      channel,
      onProgress: progress.update,
    }),
  )
  progress.finish(`${stats.events} событий за ${(stats.millis / 1000).toFixed(2)} с (${storeName})`)
  const reportsStarted = performance.now()
  const written = await Effect.runPromise(
    Reports.write({ district, startYear: options.year, figures: f, models, stats }, options.out),
  )
  const reportMillis = performance.now() - reportsStarted
  const documents = written.filter((n) => !n.endsWith(".csv"))
  const y = options.year
  const teachers = District.teacherCount(district)
  const low = district.schools.filter((s) => s.lowResults).length
  const lines = [
    "",
    `${district.district.name} (${district.district.region}, ${district.district.timeZone.id}), ${y}/${String(y + 1).slice(2)} учебный год, seed ${options.seed}`,
    `  ${district.schools.length} школ (ШНОР: ${low}, кураторов: ${curators.size}), ${teachers} педагогов, методистов: ${district.methodists.length}`,
    `  дней ЕМД: ${f.days}; циклов: ${f.cycles}; проведено: ${f.held}; отменено: ${f.cancelled}`,
    `  вопросы: в срок ${f.questionsOnTime}, с опозданием ${f.questionsLate}, не направлены ${f.questionsMissing} (ШНОР с флагом: ${f.flagged})`,
    `  листы продвижения: сданы ${f.sheetsSubmitted} (с опозданием ${f.sheetsLate}), не сданы ${f.sheetsOverdue}; планов адресной помощи: ${f.helpPlansAgreed}`,
    `  практики: выбрали ${f.practicesChosen}, в банке ${f.practicesAccepted}; дефицитов выявлено: ${f.deficits}`,
    "",
    `events:        ${stats.events} (${stats.commands} commands) on ${storeName} ${Store.isPostgres(options.db) ? Store.schemaOf(options.db).schema : show(cwd, options.db)}`,
    `year took:     ${(stats.millis / 1000).toFixed(2)} s (${Math.round(stats.events / (stats.millis / 1000))} events/s, notifications included)`,
    `notifications: ${stats.dispatched} sent through ${where}`,
    `late steps:    ${f.lateSteps} (materials ${f.materialsLate}, questions ${f.questionsLate}, decisions ${f.decisionsLate}, sheets ${f.sheetsLate})`,
    `reports:       ${written.length} files in ${show(cwd, options.out)} (${(reportMillis / 1000).toFixed(2)} s): ${[...new Set(documents.map((n) => n.replace(/\.[a-z]+$/, "")))].join(", ")} (.docx, .xlsx, .html) + ${written.length - documents.length} CSV`,
    `total time:    ${((performance.now() - started) / 1000).toFixed(2)} s`,
  ]
  console.log(lines.join("\n"))
}

await main().catch((e: unknown) => {
  console.error(`\ndistrict-year failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
})
