/**
 * PostgreSQL for the tests: `requirePostgres` checks that the server at
 * `METODIKA_PG_URL` answers and fails with a clear message when it does not (the tests
 * never skip); `freshSchema` and `freshDatabase` give each test a schema or a database
 * of its own, with a random name, so runs never collide, even in parallel or on a shared
 * server.
 *
 * These helpers use pg directly, which is why they live here and not in
 * `@metodika/testing` (pg is not a dependency of that package).
 *
 * @module
 */
import { randomBytes } from "node:crypto"
import { Effect } from "effect"
import pg from "pg"

/** The server the tests use. */
export const url = (): string =>
  process.env.METODIKA_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"

const withoutPassword = (u: string): string => {
  try {
    const parsed = new URL(u)
    if (parsed.password !== "") parsed.password = "***"
    return parsed.toString()
  } catch {
    return u
  }
}

let reachable: Promise<string> | undefined

/**
 * Resolves to the server's URL once it answers `select 1`; rejects with
 * "PostgreSQL is not reachable at …; start it or set METODIKA_PG_URL" otherwise.
 * The check runs once per process.
 */
export const requirePostgres = (): Promise<string> => {
  reachable ??= (async () => {
    const target = url()
    const client = new pg.Client({ connectionString: target, connectionTimeoutMillis: 3_000 })
    try {
      await client.connect()
      await client.query("select 1")
      return target
    } catch (cause) {
      reachable = undefined
      throw new Error(
        `PostgreSQL is not reachable at ${withoutPassword(target)}; start it or set METODIKA_PG_URL`,
        { cause },
      )
    } finally {
      await client.end().catch(() => undefined)
    }
  })()
  return reachable
}

const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`

const admin = async <A>(target: string, run: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: target, connectionTimeoutMillis: 3_000 })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A schema of one test. */
export interface FreshSchema {
  readonly url: string
  readonly schema: string
  /** Drops the schema with everything in it. */
  readonly drop: () => Promise<void>
}

/** Creates an empty schema with a unique name on the test server. */
export const freshSchema = async (prefix = "metodika_test"): Promise<FreshSchema> => {
  const target = await requirePostgres()
  const schema = uniqueName(prefix)
  await admin(target, (c) => c.query(`create schema ${schema}`))
  return {
    url: target,
    schema,
    drop: () =>
      admin(target, (c) => c.query(`drop schema if exists ${schema} cascade`)).then(
        () => undefined,
      ),
  }
}

/** A database of one test. */
export interface FreshDatabase {
  /** The URL of the new database. */
  readonly url: string
  readonly database: string
  /** Drops the database, ending its connections. */
  readonly drop: () => Promise<void>
}

/** Creates an empty database with a unique name on the test server. */
export const freshDatabase = async (prefix = "metodika_test"): Promise<FreshDatabase> => {
  const target = await requirePostgres()
  const database = uniqueName(prefix)
  await admin(target, (c) => c.query(`create database ${database}`))
  const u = new URL(target)
  u.pathname = `/${database}`
  return {
    url: u.toString(),
    database,
    drop: () =>
      admin(target, (c) => c.query(`drop database if exists ${database} with (force)`)).then(
        () => undefined,
      ),
  }
}

/** {@link freshSchema} as a scoped Effect: the schema is dropped when the scope closes. */
export const scopedSchema = (prefix?: string) =>
  Effect.acquireRelease(
    Effect.tryPromise({ try: () => freshSchema(prefix), catch: (cause) => cause }),
    (s) => Effect.promise(() => s.drop()),
  )
