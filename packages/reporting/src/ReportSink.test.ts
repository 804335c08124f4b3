import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { Effect, type Layer, Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import * as ReportSink from "./ReportSink.ts"

const bytes = new TextEncoder().encode("Справка")
const folders: Array<string> = []
const tempFolder = async (): Promise<string> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "metodika-sink-"))
  folders.push(dir)
  return dir
}
afterAll(async () => {
  await Promise.all(folders.map((d) => fs.rm(d, { recursive: true, force: true })))
})

const write = (layer: Layer.Layer<ReportSink.ReportSink>, name: string, data = bytes) =>
  Effect.runPromise(
    Effect.result(ReportSink.write(name, data, "text/plain").pipe(Effect.provide(layer))),
  )

const unsafeNames = [
  "",
  "/etc/passwd",
  "../escape.txt",
  "a/../../escape.txt",
  "a/./b.txt",
  "a//b.txt",
  "a\\b.txt",
  "C:/x.txt",
  ".hidden",
  "trailing.",
  "bad:name.txt",
  "new\nline.txt",
  `${"x".repeat(256)}.txt`,
]

// The same contract for every adapter: what one refuses, all refuse.
const adapters: ReadonlyArray<
  readonly [string, () => Promise<Layer.Layer<ReportSink.ReportSink>>]
> = [
  ["memory", async () => ReportSink.layerMemory()],
  ["filesystem", async () => ReportSink.layerFileSystem(await tempFolder())],
]

describe("ReportSink", () => {
  for (const [adapter, makeLayer] of adapters) {
    describe(adapter, () => {
      it("writes a file and says where it went", async () => {
        const result = await write(await makeLayer(), "2020-05/emd-2020-05.md")
        expect(Result.isSuccess(result)).toBe(true)
        if (Result.isSuccess(result))
          expect(result.success).toMatchObject({
            name: "2020-05/emd-2020-05.md",
            mediaType: "text/plain",
            size: bytes.length,
          })
      })

      it("refuses names that could leave the sink, with a typed error", async () => {
        const layer = await makeLayer()
        for (const name of unsafeNames) {
          const result = await write(layer, name)
          expect(Result.isFailure(result), name).toBe(true)
          if (Result.isFailure(result)) expect(result.failure._tag).toBe("InvalidReportName")
        }
      })

      it("accepts Cyrillic names, spaces and brackets", async () => {
        const result = await write(await makeLayer(), "Справка (май 2020).docx")
        expect(Result.isSuccess(result)).toBe(true)
      })
    })
  }

  it("keeps the files in the memory store, copied", async () => {
    const store = new Map<string, ReportSink.StoredReport>()
    const data = Uint8Array.from([1, 2, 3])
    await write(ReportSink.layerMemory(store), "a.bin", data)
    data[0] = 9
    expect([...(store.get("a.bin")?.bytes ?? [])]).toEqual([1, 2, 3])
  })

  it("writes atomically on disk: the file is replaced whole and no temporary file stays", async () => {
    const dir = await tempFolder()
    const layer = ReportSink.layerFileSystem(dir)
    await write(layer, "reports/a.txt", new TextEncoder().encode("first"))
    const result = await write(layer, "reports/a.txt", new TextEncoder().encode("second"))
    expect(Result.isSuccess(result)).toBe(true)
    if (Result.isSuccess(result))
      expect(result.success.location).toBe(path.join(await fs.realpath(dir), "reports", "a.txt"))
    expect(await fs.readFile(path.join(dir, "reports", "a.txt"), "utf8")).toBe("second")
    expect(await fs.readdir(path.join(dir, "reports"))).toEqual(["a.txt"])
  })

  it("refuses to follow a link out of its folder", async () => {
    const dir = await tempFolder()
    const outside = await tempFolder()
    await fs.symlink(outside, path.join(dir, "link"))
    const result = await write(ReportSink.layerFileSystem(dir), "link/escape.txt")
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) expect(result.failure._tag).toBe("InvalidReportName")
    expect(await fs.readdir(outside)).toEqual([])
  })

  it("reports a failed write as ReportWriteFailed", async () => {
    const dir = await tempFolder()
    await fs.writeFile(path.join(dir, "file"), "not a folder")
    const result = await write(ReportSink.layerFileSystem(dir), "file/report.txt")
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) expect(result.failure._tag).toBe("ReportWriteFailed")
  })

  it("checks names without a sink", () => {
    expect(ReportSink.checkName("a/b.docx")).toEqual(Result.succeed("a/b.docx"))
    expect(Result.isFailure(ReportSink.checkName("../b.docx"))).toBe(true)
  })
})
