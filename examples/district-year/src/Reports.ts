/**
 * The demo's reports, written by `Report.publish` in DOCX, XLSX, HTML (with SVG charts)
 * and CSV. Most are the report models of `@metodika/reporting` (`EmdReports`) over the
 * run's read models, with a directory of the district's schools and people so names
 * print: the coordinator's weekly summary for the last day held, the district's month
 * overview of each month of the run, the progress sheet and the plan of targeted help of
 * one low-results school for the last month whose sheets were due, the bank of best
 * practices (public) and the curator assignment list.
 *
 * One document is built here with `ReportDocument`: the department's certificate on the
 * whole span of the run (by month and by school, with charts), because every model
 * covers one day, one month or one school, and none sums up the year.
 *
 * @module
 */
import { LocalDate, UnifiedDay } from "@metodika/core"
import { EmdReports, Report, ReportDate, ReportDocument, ReportSink } from "@metodika/reporting"
import { DateTime, Effect } from "effect"
import * as District from "./District.ts"
import type * as Figures from "./Figures.ts"
import type * as Simulation from "./Simulation.ts"

const { Column } = ReportDocument

/** Inputs of the documents: the district and what its run gave. */
export interface Input {
  readonly district: District.District
  readonly startYear: number
  readonly figures: Figures.Figures
  readonly models: Figures.ReadModels
  /** The run's held dates, months with sheets and the instant it ended at (`now` of every model). */
  readonly stats: Pick<Simulation.Stats, "dates" | "months" | "endedAt">
}

/** EMD: names of the district's schools, its department and its people, by id. */
export const directory = (district: District.District): EmdReports.Directory.Directory =>
  EmdReports.Directory.make({
    schools: Object.fromEntries([
      [district.department.id, district.department.name],
      ...district.schools.map((s) => [s.id, s.name]),
    ]),
    people: Object.fromEntries(District.people(district).map((p) => [p.id, p.fullName])),
  })

/** «Иванова Мария Петровна» → «М. П. Иванова», as a signature prints it. */
const signatureName = (fullName: string): string => {
  const [surname, ...given] = fullName.split(" ")
  return [...given.map((g) => `${g.slice(0, 1)}.`), surname].join(" ")
}

const departmentHead = { position: "Начальник управления образования", name: "Е. В. Петрова" }

/** The heading options every model shares; documents are dated the day the run ended. */
const common = (input: Input): EmdReports.Common.Options => {
  const d = input.district
  return {
    organisation: d.department.name,
    district: `${d.district.name} (${d.district.region})`,
    date: localDate(input),
    timeZone: d.district.timeZone,
    directory: directory(d),
    place: "р. п. Заречный",
    signature: departmentHead,
  }
}

const localDate = (input: Input): LocalDate.LocalDate => {
  const d = ReportDate.fromDateTime(
    DateTime.setZone(input.stats.endedAt, input.district.district.timeZone),
  )
  return LocalDate.makeUnsafe(d.year, d.month, d.day)
}

const plannedYear = (input: Input): UnifiedDay.Year.YearState =>
  EmdReports.Common.plannedYear(input.models.weekly.years, {
    districtId: input.district.district.id,
  }) ?? { _tag: "NotPlanned" }

/**
 * EMD-2.17: the low-results school whose plan of targeted help for `month` goes in the
 * demo: the first (in the district's order) that has a plan, else the first at all.
 */
export const helpedSchool = (
  input: Input,
  month: UnifiedDay.YearMonth.YearMonth,
): District.School | undefined => {
  const low = input.district.schools.filter((s) => s.lowResults)
  const plans = input.models.monthly.plans[month] ?? {}
  const planned = new Set(
    Object.values(plans)
      .filter((p) => p._tag !== "NotDrafted")
      .map((p) => p.schoolId as string),
  )
  return low.find((s) => planned.has(s.id)) ?? low[0]
}

