/**
 * Claim throughput of the outbox on SQLite, in a table that looks like a school year's:
 * 10,000 delivered messages and 2,000 pending reminders not yet due, each with a letter's
 * payload (a few kilobytes of text, HTML and an invite). Two workloads, each the median of
 * alternating runs through the store (`Outbox.claim`):
 * - draining 2,000 due messages 20 at a time (the dispatcher's batch), each batch marked
 *   delivered between claims outside the clock, so the delivered rows grow run by run;
 * - polling when nothing is due, which is what a dispatcher does most of the time.
 * Prints claims per second (claim statements, not messages).
 *
 *   node --conditions=@metodika/source bench/claim.bench.ts
 *   BENCH_CLAIM_DELIVERED, BENCH_CLAIM_WAITING, BENCH_CLAIM_DUE, BENCH_ROUNDS and
 *   METODIKA_BENCH_DIR tune it.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type Database from "better-sqlite3"
import { Effect } from "effect"
import * as Sqlite from "../src/sqlite.ts"
import { compare } from "./support.ts"

const DELIVERED = Number(process.env.BENCH_CLAIM_DELIVERED ?? 10_000)
const WAITING = Number(process.env.BENCH_CLAIM_WAITING ?? 2_000)
const DUE = Number(process.env.BENCH_CLAIM_DUE ?? 2_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const BATCH = 20
const IDLE_POLLS = 2_000
const LEASE = 300_000

const dir = mkdtempSync(join(process.env.METODIKA_BENCH_DIR ?? tmpdir(), "metodika-bench-"))
const file = join(dir, "claim.db")

// A letter's payload: subject, plain text, HTML and an invite, about 5 KB.
const payload = (i: number) =>
  JSON.stringify({
    kind: "emd.questions-reminder",
    subject: `Напоминание: вопросы к ЕМД — школа № ${i % 30}`,
    text: "Здравствуйте, Мария Петровна! Осталось: 1 день. ".repeat(20),
    html: `<p>${"Здравствуйте, Мария Петровна! Осталось: 1 день. ".repeat(20)}</p>`,
    attachments: [
      {
        filename: "invite.ics",
        contentType: "text/calendar; charset=utf-8; method=REQUEST",
        content: "BEGIN:VEVENT\r\nSUMMARY:Срок: вопросы координатору к ЕМД\r\n".repeat(25),
      },
    ],
  })

let serial = 0

/** Inserts `count` pending messages first due at `at`, as the store would. */
const insertPending = (db: Database.Database, count: number, at: number) => {
  const insert = db.prepare(
    "INSERT INTO metodika_outbox (message_id, channel, recipient, payload, not_before, status, attempts, next_attempt_at, created_at) VALUES (?, 'email', ?, ?, ?, 'pending', 0, ?, ?)",
  )
  db.transaction(() => {
    for (let k = 0; k < count; k++) {
      const i = ++serial
      insert.run(`m-${i}`, `person-${i % 400}@school.example`, payload(i), at, at, Date.now())
    }
  })()
}

const prepare = async () => {
  await Effect.runPromise(Effect.scoped(Sqlite.make({ filename: file })))
  const db = Sqlite.open({ filename: file }) as unknown as Database.Database
  insertPending(db, DELIVERED, Date.now() - 86_400_000)
  db.prepare("UPDATE metodika_outbox SET status = 'delivered'").run()
  // Reminders for the rest of the year: pending, not due for a month and more.
  insertPending(db, WAITING, Date.now() + 30 * 86_400_000)
  db.close()
}

const perSecond = (count: number, millis: number) => (count * 1000) / millis

const run = async () => {
  await prepare()
  const raw = Sqlite.open({ filename: file }) as unknown as Database.Database
  await Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const { outbox } = yield* Sqlite.make({ filename: file })
        const delivered = raw.prepare(
          "UPDATE metodika_outbox SET status = 'delivered', claimed_by = NULL, lease_until = NULL WHERE status = 'claimed'",
        )
        const drain = Effect.gen(function* () {
          insertPending(raw, DUE, Date.now() - 1_000)
          let claims = 0
          let millis = 0
          for (;;) {
            const start = performance.now()
            const batch = yield* outbox.claim({ workerId: "w", limit: BATCH, leaseMillis: LEASE })
            millis += performance.now() - start
            claims++
            if (batch.length === 0) break
            // Sent: settled outside the clock, as the dispatcher settles each message.
            delivered.run()
          }
          return perSecond(claims, millis)
        })
        const idle = Effect.gen(function* () {
          const start = performance.now()
          for (let k = 0; k < IDLE_POLLS; k++) {
            yield* outbox.claim({ workerId: "w", limit: BATCH, leaseMillis: LEASE })
          }
          return perSecond(IDLE_POLLS, performance.now() - start)
        })
        yield* drain
        yield* idle
        console.log(
          `SQLite file, ${DELIVERED} delivered and ${WAITING} waiting messages of about ${Math.round(payload(0).length / 1024)} KB, median of ${ROUNDS} runs:`,
        )
        yield* Effect.promise(() =>
          compare(ROUNDS, [
            {
              label: `drain ${DUE} due, ${BATCH} a claim (claims/s)`,
              run: () => Effect.runPromise(drain),
            },
          ]),
        )
        yield* Effect.promise(() =>
          compare(ROUNDS, [
            { label: "poll with nothing due (claims/s)", run: () => Effect.runPromise(idle) },
          ]),
        )
      }),
    ),
  ).finally(() => raw.close())
}

try {
  await run()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
