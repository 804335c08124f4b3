/**
 * Report models of the unified methodical day (единый методический день, ЕМД): pure
 * functions from the read models of `@metodika/core` (`UnifiedDay.WeeklyView`,
 * `MonthView`, `PracticeBank`, the district's `Year`) and a small options object to a
 * `ReportDocument`, ready for `Report.render`.
 *
 * @module
 */
/** Options shared by every model, and the helpers they use. */
export * as Common from "./Common.ts"
/** EMD-2.3: the curator assignment list («Закрепление кураторов за школами»). */
export * as CuratorList from "./CuratorList.ts"
/** Names of schools and people by id. */
export * as Directory from "./Directory.ts"
/** EMD-2.17: a school's plan of targeted help («План адресной помощи»). */
export * as HelpPlan from "./HelpPlan.ts"
/** EMD-1.2, 2.10, 2.12, 2.16–2.18: the district's month overview. */
export * as MonthOverview from "./MonthOverview.ts"
/** EMD-2.2, 2.4, 2.15: the bank of best practices by topic («Банк лучших практик»). */
export * as PracticeBank from "./PracticeBank.ts"
/** EMD-2.16, 2.18: a school's monthly progress sheet («Лист продвижения»). */
export * as ProgressSheet from "./ProgressSheet.ts"
/** The words of the EMD reports in Russian and English. */
export * as Texts from "./Texts.ts"
/** EMD-2.7–2.13, 1.3: the coordinator's weekly summary («Сводка ЕМД за неделю»). */
export * as WeeklySummary from "./WeeklySummary.ts"
