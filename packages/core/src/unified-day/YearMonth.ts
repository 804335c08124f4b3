/**
 * A calendar month `YYYY-MM`, the period of a progress sheet (лист продвижения,
 * EMD-2.16) and of a plan of targeted help (EMD-2.17). Stored as text, so it sorts,
 * compares and serialises as plain text.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"

/** Schema of a month `YYYY-MM` (years 0001–9999, months 01–12). */
export const YearMonth = Schema.String.check(
  Schema.makeFilter(
    (text: string) =>
      (/^\d{4}-(0[1-9]|1[0-2])$/.test(text) && !text.startsWith("0000")) ||
      `Expected a month as YYYY-MM, got ${JSON.stringify(text)}`,
    { identifier: "YearMonth", description: "a calendar month YYYY-MM" },
  ),
).pipe(Schema.brand("YearMonth"))
/** A calendar month `YYYY-MM`. */
export type YearMonth = typeof YearMonth.Type

/** The month of a year (1–12); throws on an impossible month. */
export const make = (year: number, month: number): YearMonth =>
  YearMonth.make(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`)

/** The month a date falls in. */
export const ofDate = (date: LocalDate.LocalDate): YearMonth => date.slice(0, 7) as YearMonth

/** The calendar year of a month. */
export const year = (m: YearMonth): number => Number(m.slice(0, 4))

/** The month number 1–12 of a month. */
export const month = (m: YearMonth): number => Number(m.slice(5, 7))

/** The first day of a month. */
export const firstDay = (m: YearMonth): LocalDate.LocalDate =>
  LocalDate.firstDayOfMonth(year(m), month(m))

/** The last day of a month. */
export const lastDay = (m: YearMonth): LocalDate.LocalDate =>
  LocalDate.lastDayOfMonth(year(m), month(m))

/** The month after `m`. */
export const next = (m: YearMonth): YearMonth =>
  month(m) === 12 ? make(year(m) + 1, 1) : make(year(m), month(m) + 1)

/** Every month from the one of `from` to the one of `to`, both included. */
export const between = (
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
): ReadonlyArray<YearMonth> => {
  const out: Array<YearMonth> = []
  const last = ofDate(to)
  for (let m = ofDate(from); m <= last; m = next(m)) out.push(m)
  return out
}
