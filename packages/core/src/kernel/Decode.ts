/**
 * Decoding untrusted input into kernel types. Every refusal is a {@link DecodeError}
 * value that lists every problem with its path in readable text; nothing throws.
 *
 * @module
 */
import { Result, Schema, SchemaIssue } from "effect"

/** One problem found in the input: where it is and what was expected. */
export const DecodeIssue = Schema.Struct({
  /** The path to the offending value, as `a.b[0].c`; empty for the input itself. */
  path: Schema.String,
  /** What was expected there, in readable text. */
  message: Schema.String,
})
/** @see DecodeIssue */
export type DecodeIssue = typeof DecodeIssue.Type

/** Untrusted input that is not a valid value of the named type; lists every problem. */
export class DecodeError extends Schema.TaggedError<DecodeError>()("DecodeError", {
  /** The type that was being decoded (`"District"`, `"Settings"`). */
  type: Schema.String,
  /** Every problem found, in input order. */
  issues: Schema.Array(DecodeIssue),
}) {
  override get message(): string {
    return `${this.type} is invalid: ${this.issues
      .map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`))
      .join("; ")}`
  }
}

const standard = SchemaIssue.makeFormatterStandardSchemaV1()

const renderPath = (path: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>): string =>
  path
    .map((segment) => (typeof segment === "object" ? segment.key : segment))
    .map((key, i) =>
      typeof key === "number"
        ? `[${key}]`
        : typeof key === "symbol"
          ? `[${String(key)}]`
          : /^[A-Za-z_$][\w$]*$/.test(key)
            ? i === 0
              ? key
              : `.${key}`
            : `[${JSON.stringify(key)}]`,
    )
    .join("")

/** The readable issues of a schema error, one per problem. */
export const issuesOf = (error: Schema.SchemaError): ReadonlyArray<DecodeIssue> => {
  const formatted = standard(error.issue).issues
  return formatted.length === 0
    ? [{ path: "", message: error.message }]
    : formatted.map((i) => ({ path: renderPath(i.path ?? []), message: i.message }))
}

/**
 * A decoder for `schema` that reports every problem and refuses excess properties.
 *
 * @example
 * const decodeDistrict = decode(District.District, "District")
 * decodeDistrict(JSON.parse(body)) // Result<District, DecodeError>
 */
export const decode =
  <S extends Schema.ConstraintDecoder<unknown>>(schema: S, type: string) =>
  (input: unknown): Result.Result<S["Type"], DecodeError> => {
    let result: Result.Result<S["Type"], Schema.SchemaError>
    try {
      result = Schema.decodeUnknownResult(schema)(input, {
        errors: "all",
        onExcessProperty: "error",
      })
    } catch (cause) {
      // A hostile input (a proxy or a throwing getter) must still come back as a value.
      return Result.fail(
        new DecodeError({
          type,
          issues: [{ path: "", message: `the input could not be read: ${String(cause)}` }],
        }),
      )
    }
    return Result.isSuccess(result)
      ? Result.succeed(result.success)
      : Result.fail(new DecodeError({ type, issues: issuesOf(result.failure) }))
  }
