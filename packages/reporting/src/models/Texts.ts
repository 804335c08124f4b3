/**
 * The words of the unified-methodical-day reports (ЕМД) in Russian and English: titles,
 * column headings and the names of steps, stages, forms, statuses, growth levels and
 * deficit areas. The report models read only this, so a district that words a heading
 * differently changes one table.
 */
import type { UnifiedDay } from "@metodika/core"
import type { Locale } from "../Locale.ts"

type Step = UnifiedDay.Dues.CycleStep
type Stage = UnifiedDay.WeeklyView.Stage
type FormKind = UnifiedDay.Cycle.DayFormKind
type SheetStatus = UnifiedDay.MonthView.SheetStatus
type Growth = UnifiedDay.ProgressSheet.GrowthLevel
type Area = UnifiedDay.Deficit.DeficitArea
type PlanStatus = "none" | "draft" | "agreed"

/** The fixed words of the EMD reports in one language. */
export interface EmdWords {
  /** Month names in the nominative, January first: «декабрь». */
  readonly monthsNominative: ReadonlyArray<string>
  /** «декабрь 2025 г.» / «December 2025». */
  readonly monthYear: (month: number, year: number) => string
  /** The steps of the weekly cycle (EMD-2.7–2.12), as a coordinator names them. */
  readonly steps: { readonly [K in Step]: string }
  /** The step a school has reached (the weekly view's stage). */
  readonly stages: { readonly [K in Stage]: string }
  /** The forms of a day (EMD-1.4). */
  readonly forms: { readonly [K in FormKind]: string }
  /** Where a progress sheet stands (EMD-2.16). */
  readonly sheetStatuses: { readonly [K in SheetStatus]: string }
  /** Growth levels assessed by methodists (EMD-2.18). */
  readonly growth: { readonly [K in Growth]: string }
  /** Competence areas of deficits (EMD-2.1). */
  readonly areas: { readonly [K in Area]: string }
  /** Where a plan of targeted help stands (EMD-2.17). */
  readonly planStatuses: { readonly [K in PlanStatus]: string }
  /** A participant's role in a progress sheet. */
  readonly roles: { readonly leader: string; readonly teacher: string }
  /** Why a day was cancelled. */
  readonly cancelReasons: {
    readonly quarantine: string
    readonly "non-working-day": string
    readonly other: string
  }
  /** Every other label, by what it labels. */
  readonly label: {
    readonly n: string
    readonly school: string
    readonly lowResults: string
    readonly responsible: string
    readonly curator: string
    readonly curatorSchool: string
    readonly stage: string
    readonly form: string
    readonly participants: string
    readonly leaders: string
    readonly teachers: string
    readonly lateSteps: string
    readonly overdueSteps: string
    readonly decisionItems: string
    readonly total: string
    readonly day: string
    readonly days: string
    readonly daysHeld: string
    readonly schoolsHeld: string
    readonly schoolsLate: string
    readonly schoolsOverdue: string
    readonly flagged: string
    readonly lateQuestions: string
    readonly overdueCount: string
    readonly lateCount: string
    readonly topic: string
    readonly period: string
    readonly schools: string
    readonly sheet: string
    readonly sheetStatus: string
    readonly sheetDue: string
    readonly submittedOn: string
    readonly growth: string
    readonly deficits: string
    readonly helpPlan: string
    readonly person: string
    readonly role: string
    readonly progress: string
    readonly practice: string
    readonly area: string
    readonly description: string
    readonly growthLevel: string
    readonly comment: string
    readonly action: string
    readonly forWhom: string
    readonly owner: string
    readonly dueDate: string
    readonly doneOn: string
    readonly late: string
    readonly planStatus: string
    readonly agreedOn: string
    readonly wholeSchool: string
    readonly title: string
    readonly summary: string
    readonly author: string
    readonly link: string
    readonly acceptedOn: string
    readonly practices: string
    readonly maxLoad: string
    readonly load: string
    readonly submitted: string
    readonly assessed: string
    readonly agreedPlans: string
    readonly missing: string
    readonly sheetsLate: string
    readonly itemsDone: string
    readonly topics: string
    readonly curators: string
    readonly lowResultsSchools: string
    readonly withoutCurator: string
    readonly schoolYear: string
    readonly itemsOverdue: string
    readonly week: string
    readonly people: string
    readonly steps: string
  }
  /** Titles and headings of the documents and their parts. */
  readonly text: {
    readonly weeklyTitle: (day: string) => string
    readonly weeklySchools: string
    readonly weeklyParameters: string
    readonly weeklyParticipationChart: (day: string) => string
    readonly weeklyLatenessChart: (day: string) => string
    readonly weeklyNote: string
    readonly monthTitle: (month: string) => string
    readonly monthDays: string
    readonly monthDaysBySchool: string
    readonly monthDaysByWeek: string
    readonly monthSheets: string
    readonly monthParticipationChart: (month: string) => string
    readonly monthLatenessChart: (month: string) => string
    readonly monthWeeksChart: (month: string) => string
    readonly monthGrowth: string
    readonly sheetTitle: string
    readonly sheetSubtitle: (school: string, month: string) => string
    readonly sheetEntries: string
    readonly sheetDeficits: string
    readonly sheetNotSubmitted: (status: string) => string
    readonly planTitle: string
    readonly planSubtitle: (school: string, month: string) => string
    readonly planItems: string
    readonly planGrounds: string
    readonly planNotDrafted: string
    readonly planDraftNote: string
    readonly bankTitle: string
    readonly bankSubtitle: (year: string) => string
    readonly bankEmpty: string
    readonly bankTopicUnknown: (id: string) => string
    readonly curatorsTitle: string
    readonly curatorsSubtitle: (year: string) => string
    readonly curatorsPairs: string
    readonly curatorsLoad: string
    readonly curatorsNone: string
    readonly notPlanned: string
    readonly schoolYear: (startYear: number) => string
    readonly itemsDone: (done: number, total: number) => string
    readonly cancelled: (reason: string) => string
  }
  /** Series of the charts. */
  readonly series: {
    readonly participants: string
    readonly lateSteps: string
    readonly overdueSteps: string
    readonly schoolsHeld: string
    readonly schoolsLate: string
    readonly schoolsOverdue: string
    readonly people: string
    readonly steps: string
  }
}

