/**
 * The process the crash test kills: it appends batches (three events and two outbox
 * messages each) to twenty streams as fast as it can and prints one line per committed
 * append, until it is killed with SIGKILL. Writes to a pipe are synchronous on Linux,
 * so every printed line is an append that had committed.
 *
 *   node --conditions=@metodika/source crash-child.ts sqlite <file> <run>
 *   node --conditions=@metodika/source crash-child.ts postgres <url> <schema> <run>
 */
import { EventStore, Ids } from "@metodika/core"
import { Effect, type Layer } from "effect"
import * as Postgres from "../src/postgres.ts"
import type * as SqlStore from "../src/SqlStore.ts"
import * as Sqlite from "../src/sqlite.ts"

const [dialect, target, third, fourth] = process.argv.slice(2)
const run = dialect === "sqlite" ? third : fourth
const layer: Layer.Layer<SqlStore.Services, unknown> =
  dialect === "sqlite"
    ? Sqlite.layer({ filename: target! })
    : Postgres.layer({ url: target!, schema: third!, poolSize: 4 })

const STREAMS = 20

const program = Effect.gen(function* () {
  const store = yield* EventStore.EventStore
  const versions: Array<number> = []
  for (let s = 0; s < STREAMS; s++) {
    versions.push((yield* store.readStream(Ids.StreamId.make(`crash-${s}`))).length)
  }
  process.stdout.write("ready\n")
  const deadline = Date.now() + 60_000
  for (let seq = 0; Date.now() < deadline; seq++) {
    const s = seq % STREAMS
    const ids = [0, 1, 2].map((k) => `${run}-${seq}-${k}`)
    const result = yield* store.append({
      streamId: Ids.StreamId.make(`crash-${s}`),
      streamType: "crash",
      expectedVersion: versions[s]!,
      events: ids.map((id, k) => ({
        id: Ids.EventId.make(id),
        type: "Written",
        data: { run, seq, k, текст: "запись" },
        metadata: { command: "Write" },
      })),
      outbox: ["a", "b"].map((x) => ({
        id: Ids.MessageId.make(`${run}-${seq}-${x}`),
        channel: "email",
        recipient: "методист@school.example",
        payload: { seq, x },
      })),
    })
    versions[s] = result.version
    process.stdout.write(`ok crash-${s} ${result.version} ${ids.join(",")}\n`)
  }
})

Effect.runPromise(program.pipe(Effect.provide(layer))).catch((error) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
