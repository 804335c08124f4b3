/**
 * The error of a renderer that could not produce its file: the library under it (docx,
 * exceljs) failed, or a rasteriser given by the caller did. Documents that do not fit
 * their own declarations are refused earlier, with `ReportDocument.InvalidDocument`.
 */
import { Schema } from "effect"

/** A renderer failed to produce its file; `reason` is the underlying error's text. */
export class RenderFailed extends Schema.TaggedError<RenderFailed>()("RenderFailed", {
  format: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `could not render ${this.format}: ${this.reason}`
  }
}
