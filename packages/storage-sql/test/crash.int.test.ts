import { spawn } from "node:child_process"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { EventStore, Ids, Outbox } from "@metodika/core"
import Database from "better-sqlite3"
import { Effect, type Layer } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import * as Postgres from "../src/postgres.ts"
import type * as SqlStore from "../src/SqlStore.ts"
import * as Sqlite from "../src/sqlite.ts"
import { scopedTempDir } from "./dialects.ts"
import { type FreshSchema, freshSchema } from "./Postgres.ts"

const child = join(import.meta.dirname, "crash-child.ts")

interface Committed {
  readonly streamId: string
  readonly version: number
  readonly ids: ReadonlyArray<string>
}

/** Runs the child until it has reported `appends` commits, then kills it with SIGKILL. */
const runAndKill = (args: ReadonlyArray<string>, appends: number): Promise<Array<Committed>> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--conditions=@metodika/source", child, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    })
    const committed: Array<Committed> = []
    let stderr = ""
    let killed = false
    proc.stderr.on("data", (chunk) => {
      stderr += String(chunk)
    })
    createInterface({ input: proc.stdout }).on("line", (line) => {
      const [tag, streamId, version, ids] = line.split(" ")
      if (tag !== "ok") return
      committed.push({ streamId: streamId!, version: Number(version), ids: ids!.split(",") })
      if (!killed && committed.length >= appends) {
        killed = true
        proc.kill("SIGKILL")
      }
    })
    proc.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(committed)
      else reject(new Error(`child exited with ${code} before it was killed: ${stderr}`))
    })
  })

/** Checks the store after a crash and returns how many events it holds. */
const checkConsistent = (
  layer: Layer.Layer<SqlStore.Services, unknown>,
  committed: ReadonlyArray<Committed>,
) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* EventStore.EventStore
      const outbox = yield* Outbox.Outbox
      const all: Array<EventStore.StoredEvent> = []
      for (;;) {
        const page = yield* store.readAll({ after: all.at(-1)?.position ?? 0, limit: 1000 })
        if (page.length === 0) break
        all.push(...page)
      }
      const byId = new Map(all.map((e) => [e.id as string, e]))
      // Every append the child reported is there, at the version it was given.
      for (const c of committed) {
        c.ids.forEach((id, k) => {
          const e = byId.get(id)
          expect(e, `committed event ${id}`).toBeDefined()
          expect(e?.streamId).toBe(c.streamId)
          expect(e?.version).toBe(c.version - 2 + k)
        })
      }
      // Streams are whole: versions 1..n, batches of three, positions increasing.
      const streams = new Map<string, Array<EventStore.StoredEvent>>()
      for (const e of all) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e])
      for (const [streamId, events] of streams) {
        expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1))
        expect(events.length % 3).toBe(0)
        expect(events).toEqual(yield* store.readStream(Ids.StreamId.make(streamId)))
      }
      expect(all.every((e, i) => i === 0 || e.position > all[i - 1]!.position)).toBe(true)
      // Events and their outbox messages were recorded together or not at all.
      const pending = yield* outbox.list("pending")
      const batches = new Set(all.map((e) => e.id.replace(/-\d$/, "")))
      expect(new Set(pending.map((m) => m.id.replace(/-[ab]$/, "")))).toEqual(batches)
      expect(pending).toHaveLength(batches.size * 2)
      // The store goes on accepting appends.
      const [first] = streams.keys()
      if (first !== undefined) {
        yield* store.append({
          streamId: Ids.StreamId.make(first),
          streamType: "crash",
          expectedVersion: streams.get(first)!.length,
          events: [0, 1, 2].map((k) => ({
            id: Ids.EventId.make(`after${all.length}-${k}`),
            type: "Written",
            data: {},
            metadata: {},
          })),
          outbox: ["a", "b"].map((x) => ({
            id: Ids.MessageId.make(`after${all.length}-${x}`),
            channel: "email",
            recipient: "методист@school.example",
            payload: {},
          })),
        })
      }
      return all.length
    }).pipe(Effect.provide(layer)),
  )

let schema: FreshSchema | undefined
afterEach(async () => {
  await schema?.drop()
  schema = undefined
})

describe("a process killed in the middle of appends", () => {
  it("SQLite file: leaves the store consistent and every committed event readable", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const dir = yield* scopedTempDir
          const file = join(dir, "crash.db")
          let total = 0
          for (const run of ["r1", "r2", "r3"]) {
            const committed = yield* Effect.promise(() =>
              runAndKill(["sqlite", file, run], 150 + (total % 50)),
            )
            expect(committed.length).toBeGreaterThanOrEqual(150)
            const count = yield* Effect.promise(() =>
              checkConsistent(Sqlite.layer({ filename: file }), committed),
            )
            expect(count).toBeGreaterThanOrEqual(total + committed.length * 3)
            total = count + 3
          }
          const db = new Database(file, { readonly: true })
          try {
            expect(db.pragma("integrity_check", { simple: true })).toBe("ok")
          } finally {
            db.close()
          }
        }),
      ),
    )
  }, 120_000)

  it("PostgreSQL: leaves the store consistent and every committed event readable", async () => {
    schema = await freshSchema()
    let total = 0
    for (const run of ["r1", "r2"]) {
      const committed = await runAndKill(["postgres", schema.url, schema.schema, run], 100)
      expect(committed.length).toBeGreaterThanOrEqual(100)
      const count = await checkConsistent(
        Postgres.layer({ url: schema.url, schema: schema.schema, poolSize: 2 }),
        committed,
      )
      expect(count).toBeGreaterThanOrEqual(total + committed.length * 3)
      total = count + 3
    }
  }, 120_000)
})
