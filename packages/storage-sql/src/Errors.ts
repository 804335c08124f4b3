/**
 * How errors of the database drivers become the core's typed errors. A unique
 * violation is a concurrency signal (the store then finds out whether it was a version
 * conflict, a re-sent batch or a duplicate id); a transient failure (lock contention,
 * serialisation failure, deadlock, SQLite busy) is retried; corruption reported by the
 * database, or stored data that cannot be decoded, is `CorruptData`; everything else is
 * `StoreUnavailable`. The driver's error is always kept as `cause`.
 *
 * Both drivers put a code on their errors: better-sqlite3 an extended result code
 * (`SQLITE_CONSTRAINT_UNIQUE`), pg a five-character SQLSTATE (`23505`) or a Node
 * system error code (`ECONNREFUSED`).
 *
 * @module
 */
import { EventStore } from "@metodika/core"

/** The driver's error code, when it has one (`"23505"`, `"SQLITE_BUSY"`, `"ECONNREFUSED"`). */
export const codeOf = (cause: unknown): string | undefined => {
  if (typeof cause !== "object" || cause === null) return undefined
  const code = (cause as { readonly code?: unknown }).code
  return typeof code === "string" ? code : undefined
}

/** A unique or primary-key constraint refused a row. */
export const isUniqueViolation = (cause: unknown): boolean => {
  const code = codeOf(cause)
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  )
}

/**
 * A failure that goes away when the transaction is run again: serialisation failure,
 * deadlock, lock timeout (PostgreSQL), busy or locked database (SQLite).
 */
export const isTransient = (cause: unknown): boolean => {
  const code = codeOf(cause)
  if (code === undefined) return false
  return (
    code === "40001" ||
    code === "40P01" ||
    code === "55P03" ||
    code.startsWith("SQLITE_BUSY") ||
    code.startsWith("SQLITE_LOCKED")
  )
}

/** The database says its files or indexes are damaged. */
export const isCorruption = (cause: unknown): boolean => {
  const code = codeOf(cause)
  return (
    code === "XX001" ||
    code === "XX002" ||
    code === "SQLITE_CORRUPT" ||
    code === "SQLITE_NOTADB" ||
    (code?.startsWith("SQLITE_CORRUPT_") ?? false)
  )
}

const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "SQLITE_CANTOPEN",
])

/**
 * The database cannot be reached: refused or dropped connection, server shutting down
 * (`57P0x`), connection exceptions (`08xxx`), or a SQLite file that cannot be opened.
 */
export const isConnectionError = (cause: unknown): boolean => {
  const code = codeOf(cause)
  if (code !== undefined) {
    return connectionCodes.has(code) || code.startsWith("08") || code.startsWith("57P0")
  }
  return (
    cause instanceof Error &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      cause.message,
    )
  )
}

/**
 * Maps a driver error of `operation` to the core's error: `CorruptData` when the
 * database reports corruption, `StoreUnavailable` otherwise. The error is kept as
 * `cause`.
 */
export const fromDriver =
  (operation: string) =>
  (cause: unknown): EventStore.StoreUnavailable | EventStore.CorruptData =>
    isCorruption(cause)
      ? new EventStore.CorruptData({
          detail: `the database reports damage during ${operation}`,
          cause,
        })
      : new EventStore.StoreUnavailable({ operation, cause })

/** Stored data that cannot be read as what it claims to be. */
export const corrupt = (detail: string, cause?: unknown): EventStore.CorruptData =>
  new EventStore.CorruptData(cause === undefined ? { detail } : { detail, cause })
