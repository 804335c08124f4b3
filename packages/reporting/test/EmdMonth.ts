/**
 * A simulated month of the unified methodical day, run through the real engine of
 * `@metodika/core` on the in-memory store with a controlled clock: December 2025 in a
 * district of ten schools (two low-results) in the Omsk zone, four Thursdays (4, 11, 18
 * and 25 December), the December progress sheets, two plans of targeted help, teachers'
 * practices for the bank, responsible persons and curators.
 *
 * What each school does each week is written out in the tables below (late questions,
 * missing questions, no form, a day not held, a day cancelled, a late or missing
 * decision), so the tests can count every figure of the reports from these tables,
 * independently of the read models and of the report models.
 */
import {
  Actor,
  type Decider,
  Engine,
  EventStore,
  Ids,
  InMemory,
  LocalDate,
  UnifiedDay,
} from "@metodika/core"
import { DateTime, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { EmdReports } from "../src/index.ts"

const { Cycle, HelpPlan, ProgressSheet, TeacherPractice, Year, YearMonth } = UnifiedDay

// ---------------------------------------------------------------- the district

/** The district of the simulation. */
export const district = Ids.DistrictId.make("poltavsky")

/** The district's zone: Omsk, UTC+6 all year. */
export const zone = DateTime.zoneMakeNamedUnsafe("Asia/Omsk")

/** The seed regulation (EMD settings of the Poltavsky district) in the Omsk zone. */
export const regulation: UnifiedDay.Regulation.EmdRegulation = {
  calendar: { timeZone: zone, regionalAdditions: [] },
  emd: UnifiedDay.Regulation.defaultSettings,
}

/** School numbers 1–10; school `s` has id `s01` … `s10`. */
export const numbers: ReadonlyArray<number> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/** The id of school `s`. */
export const schoolId = (s: number): Ids.OrganisationId =>
  Ids.OrganisationId.make(`s${String(s).padStart(2, "0")}`)

/** The low-results schools (EMD-1.3): participation mandatory, a curator each. */
export const lowResults: ReadonlySet<number> = new Set([4, 7])

/** The schools' names, with the characters that trouble CSV, XML and Markdown. */
export const schoolNames: ReadonlyArray<string> = [
  "МБОУ «СОШ № 1» р. п. Полтавка",
  "МБОУ «Лицей № 2»",
  "МАОУ «Гимназия № 3»",
  "МКОУ «Ворошиловская СОШ» (ШНОР)",
  "МБОУ «ООШ с. Берёзовка»",
  "МБОУ «СОШ п. Заречный»",
  "МКОУ «Шахтинская СОШ»; филиал",
  "МБОУ «СОШ с. Ивановка»",
  "МАОУ «Школа „Перспектива“»",
  "МБОУ «СОШ № 10» & Ко",
]

const surnames = [
  ["Иванова", "Мария", "Петровна"],
  ["Смирнов", "Алексей", "Игоревич"],
  ["Кузнецова", "Ольга", "Викторовна"],
  ["Попов", "Дмитрий", "Сергеевич"],
  ["Васильева", "Анна", "Николаевна"],
  ["Соколова", "Елена", "Андреевна"],
  ["Михайлов", "Игорь", "Владимирович"],
  ["Новикова", "Татьяна", "Юрьевна"],
  ["Фёдорова", "Наталья", "Олеговна"],
  ["Морозов", "Павел", "Евгеньевич"],
  ["Волкова", "Ирина", "Сергеевна"],
  ["Алексеев", "Андрей", "Павлович"],
  ["Лебедева", "Светлана", "Ивановна"],
  ["Семёнов", "Олег", "Викторович"],
  ["Егорова", "Юлия", "Александровна"],
  ["Павлов", "Николай", "Петрович"],
  ["Козлова", "Галина", "Михайловна"],
  ["Степанов", "Виктор", "Алексеевич"],
  ["Николаева", "Людмила", "Борисовна"],
  ["Орлов", "Сергей", "Дмитриевич"],
  ["Андреева", "Валентина", "Ильинична"],
  ["Макаров", "Евгений", "Олегович"],
  ["Никитина", "Ксения", "Романовна"],
  ["Захаров", "Роман", "Андреевич"],
  ["Зайцева", "Вера", "Степановна"],
  ["Соловьёв", "Артём", "Максимович"],
  ["Борисова", "Надежда", "Фёдоровна"],
  ["Яковлев", "Максим", "Юрьевич"],
  ["Григорьева", "Лариса", "Геннадьевна"],
  ["Романов", "Илья", "Константинович"],
  ["Воробьёва", "Полина", "Денисовна"],
  ["Сергеев", "Антон", "Валерьевич"],
  ["Кузьмина", "Дарья", "Артёмовна"],
  ["Фролов", "Кирилл", "Матвеевич"],
  ["Александрова", "Алина", "Эдуардовна"],
  ["Дмитриев", "Глеб", "Аркадьевич"],
  ["Королёва", "Софья", "Львовна"],
  ["Гусев", "Тимур", "Ринатович"],
  ["Киселёва", "Эльвира", "Маратовна"],
  ["Ильин", "Фёдор", "Семёнович"],
  ["Тарасова", "Елена", "Васильевна"],
  ["Белова", "Жанна", "Карловна"],
] as const

/** The person ids of school `s`: its leader, responsible person and two teachers. */
export const people = (s: number) => {
  const id = schoolId(s)
  return {
    leader: Ids.PersonId.make(`leader-${id}`),
    responsible: Ids.PersonId.make(`resp-${id}`),
    teachers: [Ids.PersonId.make(`t-${id}-1`), Ids.PersonId.make(`t-${id}-2`)] as const,
  }
}

/** The municipal coordinator and the methodist. */
export const coordinatorId = Ids.PersonId.make("coordinator")
/** @see coordinatorId */
export const methodistId = Ids.PersonId.make("methodist")

/** Every person's full name by id (personal data). */
export const personNames: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {}
  let i = 0
  const next = () => {
    const [surname, name, patronymic] = surnames[i++] ?? ["Безымянный", "Иван", "Иванович"]
    return `${surname} ${name} ${patronymic}`
  }
  for (const s of numbers) {
    const p = people(s)
    out[p.leader] = next()
    out[p.responsible] = next()
    for (const t of p.teachers) out[t] = next()
  }
  out[coordinatorId] = next()
  out[methodistId] = next()
  return out
})()

