/**
 * The storage of the demo: `--db` names a SQLite file or a PostgreSQL URL, and both give
 * the same `EventStore` and `Outbox` from `@metodika/storage-sql`. A run starts from an
 * empty store (the SQLite file is removed, the PostgreSQL schema dropped and created
 * again), so two runs with the same seed give the same figures.
 *
 * @module
 */
import { mkdirSync, rmSync } from "node:fs"
import { dirname } from "node:path"
import * as Postgres from "@metodika/storage-sql/postgres"
import * as Sqlite from "@metodika/storage-sql/sqlite"

/** Whether `db` is a PostgreSQL connection string. */
export const isPostgres = (db: string): boolean => /^postgres(ql)?:\/\//.test(db)

/** The schema a PostgreSQL run uses (`?schema=` in the URL, `district_year` by default). */
export const schemaOf = (db: string): { readonly url: string; readonly schema: string } => {
  const url = new URL(db)
  const schema = url.searchParams.get("schema") ?? "district_year"
  url.searchParams.delete("schema")
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
    throw new Error(`the schema must be a plain identifier, got ${JSON.stringify(schema)}`)
  }
  return { url: url.toString(), schema }
}

/**
 * Empties the store `db` names: removes the SQLite file (and its WAL files), or drops and
 * recreates the PostgreSQL schema. Fails with a readable message when PostgreSQL is absent.
 */
export const reset = async (db: string): Promise<void> => {
  if (!isPostgres(db)) {
    if (db === ":memory:") return
    mkdirSync(dirname(db), { recursive: true })
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true })
    return
  }
  const { url, schema } = schemaOf(db)
  const client = Postgres.makePool({ url, poolSize: 1, connectionTimeoutMillis: 5000 })
  try {
    await client.query("select 1")
  } catch (error) {
    await client.end()
    throw new Error(
      `cannot connect to PostgreSQL at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}. Start PostgreSQL or pass a SQLite path to --db.`,
    )
  }
  try {
    await client.query(`drop schema if exists ${schema} cascade`)
    await client.query(`create schema ${schema}`)
  } finally {
    await client.end()
  }
}

/** Drops a PostgreSQL schema (the tests clean up after themselves). */
export const drop = async (db: string): Promise<void> => {
  const { url, schema } = schemaOf(db)
  const client = Postgres.makePool({ url, poolSize: 1 })
  try {
    await client.query(`drop schema if exists ${schema} cascade`)
  } finally {
    await client.end()
  }
}

/** The store's layer for `db`: `EventStore`, `Outbox` and `SqlDatabase`. */
export const layer = (db: string) => {
  if (!isPostgres(db)) return Sqlite.layer({ filename: db })
  const { url, schema } = schemaOf(db)
  return Postgres.layer({ url, schema, poolSize: 4, applicationName: "district-year" })
}