const ru: EmdWords = {
  monthsNominative: [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ],
  monthYear: (month, year) => `${ru.monthsNominative[month - 1] ?? month} ${year} г.`,
  steps: {
    materials: "материалы",
    form: "выбор формы",
    videoconference: "ВКС",
    questions: "вопросы",
    day: "проведение дня",
    decision: "решение",
  },
  stages: {
    materials: "ожидает материалы",
    form: "выбор формы",
    videoconference: "ВКС",
    questions: "вопросы",
    day: "проведение дня",
    decision: "решение",
    control: "контроль исполнения решения",
    complete: "цикл завершён",
    cancelled: "день отменён",
    "not-opened": "цикл не открыт",
  },
  forms: {
    seminar: "семинар",
    workshop: "практикум",
    "round-table": "круглый стол",
    "open-lessons": "открытые уроки",
    "master-class": "мастер-класс",
    "pedagogical-council": "педагогический совет",
    "methodical-association": "заседание методического объединения",
    other: "другая форма",
  },
  sheetStatuses: {
    submitted: "представлен",
    "submitted-late": "представлен с опозданием",
    "not-due": "срок не наступил",
    overdue: "не представлен",
  },
  growth: {
    decline: "снижение",
    none: "нет динамики",
    moderate: "умеренный рост",
    significant: "значительный рост",
  },
  areas: {
    methodical: "методическая",
    subject: "предметная",
    "psychological-pedagogical": "психолого-педагогическая",
    assessment: "оценочная",
    digital: "цифровая",
    managerial: "управленческая",
    communicative: "коммуникативная",
  },
  planStatuses: { none: "не составлен", draft: "проект", agreed: "согласован" },
  roles: { leader: "руководитель", teacher: "педагог" },
  cancelReasons: {
    quarantine: "карантин",
    "non-working-day": "нерабочий день",
    other: "иная причина",
  },
  label: {
    n: "№",
    school: "Образовательная организация",
    lowResults: "ШНОР",
    responsible: "Ответственный за ЕМД",
    curator: "Куратор",
    curatorSchool: "Организация куратора",
    stage: "Достигнутый шаг",
    form: "Форма проведения",
    participants: "Участники",
    leaders: "Руководители",
    teachers: "Педагоги",
    lateSteps: "С опозданием",
    overdueSteps: "Просрочено",
    decisionItems: "Пункты решения",
    total: "Итого",
    day: "День",
    days: "Дни ЕМД",
    daysHeld: "Проведено дней",
    schoolsHeld: "Школ провели день",
    schoolsLate: "Школ с опозданием",
    schoolsOverdue: "Школ с просрочкой",
    flagged: "ШНОР с пропущенными шагами (п. 1.3)",
    lateQuestions: "Вопросы с опозданием",
    overdueCount: "Просроченных шагов",
    lateCount: "Шагов с опозданием",
    topic: "Тема",
    period: "Период",
    schools: "Образовательных организаций",
    sheet: "Лист продвижения",
    sheetStatus: "Лист продвижения",
    sheetDue: "Срок представления",
    submittedOn: "Представлен",
    growth: "Оценка роста",
    deficits: "Дефициты",
    helpPlan: "План адресной помощи",
    person: "Участник",
    role: "Должность",
    progress: "Продвижение за месяц",
    practice: "Практика",
    area: "Компетенция",
    description: "Дефицит",
    growthLevel: "Профессиональный рост",
    comment: "Комментарий методиста",
    action: "Мероприятие",
    forWhom: "Для кого",
    owner: "Ответственный",
    dueDate: "Срок",
    doneOn: "Выполнено",
    late: "С опозданием",
    planStatus: "Статус плана",
    agreedOn: "Согласован",
    wholeSchool: "вся организация",
    title: "Название",
    summary: "Краткое описание",
    author: "Автор",
    link: "Ссылка",
    acceptedOn: "Включена в банк",
    practices: "Практик в банке",
    maxLoad: "Наибольшая нагрузка куратора",
    load: "Закреплено школ",
    submitted: "Листов представлено",
    assessed: "Рост оценён",
    agreedPlans: "Планов адресной помощи согласовано",
    missing: "Листов не представлено",
    sheetsLate: "Листов представлено с опозданием",
    itemsDone: "Выполнено мероприятий",
    topics: "Тем",
    curators: "Кураторов",
    lowResultsSchools: "Школ с низкими образовательными результатами",
    withoutCurator: "ШНОР без куратора",
    schoolYear: "Учебный год",
    itemsOverdue: "Просрочено мероприятий",
    week: "Неделя",
    people: "человек",
    steps: "шагов",
  },
  text: {
    weeklyTitle: (day) => `Сводка ЕМД за неделю: единый методический день ${day}`,
    weeklySchools: "Продвижение образовательных организаций по шагам цикла",
    weeklyParameters: "Итоги недели",
    weeklyParticipationChart: (day) => `Участники ЕМД ${day} по школам`,
    weeklyLatenessChart: (day) => `Опоздания и просрочки недели ЕМД ${day} по школам`,
    weeklyNote:
      "Шаги цикла: материалы (среда T−8), ВКС (пятница T−6), вопросы (понедельник T−3 до 11:00), проведение дня (T), решение. Вопросы, направленные после срока, приняты и отмечены как поступившие с опозданием (п. 2.10).",
    monthTitle: (month) => `Об итогах единых методических дней за ${month}`,
    monthDays: "Общие сведения",
    monthDaysBySchool: "Участие и опоздания по школам",
    monthDaysByWeek: "Участие и опоздания по неделям",
    monthSheets: "Листы продвижения",
    monthParticipationChart: (month) => `Участники ЕМД по школам, ${month}`,
    monthLatenessChart: (month) => `Опоздания и просрочки по школам, ${month}`,
    monthWeeksChart: (month) => `Участие и опоздания по неделям, ${month}`,
    monthGrowth: "Оценка профессионального роста участников (п. 2.18)",
    sheetTitle: "Лист продвижения",
    sheetSubtitle: (school, month) => `${school}, ${month}`,
    sheetEntries: "Продвижение участников",
    sheetDeficits: "Выявленные профессиональные дефициты",
    sheetNotSubmitted: (status) => `Лист продвижения за месяц: ${status}.`,
    planTitle: "План адресной помощи",
    planSubtitle: (school, month) => `${school}, по листу продвижения за ${month}`,
    planItems: "Мероприятия",
    planGrounds: "Основания: дефициты по листу продвижения",
    planNotDrafted: "План адресной помощи за этот месяц не составлен.",
    planDraftNote:
      "Проект: план вступает в силу после согласования куратором и методическим отделом.",
    bankTitle: "Банк лучших практик",
    bankSubtitle: (year) => `единых методических дней, ${year}`,
    bankEmpty: "В банке пока нет практик.",
    bankTopicUnknown: (id) => `Тема ${id}`,
    curatorsTitle: "Закрепление кураторов за школами",
    curatorsSubtitle: (year) => `с низкими образовательными результатами, ${year}`,
    curatorsPairs: "Кураторы школ с низкими образовательными результатами (п. 2.3)",
    curatorsLoad: "Нагрузка кураторов",
    curatorsNone: "Кураторы не закреплены.",
    notPlanned: "Год единых методических дней не запланирован.",
    schoolYear: (startYear) =>
      `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")} учебный год`,
    itemsDone: (done, total) => `${done} из ${total}`,
    cancelled: (reason) => `день отменён (${reason})`,
  },
  series: {
    participants: "Участники",
    lateSteps: "Шагов с опозданием",
    overdueSteps: "Просроченных шагов",
    schoolsHeld: "Школ провели день",
    schoolsLate: "Школ с опозданием",
    schoolsOverdue: "Школ с просрочкой",
    people: "человек",
    steps: "шагов",
  },
}

