/**
 * The port through which rendered reports leave the library: a folder, an object
 * store, a document-management system, a mail attachment. The library ships a
 * filesystem adapter, which writes each file atomically (a temporary file in the same
 * folder, then a rename, so a reader never sees half a report), and an in-memory one
 * for tests. Both refuse names that could escape their folder, with a typed error.
 *
 * @example
 * ```ts
 * const program = Report.publish(document, ["docx", "xlsx", "csv"])
 * await Effect.runPromise(program.pipe(Effect.provide(ReportSink.layerFileSystem("/srv/reports"))))
 * ```
 */
import { randomUUID } from "node:crypto"
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { Context, Effect, Layer, Result, Schema } from "effect"

/** What a sink reports back about a file it has stored. */
export interface WrittenReport {
  /** The name the file was written under, relative to the sink. */
  readonly name: string
  readonly mediaType: string
  /** Size in bytes. */
  readonly size: number
  /** Where the file is, as the sink knows it: an absolute path, a URL, `memory:<name>`. */
  readonly location: string
}

/** Refusal of a file name that is empty, absolute, climbs out of the sink or holds unsafe characters. */
export class InvalidReportName extends Schema.TaggedError<InvalidReportName>()(
  "InvalidReportName",
  {
    name: Schema.String,
    reason: Schema.String,
  },
) {
  override get message(): string {
    return `refused report name ${JSON.stringify(this.name)}: ${this.reason}`
  }
}

/** The sink could not store the file (disk full, permissions, network). */
export class ReportWriteFailed extends Schema.TaggedError<ReportWriteFailed>()(
  "ReportWriteFailed",
  {
    name: Schema.String,
    reason: Schema.String,
  },
) {
  override get message(): string {
    return `could not write report ${JSON.stringify(this.name)}: ${this.reason}`
  }
}

/** Any error of a {@link ReportSink}. */
export type ReportSinkError = InvalidReportName | ReportWriteFailed

/** The port: where rendered reports are written. */
export class ReportSink extends Context.Service<
  ReportSink,
  {
    /**
     * Stores `bytes` under `name` (segments separated by `/`), replacing a file of the
     * same name.
     */
    readonly write: (
      name: string,
      bytes: Uint8Array,
      mediaType: string,
    ) => Effect.Effect<WrittenReport, ReportSinkError>
  }
>()("@metodika/reporting/ReportSink") {}

/** Writes one file through the {@link ReportSink} in context. */
export const write = (
  name: string,
  bytes: Uint8Array,
  mediaType: string,
): Effect.Effect<WrittenReport, ReportSinkError, ReportSink> =>
  ReportSink.use((sink) => sink.write(name, bytes, mediaType))

const SEGMENT = /^[\p{L}\p{N}_][\p{L}\p{N}_ .()+-]*$/u

/**
 * Checks a file name every sink must accept or refuse alike: relative, segments of
 * letters, digits, `_ . ( ) + -` and spaces separated by `/`, no segment `.` or `..`,
 * none longer than 255 characters or ending in a dot or a space (which Windows drops).
 */
export const checkName = (name: string): Result.Result<string, InvalidReportName> => {
  const refuse = (reason: string) => Result.fail(new InvalidReportName({ name, reason }))
  if (name.length === 0) return refuse("empty")
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return refuse("absolute")
  if (name.includes("\\")) return refuse("backslash")
  for (const segment of name.split("/")) {
    if (segment === "." || segment === "..") return refuse("climbs out of the sink")
    if (segment.length === 0) return refuse("empty segment")
    if (segment.length > 255) return refuse("segment longer than 255 characters")
    if (!SEGMENT.test(segment)) return refuse(`unsafe characters in "${segment}"`)
    if (/[. ]$/.test(segment)) return refuse(`segment "${segment}" ends in a dot or a space`)
  }
  return Result.succeed(name)
}

const checked = (name: string): Effect.Effect<string, InvalidReportName> => {
  const result = checkName(name)
  return Result.isSuccess(result) ? Effect.succeed(result.success) : Effect.fail(result.failure)
}

const isInside = (root: string, target: string): boolean =>
  target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep)

/**
 * A sink writing into the folder `dir` (created when missing). Each file is written to
 * a temporary file beside its target, flushed to disk, then renamed over the target,
 * so readers see the old file or the new one, never a part. A name whose resolved
 * folder lies outside `dir`, through `..` or a symbolic link, is refused.
 */
export const makeFileSystem = (dir: string): ReportSink["Service"] => {
  const root = path.resolve(dir)
  return {
    write: (name, bytes, mediaType) =>
      Effect.gen(function* () {
        const safe = yield* checked(name)
        const target = path.resolve(root, ...safe.split("/"))
        if (!isInside(root, target))
          return yield* new InvalidReportName({ name, reason: "climbs out of the sink" })
        const folder = path.dirname(target)
        const fail = (cause: unknown) =>
          new ReportWriteFailed({
            name,
            reason: cause instanceof Error ? cause.message : String(cause),
          })
        yield* Effect.tryPromise({ try: () => fs.mkdir(folder, { recursive: true }), catch: fail })
        const [realRoot, realFolder] = yield* Effect.tryPromise({
          try: () => Promise.all([fs.realpath(root), fs.realpath(folder)]),
          catch: fail,
        })
        if (!isInside(realRoot, realFolder))
          return yield* new InvalidReportName({ name, reason: "a link leads out of the sink" })
        const temporary = path.join(realFolder, `.${path.basename(target)}.${randomUUID()}.tmp`)
        const final = path.join(realFolder, path.basename(target))
        yield* Effect.tryPromise({
          try: async () => {
            const handle = await fs.open(temporary, "wx")
            try {
              await handle.writeFile(bytes)
              await handle.sync()
            } finally {
              await handle.close()
            }
            await fs.rename(temporary, final)
          },
          catch: fail,
        }).pipe(
          Effect.tapError(() =>
            Effect.promise(() => fs.rm(temporary, { force: true }).catch(() => undefined)),
          ),
        )
        return { name: safe, mediaType, size: bytes.length, location: final }
      }),
  }
}

/** A layer of the filesystem sink writing into `dir`; see {@link makeFileSystem}. */
export const layerFileSystem = (dir: string): Layer.Layer<ReportSink> =>
  Layer.succeed(ReportSink, makeFileSystem(dir))

/** A file held by the in-memory sink. */
export interface StoredReport {
  readonly name: string
  readonly mediaType: string
  readonly bytes: Uint8Array
}

/**
 * A sink that keeps files in `store` (a fresh map by default), for tests and previews.
 * It checks names as the filesystem sink does and copies the bytes it is given.
 */
export const makeMemory = (
  store: Map<string, StoredReport> = new Map(),
): ReportSink["Service"] => ({
  write: (name, bytes, mediaType) =>
    Effect.map(checked(name), (safe) => {
      store.set(safe, { name: safe, mediaType, bytes: bytes.slice() })
      return { name: safe, mediaType, size: bytes.length, location: `memory:${safe}` }
    }),
})

/** A layer of the in-memory sink over `store`; read the files back from the map. */
export const layerMemory = (
  store: Map<string, StoredReport> = new Map(),
): Layer.Layer<ReportSink> => Layer.succeed(ReportSink, makeMemory(store))
