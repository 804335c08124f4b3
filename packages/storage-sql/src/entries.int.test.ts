import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { EventStore, Ids } from "@metodika/core"
import { Config, ConfigProvider, Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { freshSchema } from "../test/Postgres.ts"
import * as Postgres from "./postgres.ts"
import * as Sqlite from "./sqlite.ts"

/** Every bare module specifier a source file reaches through its relative imports. */
const reachablePackages = (entry: string): Set<string> => {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, "utf8")
    for (const match of text.matchAll(
      /^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+"([^"]+)"/gms,
    )) {
      const specifier = match[1]!
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier))
      else packages.add(specifier)
    }
  }
  visit(entry)
  return packages
}

describe("entry points", () => {
  it("the root entry loads no database driver; each subpath loads only its own", () => {
    const root = reachablePackages(join(import.meta.dirname, "index.ts"))
    expect([...root].filter((p) => p === "pg" || p === "better-sqlite3")).toEqual([])
    const sqlite = reachablePackages(join(import.meta.dirname, "sqlite.ts"))
    expect(sqlite.has("better-sqlite3")).toBe(true)
    expect(sqlite.has("pg")).toBe(false)
    const postgres = reachablePackages(join(import.meta.dirname, "postgres.ts"))
    expect(postgres.has("pg")).toBe(true)
    expect(postgres.has("better-sqlite3")).toBe(false)
  })

  const appendOne = Effect.flatMap(EventStore.EventStore, (store) =>
    store.append({
      streamId: Ids.StreamId.make("s"),
      streamType: "t",
      expectedVersion: 0,
      events: [{ id: Ids.EventId.make("e"), type: "T", data: {}, metadata: {} }],
    }),
  )

  it("Sqlite.layerConfig reads its options from Effect Config", async () => {
    const config = ConfigProvider.fromUnknown({ METODIKA_SQLITE_FILE: ":memory:" })
    const result = await Effect.runPromise(
      appendOne.pipe(
        Effect.provide(
          Sqlite.layerConfig({ filename: Config.String("METODIKA_SQLITE_FILE") }).pipe(
            Layer.provide(ConfigProvider.layer(config)),
          ),
        ),
      ),
    )
    expect(result.version).toBe(1)
  })

  it("Postgres.layerConfig reads a redacted URL and the pool size from Effect Config", async () => {
    const schema = await freshSchema()
    try {
      const config = ConfigProvider.fromUnknown({
        DATABASE_URL: schema.url,
        POOL_SIZE: "2",
        SCHEMA: schema.schema,
      })
      const result = await Effect.runPromise(
        appendOne.pipe(
          Effect.provide(
            Postgres.layerConfig({
              url: Config.Redacted("DATABASE_URL"),
              poolSize: Config.Int("POOL_SIZE"),
              schema: Config.String("SCHEMA"),
            }).pipe(Layer.provide(ConfigProvider.layer(config))),
          ),
        ),
      )
      expect(result.version).toBe(1)
    } finally {
      await schema.drop()
    }
  })
})