/** Every document of the run, in the order the demo writes them. */
export const documents = (input: Input): ReadonlyArray<ReportDocument.ReportDocument> => {
  const d = input.district
  const base = common(input)
  const now = input.stats.endedAt
  const query = { now, districtId: d.district.id, regulation: d.settings }
  const states = { weekly: input.models.weekly, month: input.models.monthly }
  const year = plannedYear(input)
  const lastDay = input.stats.dates.at(-1)
  const lastMonth = input.stats.months.at(-1)
  const school = lastMonth === undefined ? undefined : helpedSchool(input, lastMonth)
  const schoolSigned = (s: District.School) => ({
    ...base,
    signature: { position: "Директор", name: signatureName(s.leader.fullName) },
  })
  return [
    ...(lastDay === undefined
      ? []
      : [
          EmdReports.WeeklySummary.make(input.models.weekly, {
            ...base,
            ...query,
            day: lastDay,
            signature: {
              position: "Муниципальный координатор ЕМД",
              name: signatureName(d.coordinator.fullName),
            },
          }),
        ]),
    ...input.figures.months.map((m) =>
      EmdReports.MonthOverview.make(states, {
        ...base,
        ...query,
        month: UnifiedDay.YearMonth.YearMonth.make(m.month),
      }),
    ),
    ...(lastMonth === undefined || school === undefined
      ? []
      : [
          EmdReports.ProgressSheet.make(input.models.monthly, {
            ...schoolSigned(school),
            schoolId: school.id,
            month: lastMonth,
            now,
          }),
          EmdReports.HelpPlan.make(input.models.monthly, {
            ...schoolSigned(school),
            schoolId: school.id,
            month: lastMonth,
            now,
          }),
        ]),
    EmdReports.PracticeBank.make(input.models.bank, { ...base, year, audience: "public" }),
    EmdReports.CuratorList.make(year, { ...base, maxLoad: d.settings.emd.curatorMaxLoad }),
    yearReport(input),
  ]
}

const monthNames = [
  "Январь",
  "Февраль",
  "Март",
  "Апрель",
  "Май",
  "Июнь",
  "Июль",
  "Август",
  "Сентябрь",
  "Октябрь",
  "Ноябрь",
  "Декабрь",
]
const monthName = (m: string): string =>
  `${monthNames[Number(m.slice(5)) - 1] ?? m} ${m.slice(0, 4)}`

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

/**
 * EMD: the department's certificate on the year (or the simulated part of it): the
 * totals, the months side by side and each school's year, with charts.
 */
