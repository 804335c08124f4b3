/**
 * The figures of the simulated month (`EmdMonth.ts`), counted from the tables of what
 * each school did, never from the read models or the report models: what the reports
 * must print.
 */
import {
  cancelled,
  days,
  decisionLate,
  decisionNone,
  did,
  held,
  lowResults,
  noForm,
  numbers,
  participants,
  questionsLate,
  questionsNone,
  sheet,
  sheetDeficits,
} from "./EmdMonth.ts"

/** The steps of the weekly cycle in order. */
export const stepOrder = [
  "materials",
  "form",
  "videoconference",
  "questions",
  "day",
  "decision",
] as const

/** A step of the weekly cycle. */
export type Step = (typeof stepOrder)[number]

/** One school's week, as counted. */
export interface CountedWeek {
  readonly s: number
  readonly stage: string
  readonly late: ReadonlyArray<Step>
  readonly overdue: ReadonlyArray<Step>
  readonly flagged: ReadonlyArray<Step>
  /** Leaders and teachers, or `undefined` when the day was not held. */
  readonly people: number | undefined
}

/**
 * School `s` in week `w`, asked after every step's due instant and after every late
 * decision came in (the morning after the day, 10:00, is enough).
 */
export const countWeek = (s: number, w: number): CountedWeek => {
  const isCancelled = did(cancelled, s, w)
  const done: Record<Step, boolean> = {
    materials: true,
    form: !did(noForm, s, w),
    videoconference: true,
    questions: !did(questionsNone, s, w),
    day: held(s, w),
    decision: held(s, w) && !did(decisionNone, s, w),
  }
  const late: Array<Step> = []
  if (did(questionsLate, s, w)) late.push("questions")
  if (done.decision && did(decisionLate, s, w)) late.push("decision")
  const overdue = isCancelled ? [] : stepOrder.filter((step) => !done[step])
  const first = stepOrder.find((step) => !done[step])
  const itemDone = w < 2 && s % 2 === 1
  const stage = isCancelled ? "cancelled" : (first ?? (itemDone ? "complete" : "control"))
  const p = participants(s, w)
  return {
    s,
    stage,
    late,
    overdue,
    flagged: lowResults.has(s) ? overdue : [],
    people: held(s, w) ? p.leaders + p.teachers : undefined,
  }
}

/** The week's totals, as counted. */
export const countWeekTotals = (w: number) => {
  const lines = numbers.map((s) => countWeek(s, w))
  return {
    schools: lines.length,
    held: lines.filter((l) => l.people !== undefined).length,
    participants: lines.reduce((n, l) => n + (l.people ?? 0), 0),
    late: lines.filter((l) => l.late.length > 0).length,
    lateQuestions: lines.filter((l) => l.late.includes("questions")).length,
    overdue: lines.filter((l) => l.overdue.length > 0).length,
    flagged: lines.filter((l) => l.flagged.length > 0).length,
    cancelled: lines.filter((l) => l.stage === "cancelled").length,
  }
}

/** School `s` over the month, as counted. */
export const countSchoolMonth = (s: number) => {
  const weeks = days.map((_, w) => countWeek(s, w))
  return {
    s,
    daysHeld: weeks.filter((x) => x.people !== undefined).length,
    participants: weeks.reduce((n, x) => n + (x.people ?? 0), 0),
    lateQuestions: weeks.filter((x) => x.late.includes("questions")).length,
    lateSteps: weeks.reduce((n, x) => n + x.late.length, 0),
    overdueSteps: weeks.reduce((n, x) => n + x.overdue.length, 0),
  }
}

/** The month's sheets, as counted (asked in mid-January, after the due instant). */
export const countSheets = () => ({
  submitted: numbers.filter((s) => sheet(s) !== "none").length,
  late: numbers.filter((s) => sheet(s) === "late").length,
  missing: numbers.filter((s) => sheet(s) === "none").length,
  deficits: (s: number) => (sheet(s) === "none" ? 0 : sheetDeficits(s).length),
})
