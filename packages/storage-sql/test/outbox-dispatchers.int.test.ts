import { Ids, Outbox } from "@metodika/core"
import { Effect } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import * as Postgres from "../src/postgres.ts"
import { type FreshSchema, freshSchema } from "./Postgres.ts"

const MESSAGES = 1_000
const DISPATCHERS = 4

let schema: FreshSchema | undefined
afterEach(async () => {
  await schema?.drop()
  schema = undefined
})

describe("outbox dispatchers on PostgreSQL", () => {
  it(`${DISPATCHERS} dispatchers, each with its own pool, claim ${MESSAGES} messages at once: each message is claimed by exactly one of them within its lease`, async () => {
    schema = await freshSchema()
    const options = { url: schema.url, schema: schema.schema, poolSize: 3 }
    await Effect.runPromise(
      Effect.flatMap(Outbox.Outbox, (outbox) =>
        outbox.enqueue(
          Array.from({ length: MESSAGES }, (_, i) => ({
            id: Ids.MessageId.make(`m-${i}`),
            channel: i % 3 === 0 ? "webhook" : "email",
            recipient: `teacher-${i}@school.example`,
            payload: { номер: i },
          })),
        ),
      ).pipe(Effect.provide(Postgres.layer(options))),
    )

    const claims = new Map<string, Array<string>>()
    const rounds = new Map<string, number>()
    const dispatcher = (workerId: string) =>
      Effect.gen(function* () {
        const outbox = yield* Outbox.Outbox
        for (;;) {
          const batch = yield* outbox.claim({ workerId, limit: 20, leaseMillis: 120_000 })
          if (batch.length === 0) return
          rounds.set(workerId, (rounds.get(workerId) ?? 0) + 1)
          for (const m of batch) {
            expect(m.claimedBy).toBe(workerId)
            expect(m.attempts).toBe(1)
            claims.set(m.id, [...(claims.get(m.id) ?? []), workerId])
          }
          yield* Effect.forEach(batch, (m) => outbox.markDelivered(m.id, workerId), {
            concurrency: 3,
            discard: true,
          })
        }
      }).pipe(Effect.provide(Postgres.layer(options)))

    await Effect.runPromise(
      Effect.all(
        Array.from({ length: DISPATCHERS }, (_, d) => dispatcher(`dispatcher-${d}`)),
        { concurrency: "unbounded", discard: true },
      ),
    )

    expect(claims.size).toBe(MESSAGES)
    const doubled = [...claims].filter(([, holders]) => holders.length !== 1)
    expect(doubled).toEqual([])
    // All four took part: the claims really ran side by side.
    expect(rounds.size).toBe(DISPATCHERS)

    const delivered = await Effect.runPromise(
      Effect.flatMap(Outbox.Outbox, (outbox) => outbox.list("delivered")).pipe(
        Effect.provide(Postgres.layer({ ...options, migrate: false })),
      ),
    )
    expect(delivered).toHaveLength(MESSAGES)
    expect(delivered.every((m) => m.attempts === 1 && m.claimedBy === undefined)).toBe(true)
  }, 120_000)
})
