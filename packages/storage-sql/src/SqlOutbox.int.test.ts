import { Ids, Outbox } from "@metodika/core"
import Database from "better-sqlite3"
import { DateTime, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { Kysely, SqliteDialect } from "kysely"
import { describe, expect, it } from "vitest"
import { DIALECTS } from "../test/dialects.ts"
import * as Sqlite from "./sqlite.ts"

const T0 = 1_000_000_000

const message = (id: string, at: number, channel = "email"): Outbox.NewOutboxMessage => ({
  id: Ids.MessageId.make(id),
  channel,
  recipient: `${id}@school.example`,
  payload: { id },
  notBefore: DateTime.makeUnsafe(T0 + at),
})

const ids = (ms: ReadonlyArray<Outbox.OutboxMessage>) => ms.map((m) => m.id).sort()

for (const dialect of DIALECTS) {
  describe(`SQL outbox claim (${dialect.name})`, () => {
    it("takes due pending messages and claims whose lease ran out together, by next attempt, up to the limit", async () => {
      const outcome = await Effect.runPromise(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* TestClock.setTime(T0)
          yield* outbox.enqueue([
            message("m1", 100),
            message("m2", 300),
            message("m3", 500),
            message("m4", 700),
            message("m5", 200, "webhook"),
            message("m6", 10_000),
          ])
          yield* TestClock.setTime(T0 + 150)
          const first = yield* outbox.claim({ workerId: "w1", limit: 1, leaseMillis: 1_000 })
          yield* TestClock.setTime(T0 + 400)
          // m5 (due at 200) before m2 (due at 300); its lease runs out at 410.
          const second = yield* outbox.claim({ workerId: "w1", limit: 1, leaseMillis: 10 })
          yield* TestClock.setTime(T0 + 2_000)
          // Due now: m1 (claimed at 150), m2 (300), m5 (claimed at 400), m3 (500), m4 (700).
          const webhooks = yield* outbox.claim({
            workerId: "w2",
            limit: 5,
            leaseMillis: 60_000,
            channels: ["webhook"],
          })
          const three = yield* outbox.claim({ workerId: "w2", limit: 3, leaseMillis: 60_000 })
          const rest = yield* outbox.claim({ workerId: "w2", limit: 10, leaseMillis: 60_000 })
          return { first, second, webhooks, three, rest }
        }).pipe(
          Effect.provide(Layer.mergeAll(dialect.makeLayer(), TestClock.layer())),
          Effect.orDie,
        ),
      )
      expect(ids(outcome.first)).toEqual(["m1"])
      expect(ids(outcome.second)).toEqual(["m5"])
      expect(outcome.webhooks.map((m) => [m.id, m.attempts])).toEqual([["m5", 2]])
      expect(ids(outcome.three)).toEqual(["m1", "m2", "m3"])
      expect(outcome.three.find((m) => m.id === "m1")?.attempts).toBe(2)
      expect(ids(outcome.rest)).toEqual(["m4"])
    })
  })
}

describe("SQL outbox claim on SQLite", () => {
  it("picks each status on its partial index, never scanning the table or the status index", async () => {
    const handle = new Database(":memory:")
    const statements: Array<{ readonly sql: string; readonly parameters: ReadonlyArray<unknown> }> =
      []
    const db = new Kysely({
      dialect: new SqliteDialect({ database: handle }),
      log: (event) => {
        if (
          event.level === "query" &&
          /^\s*update metodika_outbox\s+set status = 'claimed'/.test(event.query.sql)
        ) {
          statements.push({ sql: event.query.sql, parameters: event.query.parameters })
        }
      },
    })
    try {
      await Effect.runPromise(
        Effect.gen(function* () {
          const outbox = yield* Outbox.Outbox
          yield* outbox.claim({ workerId: "w", limit: 20, leaseMillis: 1_000 })
          yield* outbox.claim({ workerId: "w", limit: 20, leaseMillis: 1_000, channels: ["email"] })
        }).pipe(Effect.provide(Sqlite.layerFromKysely(db)), Effect.orDie),
      )
      expect(statements).toHaveLength(2)
      for (const statement of statements) {
        const plan = handle
          .prepare(`explain query plan ${statement.sql}`)
          .all(...statement.parameters)
          .map((row) => (row as { readonly detail: string }).detail)
        expect(plan).toContainEqual(expect.stringContaining("USING INDEX metodika_outbox_claimed"))
        expect(plan.some((d) => /USING (COVERING )?INDEX metodika_outbox_pending/.test(d))).toBe(
          true,
        )
        expect(plan.some((d) => d.includes("metodika_outbox_status"))).toBe(false)
        expect(plan.some((d) => /^SCAN metodika_outbox\b/.test(d))).toBe(false)
      }
    } finally {
      await db.destroy()
    }
  })
})