/** The surnames of everyone in the directory, for checking that a public report names nobody. */
export const allSurnames: ReadonlyArray<string> = Object.values(personNames).map(
  (n) => n.split(" ")[0] ?? n,
)

/** The directory of the reports: schools and people by id. */
export const directory = EmdReports.Directory.make({
  schools: Object.fromEntries(numbers.map((s) => [schoolId(s), schoolNames[s - 1] ?? ""])),
  people: personNames,
})

// ---------------------------------------------------------------- what each school does

/** The four Thursdays of December 2025 (EMD-1.2). */
export const days: ReadonlyArray<LocalDate.LocalDate> = ["04", "11", "18", "25"].map((d) =>
  LocalDate.unsafeFromString(`2025-12-${d}`),
)

/** The month of the simulation. */
export const month = YearMonth.make(2025, 12)

const key = (s: number, w: number) => `${s}-${w}`

/** EMD-2.10: questions sent after Monday T−3 11:00 (on Tuesday T−2), by school and week index. */
export const questionsLate: ReadonlySet<string> = new Set([
  "4-0",
  "8-0",
  "3-1",
  "7-1",
  "2-2",
  "6-2",
  "1-3",
  "5-3",
])
/** EMD-2.10: questions never sent. */
export const questionsNone: ReadonlySet<string> = new Set(["9-0", "5-1", "1-2", "8-3"])
/** EMD-1.4, 2.8: no form chosen before the day. */
export const noForm: ReadonlySet<string> = new Set(["6-0", "10-1", "3-3"])
/** EMD-2.12: the day not held (nor cancelled). */
export const notHeld: ReadonlySet<string> = new Set(["7-2", "2-3"])
/** The day cancelled for the school (quarantine) on Wednesday T−1. */
export const cancelled: ReadonlySet<string> = new Set(["10-2"])
/** EMD-2.12: the decision sent the next morning, after its due instant. */
export const decisionLate: ReadonlySet<string> = new Set(["1-0", "9-1", "5-2"])
/** EMD-2.12: the day held but no decision sent. */
export const decisionNone: ReadonlySet<string> = new Set(["3-2"])

