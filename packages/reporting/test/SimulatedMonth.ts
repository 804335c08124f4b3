/**
 * A simulated month of the unified methodical day (May 2020, four Thursdays) in ten
 * schools of one district, as a report document: the shape of the coordinator's
 * summary, built by hand until the report models are built from read models. The
 * numbers come from a fixed formula, so every run renders the same document.
 */
import { ReportDate, ReportDocument } from "../src/index.ts"

/** The ten schools, in the order of the summary. */
export const schools: ReadonlyArray<string> = [
  "МБОУ «СОШ № 1» г. Северска",
  "МБОУ «Лицей № 2»",
  "МАОУ «Гимназия № 3»",
  "МБОУ «СОШ № 4 им. А. С. Пушкина»",
  "МБОУ «ООШ с. Берёзовка»",
  "МБОУ «СОШ п. Заречный»",
  "МКОУ «СОШ № 7» (ШНОР)",
  "МБОУ «СОШ с. Ивановка»",
  "МАОУ «Школа „Перспектива“»",
  "МБОУ «СОШ № 10; филиал»",
]

/** The responsible person of each school (personal data). */
export const responsible: ReadonlyArray<string> = [
  "Иванова Мария Петровна",
  "Смирнов Алексей Игоревич",
  "Кузнецова Ольга Викторовна",
  "Попов Дмитрий Сергеевич",
  "Васильева Анна Николаевна",
  "Соколова Елена Андреевна",
  "Михайлов Игорь Владимирович",
  "Новикова Татьяна Юрьевна",
  "Фёдорова Наталья Олеговна",
  "Морозов Павел Евгеньевич",
]

/** The Thursdays of May 2020 (EMD-1.2). */
export const weeks: ReadonlyArray<ReportDate.LocalDate> = [7, 14, 21, 28].map((d) =>
  ReportDate.makeUnsafe(2020, 5, d),
)

const forms = [
  "семинар",
  "мастер-класс",
  "круглый стол",
  "открытый урок",
  "педагогическая мастерская",
]
const steps = ["решение отправлено", "день проведён", "вопросы отправлены", "решение отправлено"]

/** Participants of school `s` in week `w`: a fixed formula, 8–29. */
export const participants = (s: number, w: number): number => 8 + ((s * 7 + w * 5) % 22)
/** Whether school `s` sent its questions late in week `w` (EMD-2.10). */
export const late = (s: number, w: number): boolean => (s * s + w * 3) % 7 === 0
/** Staff of school `s`. */
export const staff = (s: number): number => 30 + s * 2

const columns = [
  ReportDocument.Column.integer("n", "№"),
  ReportDocument.Column.text("school", "Образовательная организация"),
  ReportDocument.Column.text("responsible", "Ответственный", { personal: true }),
  ReportDocument.Column.text("curator", "Куратор", { personal: true, disclosure: "initials" }),
  ReportDocument.Column.text("step", "Достигнутый шаг"),
  ReportDocument.Column.text("form", "Форма"),
  ReportDocument.Column.integer("participants", "Участники"),
  ReportDocument.Column.number("share", "Доля участия", { percent: true, decimals: 1 }),
  ReportDocument.Column.integer("late", "Вопросы с опозданием"),
  ReportDocument.Column.boolean("overdue", "Просрочено"),
  ReportDocument.Column.date("lastDay", "Последний день"),
] as const

const rows = schools.map((school, s) => {
  const total = weeks.reduce((sum, _, w) => sum + participants(s, w), 0)
  return {
    n: s + 1,
    school,
    responsible: responsible[s] ?? null,
    curator: s === 6 ? "Лебедева Ирина Сергеевна" : null,
    step: steps[s % steps.length] ?? null,
    form: s === 4 ? null : (forms[s % forms.length] ?? null),
    participants: total,
    share: total / (staff(s) * weeks.length),
    late: weeks.filter((_, w) => late(s, w)).length,
    overdue: s % 4 === 2,
    lastDay: s === 4 ? weeks[2]! : weeks[3]!,
  }
})

/** The summary table of schools. */
export const schoolTable: ReportDocument.Table = ReportDocument.table({
  id: "schools",
  title: "Сводка по образовательным организациям за май 2020 г.",
  columns,
  rows,
  footer: [
    {
      school: "Итого",
      participants: rows.reduce((a, r) => a + r.participants, 0),
      late: rows.reduce((a, r) => a + r.late, 0),
    },
  ],
  note: "Доля участия — участники за месяц к числу педагогов, умноженному на число дней.",
})