const en: EmdWords = {
  monthsNominative: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  monthYear: (month, year) => `${en.monthsNominative[month - 1] ?? month} ${year}`,
  steps: {
    materials: "materials",
    form: "form chosen",
    videoconference: "videoconference",
    questions: "questions",
    day: "day held",
    decision: "decision",
  },
  stages: {
    materials: "waiting for materials",
    form: "choosing the form",
    videoconference: "videoconference",
    questions: "questions",
    day: "day to hold",
    decision: "decision",
    control: "controlling the decision",
    complete: "cycle complete",
    cancelled: "day cancelled",
    "not-opened": "cycle not opened",
  },
  forms: {
    seminar: "seminar",
    workshop: "workshop",
    "round-table": "round table",
    "open-lessons": "open lessons",
    "master-class": "master class",
    "pedagogical-council": "pedagogical council",
    "methodical-association": "methodical association meeting",
    other: "other form",
  },
  sheetStatuses: {
    submitted: "submitted",
    "submitted-late": "submitted late",
    "not-due": "not due yet",
    overdue: "missing",
  },
  growth: {
    decline: "decline",
    none: "no change",
    moderate: "moderate growth",
    significant: "significant growth",
  },
  areas: {
    methodical: "methodical",
    subject: "subject",
    "psychological-pedagogical": "psychological-pedagogical",
    assessment: "assessment",
    digital: "digital",
    managerial: "managerial",
    communicative: "communicative",
  },
  planStatuses: { none: "none", draft: "draft", agreed: "agreed" },
  roles: { leader: "leader", teacher: "teacher" },
  cancelReasons: {
    quarantine: "quarantine",
    "non-working-day": "non-working day",
    other: "other reason",
  },
  label: {
    n: "No.",
    school: "School",
    lowResults: "Low results",
    responsible: "Responsible person",
    curator: "Curator",
    curatorSchool: "Curator's school",
    stage: "Step reached",
    form: "Form",
    participants: "Participants",
    leaders: "Leaders",
    teachers: "Teachers",
    lateSteps: "Late",
    overdueSteps: "Overdue",
    decisionItems: "Decision items",
    total: "Total",
    day: "Day",
    days: "Methodical days",
    daysHeld: "Days held",
    schoolsHeld: "Schools that held the day",
    schoolsLate: "Schools late",
    schoolsOverdue: "Schools overdue",
    flagged: "Low-results schools with missing steps (1.3)",
    lateQuestions: "Late questions",
    overdueCount: "Overdue steps",
    lateCount: "Late steps",
    topic: "Topic",
    period: "Period",
    schools: "Schools",
    sheet: "Progress sheet",
    sheetStatus: "Progress sheet",
    sheetDue: "Due",
    submittedOn: "Submitted",
    growth: "Growth assessed",
    deficits: "Deficits",
    helpPlan: "Targeted-help plan",
    person: "Participant",
    role: "Role",
    progress: "Progress this month",
    practice: "Practice",
    area: "Competence",
    description: "Deficit",
    growthLevel: "Professional growth",
    comment: "Methodist's comment",
    action: "Action",
    forWhom: "For",
    owner: "Owner",
    dueDate: "Due",
    doneOn: "Done",
    late: "Late",
    planStatus: "Plan status",
    agreedOn: "Agreed",
    wholeSchool: "whole school",
    title: "Title",
    summary: "Summary",
    author: "Author",
    link: "Link",
    acceptedOn: "Accepted",
    practices: "Practices in the bank",
    maxLoad: "Maximum load of a curator",
    load: "Schools",
    submitted: "Sheets submitted",
    assessed: "Growth assessed",
    agreedPlans: "Targeted-help plans agreed",
    missing: "Sheets missing",
    sheetsLate: "Sheets submitted late",
    itemsDone: "Actions done",
    topics: "Topics",
    curators: "Curators",
    lowResultsSchools: "Low-results schools",
    withoutCurator: "Low-results schools without a curator",
    schoolYear: "School year",
    itemsOverdue: "Actions overdue",
    week: "Week",
    people: "people",
    steps: "steps",
  },
  text: {
    weeklyTitle: (day) => `Weekly EMD summary: unified methodical day ${day}`,
    weeklySchools: "Schools by step of the weekly cycle",
    weeklyParameters: "The week in figures",
    weeklyParticipationChart: (day) => `Participants of the day ${day} by school`,
    weeklyLatenessChart: (day) => `Late and overdue steps of the week of ${day} by school`,
    weeklyNote:
      "Steps: materials (Wednesday T−8), videoconference (Friday T−6), questions (Monday T−3 by 11:00), the day (T), the decision. Questions sent after the deadline are accepted and marked late (2.10).",
    monthTitle: (month) => `Unified methodical days: ${month}`,
    monthDays: "Overview",
    monthDaysBySchool: "Participation and lateness by school",
    monthDaysByWeek: "Participation and lateness by week",
    monthSheets: "Progress sheets",
    monthParticipationChart: (month) => `Participants by school, ${month}`,
    monthLatenessChart: (month) => `Late and overdue steps by school, ${month}`,
    monthWeeksChart: (month) => `Participation and lateness by week, ${month}`,
    monthGrowth: "Professional growth of participants (2.18)",
    sheetTitle: "Progress sheet",
    sheetSubtitle: (school, month) => `${school}, ${month}`,
    sheetEntries: "Participants' progress",
    sheetDeficits: "Professional deficits found",
    sheetNotSubmitted: (status) => `Progress sheet of the month: ${status}.`,
    planTitle: "Targeted-help plan",
    planSubtitle: (school, month) => `${school}, from the progress sheet of ${month}`,
    planItems: "Actions",
    planGrounds: "Grounds: deficits in the progress sheet",
    planNotDrafted: "No targeted-help plan has been drawn up for this month.",
    planDraftNote:
      "Draft: the plan is in force once the curator and the methodical department agree to it.",
    bankTitle: "Bank of best practices",
    bankSubtitle: (year) => `of the unified methodical days, ${year}`,
    bankEmpty: "The bank holds no practices yet.",
    bankTopicUnknown: (id) => `Topic ${id}`,
    curatorsTitle: "Curators assigned to schools",
    curatorsSubtitle: (year) => `with low educational results, ${year}`,
    curatorsPairs: "Curators of low-results schools (2.3)",
    curatorsLoad: "Curators' load",
    curatorsNone: "No curators assigned.",
    notPlanned: "The year of unified methodical days has not been planned.",
    schoolYear: (startYear) =>
      `school year ${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`,
    itemsDone: (done, total) => `${done} of ${total}`,
    cancelled: (reason) => `day cancelled (${reason})`,
  },
  series: {
    participants: "Participants",
    lateSteps: "Late steps",
    overdueSteps: "Overdue steps",
    schoolsHeld: "Schools that held the day",
    schoolsLate: "Schools late",
    schoolsOverdue: "Schools overdue",
    people: "people",
    steps: "steps",
  },
}

/** The words of the EMD reports in `locale`. */
export const emdWords = (locale: Locale): EmdWords => (locale === "en" ? en : ru)