/** Whether school `s` did a thing in week `w`. */
export const did = (set: ReadonlySet<string>, s: number, w: number): boolean => set.has(key(s, w))

/** EMD-1.3, 2.12: leaders and teachers who took part in school `s`'s day of week `w`. */
export const participants = (s: number, w: number) => ({
  leaders: 1 + (s % 2),
  teachers: 5 + ((s * 3 + w * 2) % 9),
})

/** Whether school `s` held its day in week `w`. */
export const held = (s: number, w: number): boolean => !did(notHeld, s, w) && !did(cancelled, s, w)

const formKinds = ["seminar", "workshop", "round-table", "open-lessons", "master-class"] as const

/** EMD-1.4: the form school `s` holds its day in, week `w`. */
export const form = (s: number, w: number): UnifiedDay.Cycle.DayForm =>
  s === 3
    ? { kind: "pedagogical-council", title: "Педсовет-практикум" }
    : { kind: formKinds[(s + w) % formKinds.length] ?? "seminar" }

/** EMD-2.16: when each school's December sheet comes in: on time, late, or never. */
export const sheet = (s: number): "on-time" | "late" | "none" =>
  s === 5 ? "late" : s === 9 ? "none" : "on-time"

/** EMD-2.1: the deficits noted in school `s`'s sheet, per teacher index. */
export const sheetDeficits = (
  s: number,
): ReadonlyArray<{
  readonly teacher: 0 | 1
  readonly area: UnifiedDay.Deficit.DeficitArea
  readonly description: string
}> =>
  s === 4
    ? [
        {
          teacher: 0,
          area: "digital",
          description: "Не использует цифровые образовательные ресурсы",
        },
      ]
    : s === 7
      ? [
          { teacher: 0, area: "assessment", description: "Критерии оценивания не согласованы" },
          { teacher: 1, area: "methodical", description: "Нет технологической карты урока" },
        ]
      : s === 2
        ? [{ teacher: 1, area: "psychological-pedagogical", description: "Трудности с мотивацией" }]
        : []

/** EMD-2.18: the growth a methodist assessed, by school, for the two teachers. */
export const growth: ReadonlyMap<
  number,
  readonly [UnifiedDay.ProgressSheet.GrowthLevel, UnifiedDay.ProgressSheet.GrowthLevel]
> = new Map([
  [1, ["significant", "moderate"]],
  [2, ["moderate", "none"]],
  [4, ["none", "moderate"]],
  [7, ["decline", "moderate"]],
])

/** EMD-2.14, 2.15, 2.2: the practices submitted to the bank and their reviews. */
export const practices: ReadonlyArray<{
  readonly s: number
  readonly teacher: 0 | 1
  readonly submissionId: string
  readonly topic: "t1" | "t2"
  readonly title: string
  readonly verdict?: "accepted" | "rejected"
  readonly url?: string
}> = [
  {
    s: 1,
    teacher: 0,
    submissionId: "p1",
    topic: "t1",
    title: "Лист самооценки на уроке математики",
    verdict: "accepted",
    url: "https://school1.example/self-check",
  },
  {
    s: 2,
    teacher: 0,
    submissionId: "p1",
    topic: "t1",
    title: "Взаимооценивание в парах",
    verdict: "accepted",
  },
  {
    s: 3,
    teacher: 1,
    submissionId: "p1",
    topic: "t2",
    title: "Проектная неделя «Мой край»",
    verdict: "accepted",
  },
  {
    s: 6,
    teacher: 0,
    submissionId: "p1",
    topic: "t2",
    title: "Кейс-метод в биологии",
    verdict: "rejected",
  },
  { s: 8, teacher: 0, submissionId: "p1", topic: "t2", title: "Цифровой дневник наблюдений" },
  {
    s: 1,
    teacher: 0,
    submissionId: "p2",
    topic: "t2",
    title: "Рефлексия «Три предложения»",
    verdict: "accepted",
  },
]

