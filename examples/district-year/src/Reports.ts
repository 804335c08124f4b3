/**
 * The demo's reports, built from the year's figures with `ReportDocument` and written
 * by `Report.publish` in DOCX, XLSX, HTML (with SVG charts) and CSV: the department's
 * certificate on the year of unified methodical days (by month and by school, with
 * charts), and the bank of best practices.
 *
 * The report models of `@metodika/reporting` (`src/models/`) were not yet exported when
 * this example was written, so the documents are put together here.
 *
 * @module
 */
import { type Ids, UnifiedDay } from "@metodika/core"
import { Report, ReportDate, ReportDocument, ReportSink } from "@metodika/reporting"
import { DateTime, Effect } from "effect"
import type * as District from "./District.ts"
import type * as Figures from "./Figures.ts"

const { Column } = ReportDocument

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

const dateOf = (iso: string): ReportDate.LocalDate => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number]
  return ReportDate.makeUnsafe(y, m, d)
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

/** Inputs of the documents. */
export interface Input {
  readonly district: District.District
  readonly startYear: number
  readonly figures: Figures.Figures
  readonly models: Figures.ReadModels
  /** The date the documents are dated (ISO). */
  readonly date: string
}

const heading = (input: Input) => ({
  organisation: input.district.department.name,
  district: `${input.district.district.name} (${input.district.district.region})`,
  date: dateOf(input.date),
  place: "р. п. Заречный",
  signature: { position: "Начальник управления образования", name: "Е. В. Петрова" },
})

/** EMD: the department's certificate on the year (or the simulated part of it). */
export const yearReport = (input: Input): ReportDocument.ReportDocument => {
  const f = input.figures
  const y = input.startYear
  const yearText = `${y}/${String(y + 1).slice(2)}`
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
    ...heading(input),
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

/** EMD-2.2, 2.15: the bank of best practices accepted during the year. */
export const practiceBank = (input: Input): ReportDocument.ReportDocument => {
  const y = input.startYear
  const people = new Map<string, string>()
  const schools = new Map<string, string>()
  for (const s of input.district.schools) {
    schools.set(s.id, s.name)
    for (const t of s.teachers) people.set(t.id, t.fullName)
  }
  const entries = UnifiedDay.PracticeBank.bank(input.models.bank)
  const columns = [
    Column.text("teacher", "Педагог", { personal: true, disclosure: "published" }),
    Column.text("school", "Образовательная организация"),
    Column.text("topic", "Тема ЕМД"),
    Column.text("title", "Практика"),
    Column.date("accepted", "Принята в банк"),
  ] as const
  const topicMonth = (t: Ids.TopicId) => monthName(t.replace(/^topic-/, ""))
  return ReportDocument.make({
    name: `emd-practice-bank-${y}-${y + 1}`,
    kind: "РЕЕСТР",
    title: `Банк лучших практик педагогов, ${y}/${String(y + 1).slice(2)} учебный год`,
    ...heading(input),
    audience: "department",
    sections: [
      ReportDocument.section(undefined, [
        ReportDocument.paragraph(
          `Практики, представленные педагогами по темам единого методического дня и принятые методическим отделом (пп. 2.2, 2.15 регламента): ${entries.length}.`,
        ),
        ReportDocument.table({
          id: "practices",
          columns,
          rows: entries.map((e) => ({
            teacher: people.get(e.teacherId) ?? e.teacherId,
            school: schools.get(e.schoolId) ?? e.schoolId,
            topic: topicMonth(e.topicId),
            title: e.title,
            accepted: ReportDate.fromDateTime(
              DateTime.setZone(e.acceptedAt, input.district.district.timeZone),
            ),
          })),
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
    for (const doc of [yearReport(input), practiceBank(input)]) {
      const files = yield* Report.publish(doc, formats)
      for (const f of files) written.push(f.name)
    }
    return written
  }).pipe(Effect.provide(ReportSink.layerFileSystem(dir)))
