/**
 * Runs the store's migrations once and prints what it applied, as JSON; the migration
 * test starts several of these at the same instant.
 *
 *   node --conditions=@metodika/source migrate-child.ts sqlite <file>
 *   node --conditions=@metodika/source migrate-child.ts postgres <url> <schema>
 */
import Database from "better-sqlite3"
import { Effect } from "effect"
import { Kysely, PostgresDialect, SqliteDialect } from "kysely"
import pg from "pg"
import * as Migrations from "../src/Migrations.ts"

const [dialect, target, schema] = process.argv.slice(2)
const db =
  dialect === "sqlite"
    ? new Kysely({
        dialect: new SqliteDialect({ database: new Database(target!, { timeout: 10_000 }) }),
      })
    : new Kysely({
        dialect: new PostgresDialect({
          pool: new pg.Pool({
            connectionString: target!,
            max: 1,
            options: `-c search_path=${schema}`,
          }),
        }),
      })

Effect.runPromise(Migrations.migrate(db, dialect === "sqlite" ? "sqlite" : "postgres"))
  .then((migrated) => {
    process.stdout.write(`${JSON.stringify(migrated)}\n`)
    return db.destroy()
  })
  .catch((error) => {
    process.stderr.write(`${String(error)} ${String(error?.cause ?? "")}\n`)
    process.exit(1)
  })