/** The topics of the month's days (EMD-1.6): t1 on the first two Thursdays, t2 after. */
export const topics = {
  t1: "Формирующее оценивание",
  t2: "Функциональная грамотность",
} as const

// ---------------------------------------------------------------- the engine run

const engine = Engine.make({ regulationFor: () => Effect.succeed(regulation) })

/** An instant from a local (Omsk) date and time. */
export const local = (date: string, hour: number, minute = 0): DateTime.Utc => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return DateTime.makeUnsafe(Date.UTC(y, m - 1, d, hour - 6, minute))
}

const nonEmpty = <A>(xs: ReadonlyArray<A>): readonly [A, ...Array<A>] => {
  if (xs.length === 0) throw new Error("expected a non-empty list")
  return xs as readonly [A, ...Array<A>]
}

const plus = (date: LocalDate.LocalDate, n: number): LocalDate.LocalDate =>
  LocalDate.addDays(date, n)

type Step = {
  readonly at: DateTime.Utc
  readonly run: Effect.Effect<unknown, unknown, EventStore.EventStore>
}

const at = <C extends { readonly _tag: string }, E extends { readonly _tag: string }, S, Err>(
  when: DateTime.Utc,
  definition: Decider.Definition<
    C,
    E,
    S,
    Err,
    Decider.DecisionContext<UnifiedDay.Regulation.EmdRegulation>
  >,
  streamId: Ids.StreamId,
  command: C,
  actor: Actor.Actor,
): Step => ({ at: when, run: engine.execute(definition, streamId, command, actor) })

const coordinator = Actor.make(coordinatorId, district, ["municipal-coordinator"])
const methodist = Actor.make(methodistId, district, ["methodist"])
const leaderOf = (s: number) =>
  Actor.make(people(s).leader, district, [{ role: "school-leader", organisationId: schoolId(s) }])
const responsibleOf = (s: number) =>
  Actor.make(people(s).responsible, district, [
    { role: "day-responsible", organisationId: schoolId(s) },
  ])
const teacherOf = (s: number, t: 0 | 1) =>
  Actor.make(people(s).teachers[t], district, [{ role: "teacher", organisationId: schoolId(s) }])

/** The schools as the curator rule sees them. */
const curatorSchools = numbers.map((s) => ({
  id: schoolId(s),
  lowResults: lowResults.has(s),
  leaderId: people(s).leader,
}))

/**
 * EMD-2.3 by hand: the least-loaded leader of a school that is not low-results, ties by
 * id: leader-s01 takes s04, then leader-s02 (load 0 against 1) takes s07.
 */
export const expectedCurators: ReadonlyArray<{
  readonly school: number
  readonly curatorSchool: number
}> = [
  { school: 4, curatorSchool: 1 },
  { school: 7, curatorSchool: 2 },
]

const curatorOf = (s: number) => {
  const pair = expectedCurators.find((p) => p.school === s)!
  return Actor.make(people(pair.curatorSchool).leader, district, [
    { role: "curator", organisationId: schoolId(s) },
  ])
}

const yearStream = Year.streamId(district, 2025)

