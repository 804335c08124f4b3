import { execFile } from "node:child_process"
import { join } from "node:path"
import { promisify } from "node:util"
import { Effect } from "effect"
import { sql } from "kysely"
import { afterEach, describe, expect, it } from "vitest"
import { DIALECTS, scopedTempDir } from "../test/dialects.ts"
import { type FreshSchema, freshSchema } from "../test/Postgres.ts"
import * as Migrations from "./Migrations.ts"
import { SqlDatabase } from "./SqlDatabase.ts"

const run = promisify(execFile)
const child = join(import.meta.dirname, "..", "test", "migrate-child.ts")

/** Starts `n` processes that migrate the same database at the same instant. */
const migrateAtOnce = async (n: number, args: ReadonlyArray<string>) => {
  const outputs = await Promise.all(
    Array.from({ length: n }, () =>
      run(process.execPath, ["--conditions=@metodika/source", child, ...args]),
    ),
  )
  return outputs.map((o) => JSON.parse(o.stdout) as Migrations.Migrated)
}

const expectOneApplied = (results: ReadonlyArray<Migrations.Migrated>) => {
  expect(results.filter((r) => r.applied.length === 1)).toHaveLength(1)
  expect(results.filter((r) => r.applied.length === 0)).toHaveLength(results.length - 1)
}

for (const dialect of DIALECTS) {
  describe(`migrations (${dialect.name})`, () => {
    it("running them again applies nothing and keeps the data", async () => {
      const result = await Effect.runPromise(
        Effect.gen(function* () {
          const database = yield* SqlDatabase
          yield* Effect.promise(() =>
            sql`insert into metodika_projections (name, position, updated_at) values ('kept', 7, 0)`.execute(
              database.kysely,
            ),
          )
          const again = yield* Migrations.migrate(database.kysely, database.dialect)
          const twice = yield* Migrations.migrate(database.kysely, database.dialect)
          const kept = yield* Effect.promise(() =>
            sql<{
              position: number | string
            }>`select position from metodika_projections where name = 'kept'`.execute(
              database.kysely,
            ),
          )
          return { again, twice, kept: Number(kept.rows[0]?.position) }
        }).pipe(Effect.provide(dialect.makeLayer())),
      )
      expect(result.again.applied).toEqual([])
      expect(result.twice.applied).toEqual([])
      expect(result.kept).toBe(7)
    })
  })
}

describe("migrations from several processes at once", () => {
  let schema: FreshSchema | undefined
  afterEach(async () => {
    await schema?.drop()
    schema = undefined
  })

  it("SQLite file: exactly one process applies them, the others wait and find nothing to do", async () => {
    await Effect.runPromise(
      Effect.scoped(
        Effect.flatMap(scopedTempDir, (dir) =>
          Effect.promise(async () => {
            const file = join(dir, "m.db")
            expectOneApplied(await migrateAtOnce(3, ["sqlite", file]))
            expect((await migrateAtOnce(1, ["sqlite", file])).map((r) => r.applied)).toEqual([[]])
          }),
        ),
      ),
    )
  }, 60_000)

  it("PostgreSQL: exactly one process applies them, the others wait and find nothing to do", async () => {
    schema = await freshSchema()
    expectOneApplied(await migrateAtOnce(3, ["postgres", schema.url, schema.schema]))
    expect(
      (await migrateAtOnce(1, ["postgres", schema.url, schema.schema])).map((r) => r.applied),
    ).toEqual([[]])
  }, 60_000)
})
