/**
 * A school's monthly progress sheet (лист продвижения, EMD-2.16) as a document: each
 * participant's progress of the month, the practice they work on (EMD-2.14), the
 * deficits noticed (EMD-2.1) and, once a methodist has assessed it, their professional
 * growth (EMD-2.18). When the sheet is not in, the document says so (not due yet, or
 * missing after its due instant).
 *
 * A pure function of the month view's state (`UnifiedDay.MonthView`). For the school by
 * default; the participants' names and assessments are personal data.
 */
import { type Ids, UnifiedDay } from "@metodika/core"
import type { DateTime } from "effect"
import * as ReportDate from "../ReportDate.ts"
import * as ReportDocument from "../ReportDocument.ts"
import * as Common from "./Common.ts"

const { Column } = ReportDocument

/** What the sheet is asked about. */
export interface Query {
  readonly schoolId: Ids.OrganisationId
  /** The month, `YYYY-MM`. */
  readonly month: UnifiedDay.YearMonth.YearMonth
  /** The time asked: a sheet not in is missing once its due instant has passed. */
  readonly now: DateTime.Utc
}

/** Options of {@link make}: the document's heading and the query. */
export interface Options extends Common.Options, Query {}

/** The submitted sheet of a school and month, if it is in. */
export const sheetOf = (
  state: UnifiedDay.MonthView.State,
  schoolId: Ids.OrganisationId,
  month: UnifiedDay.YearMonth.YearMonth,
): UnifiedDay.ProgressSheet.Submitted | undefined =>
  Object.values(state.sheets[month] ?? {}).find(
    (s): s is UnifiedDay.ProgressSheet.Submitted =>
      s._tag === "Submitted" && s.schoolId === schoolId,
  )

/** EMD-2.16: where the school's sheet stands at the time asked. */
export const status = (
  state: UnifiedDay.MonthView.State,
  query: Query,
): UnifiedDay.MonthView.SheetStatus =>
  UnifiedDay.MonthView.month(state, { month: query.month, now: query.now }).find(
    (r) => r.schoolId === query.schoolId,
  )?.status ?? "not-due"

/** EMD-2.1, 2.16: the deficits a sheet notes, person by person. */
export const deficitsTable = (
  sheet: UnifiedDay.ProgressSheet.Submitted,
  options: Common.Options,
  title: string,
): ReportDocument.Table => {
  const w = Common.words(options)
  const l = w.label
  const deficits = sheet.entries.flatMap((e) =>
    e.deficits.map((d) => ({ personId: e.personId, area: d.area, description: d.description })),
  )
  return ReportDocument.table({
    id: "deficits",
    title,
    columns: [
      Column.integer("n", l.n, { width: 4 }),
      Column.text("person", l.person, { personal: true }),
      Column.text("area", l.area),
      Column.text("description", l.description),
    ] as const,
    rows: deficits.map((d, i) => ({
      n: i + 1,
      person: Common.personName(options, d.personId),
      area: w.areas[d.area],
      description: d.description,
    })),
  })
}

/**
 * EMD-2.16, 2.14, 2.1, 2.18: the progress sheet of a school for a month as a document
 * («Лист продвижения»): its particulars (due, submitted, late, assessed), the
 * participants' progress and growth, and the deficits noticed. For the school by default.
 */
export const make = (
  state: UnifiedDay.MonthView.State,
  options: Options,
): ReportDocument.ReportDocument => {
  const w = Common.words(options)
  const l = w.label
  const school = Common.schoolName(options, options.schoolId)
  const month = Common.monthName(options.month, options)
  const sheet = sheetOf(state, options.schoolId, options.month)
  const current = status(state, options)
  const head = Common.heading(options, {
    name: Common.fileStem("emd-sheet", options.month, options.schoolId),
    title: w.text.sheetTitle,
    subtitle: w.text.sheetSubtitle(school, month),
    audience: "school",
  })
  const particulars = [
    ReportDocument.item(l.school, school),
    ReportDocument.item(l.period, month),
    ReportDocument.item(l.sheetStatus, w.sheetStatuses[current]),
  ]
  if (sheet === undefined) {
    return ReportDocument.make({
      ...head,
      sections: [
        ReportDocument.section(undefined, [
          ReportDocument.keyValues(particulars),
          ReportDocument.paragraph(w.text.sheetNotSubmitted(w.sheetStatuses[current])),
        ]),
      ],
    })
  }
  const assessed = new Map(
    (sheet.assessment?.assessments ?? []).map((a) => [a.personId as string, a] as const),
  )
  const entries = ReportDocument.table({
    id: "entries",
    title: w.text.sheetEntries,
    columns: [
      Column.integer("n", l.n, { width: 4 }),
      Column.text("person", l.person, { personal: true }),
      Column.text("role", l.role),
      Column.text("progress", l.progress),
      Column.text("practice", l.practice),
      Column.integer("deficits", l.deficits),
      Column.text("growth", l.growthLevel, { personal: true }),
      Column.text("comment", l.comment, { personal: true }),
    ] as const,
    rows: sheet.entries.map((e, i) => {
      const a = assessed.get(e.personId)
      return {
        n: i + 1,
        person: Common.personName(options, e.personId),
        role: w.roles[e.role],
        progress: e.progress,
        practice: e.practice ?? null,
        deficits: e.deficits.length,
        growth: a === undefined ? null : w.growth[a.level],
        comment: a?.comment ?? null,
      }
    }),
  })
  return ReportDocument.make({
    ...head,
    sections: [
      ReportDocument.section(undefined, [
        ReportDocument.keyValues([
          ...particulars,
          ReportDocument.item(l.sheetDue, ReportDate.fromCore(sheet.due.date)),
          ReportDocument.item(l.submittedOn, Common.localDate(sheet.at, options.timeZone)),
          ReportDocument.item(l.late, sheet.late),
          ...(sheet.assessment === undefined
            ? []
            : [
                ReportDocument.item(
                  l.assessed,
                  Common.localDate(sheet.assessment.at, options.timeZone),
                ),
              ]),
        ]),
      ]),
      ReportDocument.section(w.text.sheetEntries, [entries]),
      ReportDocument.section(w.text.sheetDeficits, [
        deficitsTable(sheet, options, w.text.sheetDeficits),
      ]),
    ],
  })
}