const yearSteps = (): Array<Step> => {
  const steps: Array<Step> = [
    at(
      local("2025-08-25", 9),
      Year.definition,
      yearStream,
      new Year.PlanYear({ districtId: district, startYear: 2025 }),
      coordinator,
    ),
  ]
  for (const s of numbers) {
    steps.push(
      at(
        local("2025-08-26", 9, s),
        Year.definition,
        yearStream,
        new Year.RegisterSchool({
          schoolId: schoolId(s),
          lowResults: lowResults.has(s),
          leaderId: people(s).leader,
        }),
        coordinator,
      ),
      at(
        local("2025-08-27", 9, s),
        Year.definition,
        yearStream,
        new Year.AppointResponsible({
          schoolId: schoolId(s),
          personId: people(s).responsible,
          basis: s % 2 === 0 ? "active-teacher" : "deputy-leader",
          order: {
            number: `${s}-од`,
            date: LocalDate.unsafeFromString("2025-08-27"),
            issuer: schoolId(s),
            title: "О назначении ответственного за единый методический день",
          },
        }),
        leaderOf(s),
      ),
    )
  }
  steps.push(
    at(
      local("2025-08-28", 9),
      Year.definition,
      yearStream,
      new Year.AssignCurators({ schools: curatorSchools }),
      coordinator,
    ),
  )
  for (const [topicId, title] of Object.entries(topics)) {
    steps.push(
      at(
        local("2025-11-20", 9),
        Year.definition,
        yearStream,
        new Year.ReceiveTopic({
          topicId: Ids.TopicId.make(topicId),
          title,
          seminars: [{ title: `Видеосеминар: ${title}`, url: `https://iro.example/${topicId}` }],
        }),
        coordinator,
      ),
    )
  }
  days.forEach((day, w) => {
    steps.push(
      at(
        local("2025-11-20", 10, w),
        Year.definition,
        yearStream,
        new Year.AssignTopic({ date: day, topicId: Ids.TopicId.make(w < 2 ? "t1" : "t2") }),
        coordinator,
      ),
    )
  })
  return steps
}

const cycleSteps = (s: number, w: number): Array<Step> => {
  const day = days[w]!
  const stream = Cycle.streamId(schoolId(s), day)
  const leader = leaderOf(s)
  const steps: Array<Step> = [
    at(
      local(plus(day, -10), 9, s),
      Cycle.definition,
      stream,
      new Cycle.OpenCycle({
        schoolId: schoolId(s),
        date: day,
        lowResults: lowResults.has(s),
        topicId: Ids.TopicId.make(w < 2 ? "t1" : "t2"),
      }),
      coordinator,
    ),
    at(
      local(plus(day, -8), 10, s),
      Cycle.definition,
      stream,
      new Cycle.IssueMaterials({
        seminars: [{ title: "Видеосеминар", url: "https://iro.example/seminar" }],
        questions: ["Как применить материалы семинара на уроке?"],
      }),
      coordinator,
    ),
    at(
      local(plus(day, -6), 15, s),
      Cycle.definition,
      stream,
      new Cycle.RecordVideoconference({ attendees: [people(s).leader, people(s).responsible] }),
      coordinator,
    ),
  ]
  if (!did(noForm, s, w)) {
    steps.push(
      at(
        local(plus(day, -7), 12, s),
        Cycle.definition,
        stream,
        new Cycle.ChooseForm({ form: form(s, w) }),
        leader,
      ),
    )
  }
  if (!did(questionsNone, s, w)) {
    const when = did(questionsLate, s, w) ? local(plus(day, -2), 10, s) : local(plus(day, -3), 9, s)
    steps.push(
      at(
        when,
        Cycle.definition,
        stream,
        new Cycle.SubmitQuestions({ questions: ["Как оценивать групповую работу?"] }),
        responsibleOf(s),
      ),
    )
  }
  if (did(cancelled, s, w)) {
    steps.push(
      at(
        local(plus(day, -1), 9, s),
        Cycle.definition,
        stream,
        new Cycle.CancelDay({ reason: "quarantine" }),
        leader,
      ),
    )
    return steps
  }
  if (!held(s, w)) return steps
  steps.push(
    at(
      local(day, 14, s),
      Cycle.definition,
      stream,
      new Cycle.HoldDay({ form: form(s, w), participants: { ...participants(s, w), people: [] } }),
      leader,
    ),
  )
  if (did(decisionNone, s, w)) return steps
  const sentAt = did(decisionLate, s, w) ? local(plus(day, 1), 10, s) : local(day, 17, s)
  steps.push(
    at(
      sentAt,
      Cycle.definition,
      stream,
      new Cycle.SendDecision({
        summary: "Решение ЕМД: внедрить приёмы семинара",
        items: [
          { itemId: "1", text: "Провести открытые уроки по теме дня", dueDate: plus(day, 7) },
        ],
        deficits: [],
      }),
      leader,
    ),
  )
  if (w < 2 && s % 2 === 1) {
    steps.push(
      at(
        local(plus(day, 6), 10, s),
        Cycle.definition,
        stream,
        new Cycle.ControlDecisionItem({ itemId: "1", status: "done" }),
        responsibleOf(s),
      ),
    )
  }
  return steps
}