/** The weekly table. */
export const weekTable: ReportDocument.Table = ReportDocument.table({
  id: "weeks",
  title: "Единые методические дни месяца",
  columns: [
    ReportDocument.Column.date("day", "Дата дня"),
    ReportDocument.Column.integer("schools", "Школ провели"),
    ReportDocument.Column.integer("participants", "Участники"),
    ReportDocument.Column.integer("late", "Вопросы с опозданием"),
  ],
  rows: weeks.map((day, w) => ({
    day,
    schools: schools.length - (w === 3 ? 1 : 0),
    participants: schools.reduce((a, _, s) => a + participants(s, w), 0),
    late: schools.filter((_, s) => late(s, w)).length,
  })),
})

/** One bar per school: participants over the month. */
export const participationChart: ReportDocument.Chart = ReportDocument.chart({
  id: "participation",
  title: "Участие педагогов по школам, май 2020 г.",
  kind: "bar",
  orientation: "horizontal",
  categories: schools,
  series: [{ name: "Участники", values: rows.map((r) => r.participants) }],
  valueAxisTitle: "человек",
})

/** Lateness by week, as a line per measure. */
export const latenessChart: ReportDocument.Chart = ReportDocument.chart({
  id: "lateness",
  title: "Участие и опоздания по неделям",
  kind: "bar",
  categories: weeks.map((d) => ReportDate.formatNumeric(d)),
  series: [
    {
      name: "Школ с вопросами вовремя",
      values: weeks.map((_, w) => schools.filter((_, s) => !late(s, w)).length),
    },
    {
      name: "Школ с опозданием",
      values: weeks.map((_, w) => schools.filter((_, s) => late(s, w)).length),
    },
  ],
})

/** The participation share by week, as a line. */
export const shareChart: ReportDocument.Chart = ReportDocument.chart({
  id: "share",
  title: "Доля участия по неделям",
  kind: "line",
  percent: true,
  categories: weeks.map((d) => ReportDate.formatNumeric(d)),
  series: [
    {
      name: "Доля участия",
      values: weeks.map(
        (_, w) =>
          schools.reduce((a, _, s) => a + participants(s, w), 0) /
          schools.reduce((a, _, s) => a + staff(s), 0),
      ),
    },
  ],
})

/** The month as a document for `audience`. */
export const document = (
  audience: ReportDocument.Audience,
  locale: "ru" | "en" = "ru",
): ReportDocument.ReportDocument =>
  ReportDocument.make({
    name: "emd-2020-05",
    kind: "СПРАВКА",
    title: "Об итогах единых методических дней в мае 2020 года",
    organisation: "Управление образования администрации ЗАТО Северск",
    district: "ЗАТО Северск Томской области",
    date: ReportDate.makeUnsafe(2020, 6, 4),
    orderNumber: "91",
    place: "г. Северск",
    audience,
    locale,
    sections: [
      ReportDocument.section("Общие сведения", [
        ReportDocument.paragraph(
          "В мае 2020 года единые методические дни проведены по четвергам: 7, 14, 21 и 28 мая. " +
            "Участвовали десять образовательных организаций района, в том числе одна школа с низкими образовательными результатами.",
        ),
        ReportDocument.keyValues(
          [
            ReportDocument.item("Период", "май 2020 г."),
            ReportDocument.item("Образовательных организаций", schools.length),
            ReportDocument.item("Дата последнего дня", weeks[3]!),
            ReportDocument.item("Координатор", "Петрова Елена Васильевна", {
              personal: true,
              disclosure: "published",
            }),
            ReportDocument.item("Телефон ответственного СОШ № 7", "+7 (3823) 77-12-34", {
              personal: true,
            }),
          ],
          "Параметры",
        ),
        ReportDocument.paragraph(
          "Ответственная в МКОУ «СОШ № 7» Новикова Т. Ю. дважды направила вопросы после срока (EMD-2.10).",
          { personal: true },
        ),
      ]),
      ReportDocument.section("Сводка по школам", [schoolTable, participationChart]),
      ReportDocument.section("По неделям", [weekTable, latenessChart, shareChart]),
    ],
    signature: { position: "Начальник Управления образования", name: "Е. В. Петрова" },
  })
