import { describe, expect, it } from "vitest"
import * as Errors from "./Errors.ts"

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code })

describe("Errors", () => {
  it("recognises unique violations of both drivers", () => {
    expect(Errors.isUniqueViolation(withCode("23505"))).toBe(true)
    expect(Errors.isUniqueViolation(withCode("SQLITE_CONSTRAINT_UNIQUE"))).toBe(true)
    expect(Errors.isUniqueViolation(withCode("SQLITE_CONSTRAINT_PRIMARYKEY"))).toBe(true)
    expect(Errors.isUniqueViolation(withCode("SQLITE_CONSTRAINT_CHECK"))).toBe(false)
    expect(Errors.isUniqueViolation(withCode("23503"))).toBe(false)
    expect(Errors.isUniqueViolation("23505")).toBe(false)
  })

  it("treats serialisation failures, deadlocks and a busy SQLite as transient", () => {
    for (const code of [
      "40001",
      "40P01",
      "55P03",
      "SQLITE_BUSY",
      "SQLITE_BUSY_SNAPSHOT",
      "SQLITE_LOCKED",
    ]) {
      expect(Errors.isTransient(withCode(code))).toBe(true)
    }
    expect(Errors.isTransient(withCode("23505"))).toBe(false)
    expect(Errors.isTransient(new Error("no code"))).toBe(false)
  })

  it("recognises lost connections", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "57P01", "08006", "SQLITE_CANTOPEN"]) {
      expect(Errors.isConnectionError(withCode(code))).toBe(true)
    }
    expect(Errors.isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true)
    expect(Errors.isConnectionError(withCode("23505"))).toBe(false)
  })

  it("maps database corruption to CorruptData and everything else to StoreUnavailable, keeping the cause", () => {
    const damaged = withCode("SQLITE_CORRUPT", "database disk image is malformed")
    const corrupt = Errors.fromDriver("readAll")(damaged)
    expect(corrupt._tag).toBe("CorruptData")
    expect(corrupt.cause).toBe(damaged)
    expect(Errors.fromDriver("readAll")(withCode("XX001"))._tag).toBe("CorruptData")

    const refused = withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1")
    const unavailable = Errors.fromDriver("append")(refused)
    expect(unavailable).toMatchObject({ _tag: "StoreUnavailable", operation: "append" })
    expect(unavailable.cause).toBe(refused)
    expect(unavailable.message).toContain("ECONNREFUSED")
  })
})
