/**
 * The stores every dialect-independent test runs against (`for (const dialect of
 * DIALECTS)`): SQLite in memory, SQLite in a file, SQLite through an integrator's own
 * Kysely instance, and PostgreSQL. Each `makeLayer()` gives an empty store of its own:
 * a new memory database, a new file in a new temporary directory, or a new schema on
 * the PostgreSQL server.
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import { Effect, Layer } from "effect"
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from "kysely"
import pg from "pg"
import * as Postgres from "../src/postgres.ts"
import type * as SqlStore from "../src/SqlStore.ts"
import * as Sqlite from "../src/sqlite.ts"
import { scopedSchema } from "./Postgres.ts"

/** One store to test. */
export interface TestDialect {
  readonly name: string
  readonly dialect: "sqlite" | "postgres"
  readonly makeLayer: () => Layer.Layer<SqlStore.Services, unknown>
}

/** A fresh temporary directory, removed when the scope closes. */
export const scopedTempDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(join(tmpdir(), "metodika-sqlite-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true })),
)

/** SQLite in a new file of a new temporary directory. */
export const sqliteFile = (): Layer.Layer<SqlStore.Services, unknown> =>
  Layer.unwrap(
    Effect.map(scopedTempDir, (dir) => Sqlite.layer({ filename: join(dir, "metodika.db") })),
  )

/** PostgreSQL in a new schema of the test server. */
export const postgres = (poolSize = 8): Layer.Layer<SqlStore.Services, unknown> =>
  Layer.unwrap(
    Effect.map(scopedSchema(), (s) => Postgres.layer({ url: s.url, schema: s.schema, poolSize })),
  )

/** SQLite through a Kysely instance the test owns, as an integrator would pass it in. */
export const sqliteKysely = (): Layer.Layer<SqlStore.Services, unknown> =>
  Layer.unwrap(
    Effect.map(
      Effect.acquireRelease(
        // An integrator's instance may carry plugins; the store must not be affected by them.
        Effect.sync(
          () =>
            new Kysely({
              dialect: new SqliteDialect({ database: new Database(":memory:") }),
              plugins: [new CamelCasePlugin()],
            }),
        ),
        (db) => Effect.promise(() => db.destroy()),
      ),
      (db) => Sqlite.layerFromKysely(db),
    ),
  )

/** PostgreSQL through a Kysely instance (and pool) the test owns, in a new schema. */
export const postgresKysely = (): Layer.Layer<SqlStore.Services, unknown> =>
  Layer.unwrap(
    Effect.gen(function* () {
      const s = yield* scopedSchema()
      const db = yield* Effect.acquireRelease(
        Effect.sync(
          () =>
            new Kysely({
              dialect: new PostgresDialect({
                pool: new pg.Pool({
                  connectionString: s.url,
                  max: 4,
                  options: `-c search_path=${s.schema}`,
                }),
              }),
            }),
        ),
        (db) => Effect.promise(() => db.destroy()),
      )
      return Postgres.layerFromKysely(db)
    }),
  )

/** Every store. */
export const DIALECTS: ReadonlyArray<TestDialect> = [
  {
    name: "SQLite :memory:",
    dialect: "sqlite",
    makeLayer: () => Sqlite.layer({ filename: ":memory:" }),
  },
  { name: "SQLite file", dialect: "sqlite", makeLayer: sqliteFile },
  { name: "SQLite via an existing Kysely", dialect: "sqlite", makeLayer: sqliteKysely },
  { name: "PostgreSQL", dialect: "postgres", makeLayer: () => postgres() },
  { name: "PostgreSQL via an existing Kysely", dialect: "postgres", makeLayer: postgresKysely },
]