const sheetSteps = (s: number): Array<Step> => {
  const when = sheet(s)
  if (when === "none") return []
  const stream = ProgressSheet.streamId(schoolId(s), month)
  const p = people(s)
  const deficits = sheetDeficits(s)
  const steps: Array<Step> = [
    at(
      when === "late" ? local("2026-01-12", 10, s) : local("2025-12-29", 10, s),
      ProgressSheet.definition,
      stream,
      new ProgressSheet.SubmitSheet({
        schoolId: schoolId(s),
        month,
        entries: nonEmpty(
          ([0, 1] as const).map(
            (t): UnifiedDay.ProgressSheet.SheetEntry => ({
              personId: p.teachers[t],
              role: "teacher",
              progress: t === 0 ? "Провела два открытых урока" : "Освоил приёмы самооценки",
              ...(t === 0 ? { practice: "Формирующее оценивание" } : {}),
              deficits: deficits
                .filter((d) => d.teacher === t)
                .map((d) => ({ area: d.area, description: d.description })),
            }),
          ),
        ),
      }),
      leaderOf(s),
    ),
  ]
  const levels = growth.get(s)
  if (levels !== undefined) {
    steps.push(
      at(
        local("2026-01-13", 10, s),
        ProgressSheet.definition,
        stream,
        new ProgressSheet.AssessGrowth({
          assessments: [
            {
              personId: p.teachers[0],
              level: levels[0],
              comment: "Динамика подтверждена посещением урока",
            },
            { personId: p.teachers[1], level: levels[1] },
          ],
        }),
        methodist,
      ),
    )
  }
  return steps
}

/** EMD-2.17: the items of school 4's plan, and how they end. */
export const planItems = [
  {
    itemId: "1",
    action: "Индивидуальная консультация по цифровым ресурсам",
    teacher: 0,
    due: "2026-01-23",
    doneAt: local("2026-01-20", 11),
  },
  {
    itemId: "2",
    action: "Семинар-практикум для педагогов школы",
    due: "2026-01-28",
    doneAt: local("2026-02-02", 9),
  },
  { itemId: "3", action: "Посещение уроков куратором", teacher: 1, due: "2026-01-30" },
] as const

const planSteps = (): Array<Step> => {
  const s4 = HelpPlan.streamId(schoolId(4), month)
  const s7 = HelpPlan.streamId(schoolId(7), month)
  const curator = curatorOf(4)
  const steps: Array<Step> = [
    at(
      local("2026-01-14", 10),
      HelpPlan.definition,
      s4,
      new HelpPlan.DraftHelpPlan({
        schoolId: schoolId(4),
        month,
        items: nonEmpty(
          planItems.map(
            (i): UnifiedDay.HelpPlan.HelpItemInput => ({
              itemId: i.itemId,
              action: i.action,
              ...("teacher" in i ? { forPersonId: people(4).teachers[i.teacher] } : {}),
              ownerId: curator.personId,
              dueDate: LocalDate.unsafeFromString(i.due),
            }),
          ),
        ),
      }),
      curator,
    ),
    at(
      local("2026-01-14", 11),
      HelpPlan.definition,
      s4,
      new HelpPlan.AgreeHelpPlan({ party: "curator" }),
      curator,
    ),
    at(
      local("2026-01-15", 9),
      HelpPlan.definition,
      s4,
      new HelpPlan.AgreeHelpPlan({ party: "methodical-department" }),
      methodist,
    ),
    at(
      local("2026-01-16", 10),
      HelpPlan.definition,
      s7,
      new HelpPlan.DraftHelpPlan({
        schoolId: schoolId(7),
        month,
        items: [
          {
            itemId: "1",
            action: "Методический день в школе",
            ownerId: methodistId,
            dueDate: LocalDate.unsafeFromString("2026-02-05"),
          },
        ],
      }),
      methodist,
    ),
  ]
  for (const i of planItems) {
    if ("doneAt" in i) {
      steps.push(
        at(
          i.doneAt,
          HelpPlan.definition,
          s4,
          new HelpPlan.CompleteHelpItem({ itemId: i.itemId }),
          curator,
        ),
      )
    }
  }
  return steps
}

