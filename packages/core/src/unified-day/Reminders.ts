/**
 * What the notification engine needs to schedule reminders for the unified methodical
 * day: the due instants of a school's weekly cycle (materials EMD-2.7, form EMD-2.8,
 * videoconference EMD-2.9, questions EMD-2.10, the day and its decision EMD-2.12) as
 * fixed when the cycle opened, and of each month's progress sheet (EMD-2.16). Each
 * carries the reminder target of the regulation's notification settings.
 *
 * @module
 */

import type { DateTime } from "effect"
import { Result } from "effect"
import type * as LocalDate from "../calendar/LocalDate.ts"
import type { OrganisationId } from "../Ids.ts"
import type { ReminderTarget } from "../kernel/Settings.ts"
import type * as Cycle from "./Cycle.ts"
import * as Dues from "./Dues.ts"
import type { EmdRegulation } from "./Regulation.ts"
import type * as Year from "./Year.ts"
import type { YearMonth } from "./YearMonth.ts"

/** The reminder target of each step; the form has none in the settings yet. */
export const targets: { readonly [K in Dues.CycleStep]?: ReminderTarget } = {
  materials: "emd.materials",
  videoconference: "emd.videoconference",
  questions: "emd.questions",
  day: "emd.day",
  decision: "emd.decision",
}

/** One due instant to remind about. */
export interface DueInstant {
  readonly step: Dues.CycleStep | "progress-sheet"
  /** The reminder target in the regulation's notification settings. */
  readonly target?: ReminderTarget
  readonly schoolId?: OrganisationId
  /** The local date it falls on in the district's zone. */
  readonly date: LocalDate.LocalDate
  /** The instant by which the step is due (for the day: the end of T). */
  readonly at: DateTime.Utc
}

/**
 * EMD-2.7–2.12: the due instants of a cycle, in step order, as fixed when it opened (or
 * rescheduled). With `pendingOnly`, only the steps not done yet; nothing for a cancelled
 * or unopened cycle.
 */
export const cycleDueInstants = (
  state: Cycle.CycleState,
  options: { readonly pendingOnly?: boolean } = {},
): ReadonlyArray<DueInstant> => {
  if (state._tag !== "Open") return []
  const done: { readonly [K in Dues.CycleStep]: boolean } = {
    materials: state.materials !== undefined,
    form: state.form !== undefined,
    videoconference: state.videoconference !== undefined,
    questions: state.questions !== undefined,
    day: state.day !== undefined,
    decision: state.decision !== undefined,
  }
  return Dues.cycleSteps
    .filter((step) => !(options.pendingOnly === true && done[step]))
    .map((step) => {
      const target = targets[step]
      return {
        step,
        ...(target === undefined ? {} : { target }),
        schoolId: state.schoolId,
        date: state.dues[step].date,
        at: state.dues[step].at,
      }
    })
}

/**
 * EMD-2.16: when the progress sheet of `month` is due under `regulation`: the end of the
 * month's last working day, local time.
 */
export const sheetDueInstant = (
  month: YearMonth,
  regulation: EmdRegulation,
): Result.Result<DueInstant, Dues.DueDatesUnavailable> =>
  Result.map(Dues.sheetDue(month, regulation), (due) => ({
    step: "progress-sheet" as const,
    target: "emd.progress-sheet" as const,
    date: due.date,
    at: due.at,
  }))

/** EMD-2.16: the sheet due instants of a planned year, as fixed when it was planned. */
export const yearSheetDueInstants = (state: Year.YearState): ReadonlyArray<DueInstant> =>
  state._tag === "Planned"
    ? state.sheets.map((s) => ({
        step: "progress-sheet" as const,
        target: "emd.progress-sheet" as const,
        date: s.due.date,
        at: s.due.at,
      }))
    : []
