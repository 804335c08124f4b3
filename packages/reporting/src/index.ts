/**
 * `@metodika/reporting`: documents that a coordinator, a methodist or a department can
 * file or publish without retyping. A report model ({@link EmdReports}) builds a
 * {@link ReportDocument.ReportDocument}; {@link Report.render} checks it, redacts it for
 * its audience and renders it as DOCX, XLSX, HTML, Markdown, CSV or SVG charts;
 * {@link Report.publish} writes the files through the {@link ReportSink.ReportSink} port.
 *
 * @packageDocumentation
 */

/** Charts as deterministic SVG, drawn on the server by ECharts. */
export * as Chart from "./Chart.ts"
/** Tables as CSV files: UTF-8 with BOM, RFC 4180 quoting, `;` by default. */
export * as Csv from "./Csv.ts"
/** Documents as Word files laid out per ГОСТ Р 7.0.97-2016. */
export * as Docx from "./Docx.ts"
/** Documents as self-contained, printable HTML pages. */
export * as Html from "./Html.ts"
/** The languages of reports and their fixed words. */
export * as Locale from "./Locale.ts"
/** Documents as GitHub-flavoured Markdown. */
export * as Markdown from "./Markdown.ts"
/**
 * Report models of the unified methodical day: the weekly summary, the month overview,
 * the progress sheet, the plan of targeted help, the bank of best practices and the
 * curator list, each a pure function of read models to a document.
 */
export * as EmdReports from "./models/index.ts"
/** Removal and masking of personal data for a public audience. */
export * as Redaction from "./Redaction.ts"
/** The error of a renderer that could not produce its file. */
export * as RenderError from "./RenderError.ts"
/** Check, redact, render and publish a document in one call. */
export * as Report from "./Report.ts"
/** Calendar dates as reports print them: «04» июня 2020 г. */
export * as ReportDate from "./ReportDate.ts"
/** The renderer-independent model of a report. */
export * as ReportDocument from "./ReportDocument.ts"
/** The port where rendered reports go, with filesystem and in-memory adapters. */
export * as ReportSink from "./ReportSink.ts"
/** PNG fallback of chart SVGs for Word, in pure JavaScript. */
export * as SvgRaster from "./SvgRaster.ts"
/** Documents as Excel workbooks with typed cells. */
export * as Xlsx from "./Xlsx.ts"