export const yearReport = (input: Input): ReportDocument.ReportDocument => {
  const f = input.figures
  const y = input.startYear
  const yearText = `${y}/${String(y + 1).slice(2)}`
  const base = common(input)
  const monthColumns = [
    Column.text("month", "Месяц"),
    Column.integer("days", "Дней ЕМД"),
    Column.integer("held", "Проведено в школах"),
    Column.integer("onTime", "Вопросы в срок"),
    Column.integer("late", "Вопросы с опозданием"),
    Column.integer("missing", "Вопросы не направлены"),
    Column.integer("sheets", "Листы продвижения"),
    Column.integer("sheetsLate", "Листы с опозданием"),
    Column.integer("sheetsOverdue", "Листы не сданы"),
    Column.integer("plans", "Планы адресной помощи"),
  ] as const
  const schoolColumns = [
    Column.text("school", "Образовательная организация"),
    Column.boolean("low", "ШНОР"),
    Column.text("curator", "Куратор", { personal: true, disclosure: "published" }),
    Column.integer("held", "Проведено дней"),
    Column.integer("cancelled", "Отменено"),
    Column.number("onTime", "Вопросы в срок", { percent: true, decimals: 0 }),
    Column.integer("late", "Вопросы с опозданием"),
    Column.integer("missing", "Вопросы не направлены"),
    Column.integer("decisionsLate", "Решения с опозданием"),
    Column.integer("sheets", "Листы сданы"),
    Column.integer("sheetsLate", "Листы с опозданием"),
    Column.integer("practices", "Практики в банке"),
  ] as const
  const months = f.months
  return ReportDocument.make({
    name: `emd-year-${y}-${y + 1}`,
    kind: "СПРАВКА",
    title: `Об итогах единого методического дня в ${yearText} учебном году`,
    organisation: base.organisation,
    district: base.district,
    date: ReportDate.fromCore(base.date),
    place: "р. п. Заречный",
    signature: departmentHead,
    audience: "department",
    sections: [
      ReportDocument.section("Общие показатели", [
        ReportDocument.paragraph(
          `Единый методический день проводился по четвергам в ${input.district.schools.length} образовательных организациях района, из них ${input.district.schools.filter((s) => s.lowResults).length} — школы с низкими образовательными результатами, закреплённые за кураторами (п. 2.3 регламента).`,
        ),
        ReportDocument.keyValues([
          ReportDocument.item("Дней ЕМД по графику", f.days),
          ReportDocument.item("Циклов подготовки в школах", f.cycles),
          ReportDocument.item("Проведено дней в школах", f.held),
          ReportDocument.item("Отменено (карантин)", f.cancelled),
          ReportDocument.item("Вопросы направлены в срок", f.questionsOnTime),
          ReportDocument.item("Вопросы направлены с опозданием", f.questionsLate),
          ReportDocument.item("Вопросы не направлены", f.questionsMissing),
          ReportDocument.item("Решения направлены с опозданием", f.decisionsLate),
          ReportDocument.item(
            "Пункты решений выполнены",
            `${f.decisionItemsDone} из ${f.decisionItems}`,
          ),
          ReportDocument.item("Листы продвижения сданы", f.sheetsSubmitted),
          ReportDocument.item("из них с опозданием", f.sheetsLate),
          ReportDocument.item("Листы продвижения не сданы", f.sheetsOverdue),
          ReportDocument.item("Оценок профессионального роста", f.growthAssessed),
          ReportDocument.item("Согласованных планов адресной помощи", f.helpPlansAgreed),
          ReportDocument.item("Педагогов выбрали практику", f.practicesChosen),
          ReportDocument.item("Практик в банке лучших практик", f.practicesAccepted),
          ReportDocument.item("Выявлено профессиональных дефицитов", f.deficits),
        ]),
      ]),
      ReportDocument.section("По месяцам", [
        ReportDocument.table({
          id: "months",
          title: "Показатели по месяцам",
          columns: monthColumns,
          rows: months.map((m) => ({
            month: monthName(m.month),
            days: m.days,
            held: m.held,
            onTime: m.questionsOnTime,
            late: m.questionsLate,
            missing: m.questionsMissing,
            sheets: m.sheetsSubmitted,
            sheetsLate: m.sheetsLate,
            sheetsOverdue: m.sheetsOverdue,
            plans: m.agreedPlans,
          })),
          footer: [
            {
              month: "Итого",
              days: f.days,
              held: f.held,
              onTime: f.questionsOnTime,
              late: f.questionsLate,
              missing: f.questionsMissing,
              sheets: f.sheetsSubmitted,
              sheetsLate: f.sheetsLate,
              sheetsOverdue: f.sheetsOverdue,
              plans: f.helpPlansAgreed,
            },
          ],
        }),
        ReportDocument.chart({
          id: "questions",
          title: "Вопросы школ к видеосеминарам (п. 2.10)",
          kind: "stackedBar",
          categories: months.map((m) => monthName(m.month)),
          series: [
            { name: "В срок", values: months.map((m) => m.questionsOnTime) },
            { name: "С опозданием", values: months.map((m) => m.questionsLate) },
            { name: "Не направлены", values: months.map((m) => m.questionsMissing) },
          ],
        }),
        ReportDocument.chart({
          id: "sheets",
          title: "Листы продвижения (п. 2.16)",
          kind: "line",
          categories: months.map((m) => monthName(m.month)),
          series: [
            { name: "Сданы", values: months.map((m) => m.sheetsSubmitted) },
            { name: "С опозданием", values: months.map((m) => m.sheetsLate) },
            { name: "Не сданы", values: months.map((m) => m.sheetsOverdue) },
          ],
        }),
      ]),
      ReportDocument.section("По образовательным организациям", [
        ReportDocument.table({
          id: "schools",
          title: "Показатели по образовательным организациям",
          columns: schoolColumns,
          rows: f.schools.map((s) => ({
            school: s.name,
            low: s.lowResults,
            curator: s.curator,
            held: s.held,
            cancelled: s.cancelled,
            onTime: share(s.questionsOnTime, s.days - s.cancelled),
            late: s.questionsLate,
            missing: s.questionsMissing,
            decisionsLate: s.decisionsLate,
            sheets: s.sheetsSubmitted,
            sheetsLate: s.sheetsLate,
            practices: s.practicesAccepted,
          })),
        }),
        ReportDocument.chart({
          id: "lateness",
          title: "Опоздания и пропуски по школам",
          kind: "stackedBar",
          orientation: "horizontal",
          categories: f.schools.map((s) => s.name),
          series: [
            { name: "Вопросы с опозданием", values: f.schools.map((s) => s.questionsLate) },
            { name: "Вопросы не направлены", values: f.schools.map((s) => s.questionsMissing) },
            { name: "Решения с опозданием", values: f.schools.map((s) => s.decisionsLate) },
            { name: "Листы с опозданием", values: f.schools.map((s) => s.sheetsLate) },
          ],
        }),
      ]),
    ],
  })
}

/** The formats the demo writes. */
export const formats: ReadonlyArray<Report.Format> = ["docx", "xlsx", "html", "csv"]

/** Renders the documents and writes them to `dir`; the written file names. */
export const write = (input: Input, dir: string) =>
  Effect.gen(function* () {
    const written: Array<string> = []
    for (const doc of documents(input)) {
      const files = yield* Report.publish(doc, formats)
      for (const f of files) written.push(f.name)
    }
    return written
  }).pipe(Effect.provide(ReportSink.layerFileSystem(dir)))
