/**
 * Dated periods: a start, and an end while the period is over. Records of work, roles and
 * results are periods, so a rule judged on a date can tell what held that day.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"

/** A period of days, both ends included; `to` is absent while it lasts. */
export interface Period {
  readonly from: LocalDate.LocalDate
  readonly to?: LocalDate.LocalDate
}

/** The fields of a period, to spread into a record's schema. */
export const periodFields = {
  from: LocalDate.LocalDate,
  to: Schema.optionalKey(LocalDate.LocalDate),
}

/** The schema check that a period does not end before it begins. */
export const periodInOrder = <T extends Period>() =>
  Schema.makeFilter(
    (r: T) =>
      r.to === undefined ||
      r.to >= r.from || {
        path: ["to"],
        issue: `a period cannot end (${r.to}) before it begins (${r.from})`,
      },
  )

/** Whether a period holds on `date`: begun on or before it and not ended before it. */
export const holdsOn = (period: Period, date: LocalDate.LocalDate): boolean =>
  period.from <= date && (period.to === undefined || date <= period.to)
