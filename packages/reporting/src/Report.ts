/**
 * The entry point from a report document to files: check the document, redact it for
 * its audience, render it in the formats asked for, and optionally write the files to
 * the {@link ReportSink.ReportSink} in context.
 *
 * File names derive from the document's `name`: `<name>.docx`, `<name>.xlsx`,
 * `<name>.html`, `<name>.md`, one `<name>-<table id>.csv` per table and one
 * `<name>-<chart id>.svg` per chart.
 *
 * @example
 * ```ts
 * const files = await Effect.runPromise(Report.renderAll(document, ["docx", "xlsx", "csv"]))
 * ```
 */
import { Effect, Result } from "effect"
import * as Chart from "./Chart.ts"
import * as Csv from "./Csv.ts"
import * as Docx from "./Docx.ts"
import * as Html from "./Html.ts"
import * as Markdown from "./Markdown.ts"
import * as Redaction from "./Redaction.ts"
import type { RenderFailed } from "./RenderError.ts"
import * as ReportDocument from "./ReportDocument.ts"
import * as ReportSink from "./ReportSink.ts"
import * as Xlsx from "./Xlsx.ts"

/** A format a report renders to. */
export type Format = "docx" | "xlsx" | "html" | "markdown" | "csv" | "svg"

/** Every format, in the order {@link renderAll} writes them by default. */
export const formats: ReadonlyArray<Format> = ["docx", "xlsx", "html", "markdown", "csv", "svg"]

/** One rendered file. */
export interface RenderedFile {
  readonly name: string
  readonly mediaType: string
  readonly bytes: Uint8Array
}

/** Options per format. */
export interface Options {
  readonly csv?: Csv.Options
  readonly docx?: Docx.Options
  readonly markdown?: Markdown.Options
  readonly svg?: Chart.SvgOptions
}

/** Why a document could not be rendered. */
export type ReportError = ReportDocument.InvalidDocument | RenderFailed

/** The MIME type of each format's files. */
export const mediaTypes: Readonly<Record<Format, string>> = {
  docx: Docx.mediaType,
  xlsx: Xlsx.mediaType,
  html: "text/html; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  svg: "image/svg+xml",
}

/** The document checked ({@link ReportDocument.validate}) and redacted for its audience. */
export const prepare = (
  document: ReportDocument.ReportDocument,
): Result.Result<ReportDocument.ReportDocument, ReportDocument.InvalidDocument> =>
  Result.map(ReportDocument.validate(document), Redaction.redact)

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const svgName = (
  doc: ReportDocument.ReportDocument,
  chart: ReportDocument.Chart,
  index: number,
): string => `${doc.name}-${ReportDocument.chartFileId(chart, index)}.svg`

const renderPrepared = (
  doc: ReportDocument.ReportDocument,
  format: Format,
  options: Options,
): Effect.Effect<ReadonlyArray<RenderedFile>, RenderFailed> => {
  const file = (name: string, bytes: Uint8Array): RenderedFile => ({
    name,
    mediaType: mediaTypes[format],
    bytes,
  })
  switch (format) {
    case "docx":
      return Effect.map(Docx.render(doc, options.docx), (bytes) => [
        file(`${doc.name}.docx`, bytes),
      ])
    case "xlsx":
      return Effect.map(Xlsx.render(doc), (bytes) => [file(`${doc.name}.xlsx`, bytes)])
    case "html":
      return Effect.sync(() => [file(`${doc.name}.html`, utf8(Html.render(doc)))])
    case "markdown":
      return Effect.sync(() => [
        file(`${doc.name}.md`, utf8(Markdown.render(doc, options.markdown))),
      ])
    case "csv":
      return Effect.sync(() =>
        Csv.render(doc, options.csv).map((csv) => file(`${doc.name}-${csv.id}.csv`, csv.bytes)),
      )
    case "svg":
      return Effect.sync(() =>
        ReportDocument.charts(doc).map((chart, index) =>
          file(
            svgName(doc, chart, index),
            utf8(Chart.toSvg(chart, { locale: doc.locale, ...options.svg })),
          ),
        ),
      )
  }
}

/**
 * Renders the document in one format: one file, or one per table (CSV) or per chart
 * (SVG). The document is checked and redacted for its audience first.
 */
export const render = (
  document: ReportDocument.ReportDocument,
  format: Format,
  options: Options = {},
): Effect.Effect<ReadonlyArray<RenderedFile>, ReportError> =>
  Effect.flatMap(Effect.fromResult(prepare(document)), (doc) =>
    renderPrepared(doc, format, options),
  )

/**
 * Renders the document in each of `formats` (all by default). When SVG files are among
 * them, the Markdown file shows each chart as a link to its SVG file.
 */
export const renderAll = (
  document: ReportDocument.ReportDocument,
  formatsWanted: ReadonlyArray<Format> = formats,
  options: Options = {},
): Effect.Effect<ReadonlyArray<RenderedFile>, ReportError> =>
  Effect.gen(function* () {
    const doc = yield* Effect.fromResult(prepare(document))
    const markdown: Markdown.Options =
      options.markdown ??
      (formatsWanted.includes("svg")
        ? { chartImage: (index, chart) => svgName(doc, chart, index) }
        : {})
    const files: Array<RenderedFile> = []
    for (const format of new Set(formatsWanted))
      files.push(...(yield* renderPrepared(doc, format, { ...options, markdown })))
    return files
  })

/**
 * Renders the document in each of `formats` and writes every file to the
 * {@link ReportSink.ReportSink} in context.
 */
export const publish = (
  document: ReportDocument.ReportDocument,
  formatsWanted: ReadonlyArray<Format> = formats,
  options: Options = {},
): Effect.Effect<
  ReadonlyArray<ReportSink.WrittenReport>,
  ReportError | ReportSink.ReportSinkError,
  ReportSink.ReportSink
> =>
  Effect.flatMap(renderAll(document, formatsWanted, options), (files) =>
    Effect.forEach(files, (f) => ReportSink.write(f.name, f.bytes, f.mediaType)),
  )
