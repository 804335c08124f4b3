/**
 * The unified methodical day (единый методический день, ЕМД, seed 001): the district's
 * year of days with topics, participants, responsible persons and curators; each
 * school's weekly cycle for each day; monthly progress sheets with growth assessment;
 * plans of targeted help; teachers' practices and the bank of best practices; deficits
 * for progress tracking; and the read models and due instants built on them.
 * Clause-to-file map: `README.md` beside this file.
 *
 * @module
 */
export * as CuratorAssignment from "./CuratorAssignment.ts"
export * as Cycle from "./Cycle.ts"
export * as Deficit from "./Deficit.ts"
export * as DeficitLog from "./DeficitLog.ts"
export * as Dues from "./Dues.ts"
export * as Errors from "./Errors.ts"
export * as HelpPlan from "./HelpPlan.ts"
export * as MonthView from "./MonthView.ts"
export * as PracticeBank from "./PracticeBank.ts"
export * as ProgressSheet from "./ProgressSheet.ts"
export * as Projection from "./Projection.ts"
export * as Regulation from "./Regulation.ts"
export * as Reminders from "./Reminders.ts"
export * as TeacherPractice from "./TeacherPractice.ts"
export * as WeeklyView from "./WeeklyView.ts"
export * as Year from "./Year.ts"
export * as YearMonth from "./YearMonth.ts"