const practiceSteps = (): Array<Step> => {
  const steps: Array<Step> = []
  const chosen = new Set<string>()
  practices.forEach((p, i) => {
    const teacher = teacherOf(p.s, p.teacher)
    const stream = TeacherPractice.streamId(teacher.personId, 2025)
    if (!chosen.has(stream)) {
      chosen.add(stream)
      steps.push(
        at(
          local("2025-10-01", 10, i),
          TeacherPractice.definition,
          stream,
          new TeacherPractice.ChoosePractice({
            teacherId: teacher.personId,
            schoolId: schoolId(p.s),
            startYear: 2025,
            title: "Формирующее оценивание",
          }),
          teacher,
        ),
      )
    }
    steps.push(
      at(
        local("2025-12-19", 10, i),
        TeacherPractice.definition,
        stream,
        new TeacherPractice.SubmitPractice({
          submissionId: p.submissionId,
          topicId: Ids.TopicId.make(p.topic),
          title: p.title,
          summary: `Описание практики: ${p.title}`,
          ...(p.url === undefined ? {} : { url: p.url }),
        }),
        teacher,
      ),
    )
    if (p.verdict !== undefined) {
      steps.push(
        at(
          local("2025-12-22", 10, i),
          TeacherPractice.definition,
          stream,
          new TeacherPractice.ReviewSubmission({
            submissionId: p.submissionId,
            verdict: p.verdict,
          }),
          methodist,
        ),
      )
    }
  })
  return steps
}

/** Every command of the simulation with its instant, in the order they are issued. */
const schedule = (): ReadonlyArray<Step> =>
  [
    ...yearSteps(),
    ...numbers.flatMap((s) => days.flatMap((_, w) => cycleSteps(s, w))),
    ...numbers.flatMap(sheetSteps),
    ...planSteps(),
    ...practiceSteps(),
  ]
    .map((step, i) => ({ step, i }))
    .sort((a, b) => a.step.at.epochMilliseconds - b.step.at.epochMilliseconds || a.i - b.i)
    .map(({ step }) => step)

/**
 * Runs the month through the engine on a fresh in-memory store under `TestClock`, and
 * returns every stored event in global order. Any refused command fails the run.
 */
export const run = (): Promise<ReadonlyArray<EventStore.StoredEvent>> =>
  Effect.runPromise(
    Effect.gen(function* () {
      for (const step of schedule()) {
        yield* TestClock.setTime(step.at.epochMilliseconds)
        yield* step.run
      }
      return yield* EventStore.EventStore.use((s) => s.readAll({ after: 0, limit: 100_000 }))
    }).pipe(Effect.provide(Layer.mergeAll(InMemory.layer, TestClock.layer()))),
  )

/** The read models of the month, folded from its events. */
export interface States {
  readonly weekly: UnifiedDay.WeeklyView.State
  readonly month: UnifiedDay.MonthView.State
  readonly bank: UnifiedDay.PracticeBank.State
  readonly year: UnifiedDay.Year.YearState
}

/** Folds the read models from the month's events. */
export const fold = (events: ReadonlyArray<EventStore.StoredEvent>): States => {
  const weekly = UnifiedDay.Projection.rebuild(UnifiedDay.WeeklyView.readModel, events)
  return {
    weekly,
    month: UnifiedDay.Projection.rebuild(UnifiedDay.MonthView.readModel, events),
    bank: UnifiedDay.Projection.rebuild(UnifiedDay.PracticeBank.readModel, events),
    year: weekly.years[yearStream] ?? Year.initialState,
  }
}

/** The heading options the tests give every model. */
export const heading = {
  organisation: "Комитет по образованию администрации Полтавского муниципального района",
  district: "Полтавский муниципальный район Омской области",
  timeZone: zone,
  directory,
  place: "р. п. Полтавка",
  signature: { position: "Председатель комитета по образованию", name: "Е. В. Петрова" },
} as const
