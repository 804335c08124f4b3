/**
 * A school's plan of targeted help (план адресной помощи, EMD-2.17) as a document: what
 * is done, for whom, by whom and by when, and what has been done (late or on time); the
 * school's curator (EMD-2.3); whether the plan is a draft or agreed by both the curator
 * and the methodical department; and, as its grounds, the deficits noted in the month's
 * progress sheet (EMD-2.1, 2.16).
 *
 * A pure function of the month view's state (`UnifiedDay.MonthView`, which holds the
 * plans, the sheets and the years with their curators). For the school by default; the
 * names of the people helped and of those who help are personal data.
 */
import { type Ids, UnifiedDay } from "@metodika/core"
import type { DateTime } from "effect"
import * as ReportDate from "../ReportDate.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as Common from "./Common.ts"
import * as ProgressSheet from "./ProgressSheet.ts"

const { Column } = ReportDocument

/** What the plan is asked about. */
export interface Query {
  readonly schoolId: Ids.OrganisationId
  /** The month of the progress sheets the plan is drawn up from, `YYYY-MM`. */
  readonly month: UnifiedDay.YearMonth.YearMonth
  /** The time asked: an item not done is overdue once its due instant has passed. */
  readonly now: DateTime.Utc
}

/** Options of {@link make}: the document's heading and the query. */
export interface Options extends Common.Options, Query {}

/** The plan of a school and month, drafted or agreed, if there is one. */
export const planOf = (
  state: UnifiedDay.MonthView.State,
  schoolId: Ids.OrganisationId,
  month: UnifiedDay.YearMonth.YearMonth,
): UnifiedDay.HelpPlan.Draft | UnifiedDay.HelpPlan.Agreed | undefined =>
  Object.values(state.plans[month] ?? {}).find(
    (p): p is UnifiedDay.HelpPlan.Draft | UnifiedDay.HelpPlan.Agreed =>
      p._tag !== "NotDrafted" && p.schoolId === schoolId,
  )

/** EMD-2.3: the curator of a school in the district's year that holds the month. */
export const curatorOf = (
  state: UnifiedDay.MonthView.State,
  schoolId: Ids.OrganisationId,
  month: UnifiedDay.YearMonth.YearMonth,
): UnifiedDay.CuratorAssignment.Pair | undefined =>
  Common.plannedYear(state.years, { date: UnifiedDay.YearMonth.firstDay(month) })?.curators.find(
    (p) => p.schoolId === schoolId,
  )

/** The figures of a plan's items at the time asked (EMD-2.17). */
export interface ItemCounts {
  readonly total: number
  readonly done: number
  readonly doneLate: number
  readonly overdue: number
}

/** EMD-2.17: how many items a plan has, has done (late among them) and has overdue. */
export const counts = (
  plan: UnifiedDay.HelpPlan.Draft | UnifiedDay.HelpPlan.Agreed,
  now: DateTime.Utc,
): ItemCounts => ({
  total: plan.items.length,
  done: plan.items.filter((i) => i.done !== undefined).length,
  doneLate: plan.items.filter((i) => i.done?.late === true).length,
  overdue: plan.items.filter(
    (i) => i.done === undefined && now.epochMilliseconds > i.due.at.epochMilliseconds,
  ).length,
})

/**
 * EMD-2.17, 2.3, 2.1: the plan of targeted help of a school for a month as a document
 * («План адресной помощи»): its particulars (status, agreement, curator, items done),
 * the items, and the deficits of the month's progress sheet it answers. For the school
 * by default.
 */
export const make = (
  state: UnifiedDay.MonthView.State,
  options: Options,
): ReportDocument.ReportDocument => {
  const w = Common.words(options)
  const l = w.label
  const school = Common.schoolName(options, options.schoolId)
  const month = Common.monthName(options.month, options)
  const plan = planOf(state, options.schoolId, options.month)
  const curator = curatorOf(state, options.schoolId, options.month)
  const sheet = ProgressSheet.sheetOf(state, options.schoolId, options.month)
  const head = Common.heading(options, {
    name: Common.fileStem("emd-help-plan", options.month, options.schoolId),
    kind: Common.locale(options) === "en" ? "PLAN" : "ПЛАН",
    title: w.text.planTitle,
    subtitle: w.text.planSubtitle(school, month),
    audience: "school",
  })
  const status = plan === undefined ? "none" : plan._tag === "Draft" ? "draft" : "agreed"
  const particulars = [
    ReportDocument.item(l.school, school),
    ReportDocument.item(l.period, month),
    ReportDocument.item(l.planStatus, w.planStatuses[status]),
    ...(plan?._tag === "Agreed"
      ? [ReportDocument.item(l.agreedOn, Common.localDate(plan.agreedAt, options.timeZone))]
      : []),
    ...(curator === undefined
      ? []
      : [
          ReportDocument.item(l.curator, Common.personName(options, curator.curatorId), {
            personal: true,
          }),
          ReportDocument.item(l.curatorSchool, Common.schoolName(options, curator.curatorSchoolId)),
        ]),
  ]
  const grounds =
    sheet === undefined || sheet.entries.every((e) => e.deficits.length === 0)
      ? []
      : [
          ReportDocument.section(w.text.planGrounds, [
            ProgressSheet.deficitsTable(sheet, options, w.text.planGrounds),
          ]),
        ]
  if (plan === undefined) {
    return ReportDocument.make({
      ...head,
      sections: [
        ReportDocument.section(undefined, [
          ReportDocument.keyValues(particulars),
          ReportDocument.paragraph(w.text.planNotDrafted),
        ]),
        ...grounds,
      ],
    })
  }
  const n = counts(plan, options.now)
  const items = ReportDocument.table({
    id: "items",
    title: w.text.planItems,
    columns: [
      Column.text("item", l.n, { width: 5 }),
      Column.text("action", l.action),
      Column.text("forWhom", l.forWhom, { personal: true }),
      Column.text("owner", l.owner, { personal: true }),
      Column.date("due", l.dueDate),
      Column.date("done", l.doneOn),
      Column.boolean("late", l.late),
    ] as const,
    rows: plan.items.map((i) => ({
      item: i.itemId,
      action: i.action,
      forWhom:
        i.forPersonId === undefined ? l.wholeSchool : Common.personName(options, i.forPersonId),
      owner: Common.personName(options, i.ownerId),
      due: ReportDate.fromCore(i.due.date),
      done: i.done === undefined ? null : Common.localDate(i.done.at, options.timeZone),
      late: i.done === undefined ? null : i.done.late,
    })),
  })
  return ReportDocument.make({
    ...head,
    sections: [
      ReportDocument.section(undefined, [
        ReportDocument.keyValues([
          ...particulars,
          ReportDocument.item(l.itemsDone, w.text.itemsDone(n.done, n.total)),
          ReportDocument.item(l.itemsOverdue, n.overdue),
        ]),
        ...(plan._tag === "Draft"
          ? [ReportDocument.paragraph(w.text.planDraftNote, { emphasis: "italic" })]
          : []),
      ]),
      ReportDocument.section(w.text.planItems, [items]),
      ...grounds,
    ],
  })
}
