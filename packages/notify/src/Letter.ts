/**
 * A letter as templates write it: a subject, a greeting, blocks (paragraphs, lists,
 * links, label–value facts) and a footer. One letter renders to both bodies a
 * notification carries, plain text and HTML, so the two never say different things.
 * HTML is escaped throughout; links are the only markup a template can ask for.
 *
 * @module
 */

/** A piece of a letter's body. */
export type Block =
  | { readonly _tag: "Paragraph"; readonly text: string }
  | { readonly _tag: "List"; readonly title?: string; readonly items: ReadonlyArray<string> }
  | {
      readonly _tag: "Links"
      readonly title?: string
      readonly items: ReadonlyArray<{ readonly title: string; readonly url: string }>
    }
  | {
      readonly _tag: "Facts"
      readonly items: ReadonlyArray<readonly [label: string, value: string]>
    }

/** A letter before rendering. */
export interface Letter {
  readonly subject: string
  /** The first line («Здравствуйте, Мария Петровна!»). */
  readonly greeting: string
  readonly blocks: ReadonlyArray<Block>
  /** The last line (that the message is automatic). */
  readonly footer: string
}

/** A letter rendered: what a notification carries. */
export interface Rendered {
  readonly subject: string
  readonly text: string
  readonly html: string
}

/** A paragraph. */
export const paragraph = (text: string): Block => ({ _tag: "Paragraph", text })

/** A bulleted list, with an optional title line. */
export const list = (items: ReadonlyArray<string>, title?: string): Block =>
  title === undefined ? { _tag: "List", items } : { _tag: "List", title, items }

/** A list of links, with an optional title line. */
export const links = (
  items: ReadonlyArray<{ readonly title: string; readonly url: string }>,
  title?: string,
): Block => (title === undefined ? { _tag: "Links", items } : { _tag: "Links", title, items })

/** Label–value lines («Срок: 1 декабря 2025 г.»). */
export const facts = (items: ReadonlyArray<readonly [string, string]>): Block => ({
  _tag: "Facts",
  items,
})

const htmlEntities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string =>
  /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c) : text

const safeUrl = (url: string): string => (/^https?:\/\//i.test(url) ? url : "#")

const textOf = (block: Block): string => {
  switch (block._tag) {
    case "Paragraph":
      return block.text
    case "List":
      return [
        ...(block.title === undefined ? [] : [block.title]),
        ...block.items.map((i) => `• ${i}`),
      ].join("\n")
    case "Links":
      return [
        ...(block.title === undefined ? [] : [block.title]),
        ...block.items.map((l) => `• ${l.title}: ${l.url}`),
      ].join("\n")
    case "Facts":
      return block.items.map(([label, value]) => `${label}: ${value}`).join("\n")
  }
}

const htmlOf = (block: Block): string => {
  const title = (t: string | undefined) => (t === undefined ? "" : `<p>${escapeHtml(t)}</p>\n`)
  switch (block._tag) {
    case "Paragraph":
      return `<p>${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`
    case "List":
      return `${title(block.title)}<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`
    case "Links":
      return `${title(block.title)}<ul>${block.items
        .map((l) => `<li><a href="${escapeHtml(safeUrl(l.url))}">${escapeHtml(l.title)}</a></li>`)
        .join("")}</ul>`
    case "Facts":
      return `<table>${block.items
        .map(
          ([label, value]) =>
            `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
        )
        .join("")}</table>`
  }
}

/** Renders a letter to its subject, plain-text and HTML bodies. */
export const render = (letter: Letter, lang: "ru" | "en" = "ru"): Rendered => ({
  subject: letter.subject,
  text: [letter.greeting, ...letter.blocks.map(textOf), "—", letter.footer].join("\n\n"),
  html: [
    "<!DOCTYPE html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head><body>`,
    `<p>${escapeHtml(letter.greeting)}</p>`,
    ...letter.blocks.map(htmlOf),
    `<hr><p><small>${escapeHtml(letter.footer)}</small></p>`,
    "</body></html>",
  ].join("\n"),
})
