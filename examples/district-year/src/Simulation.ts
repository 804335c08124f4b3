/**
 * The year driver: runs a school year of the unified methodical day for a district
 * through the engine, with a simulated clock. Every step of the year (the year's plan,
 * each school's weekly cycles, the monthly progress sheets, the plans of targeted help,
 * the teachers' practices) is laid out on a timeline first, then executed in the order
 * of its instant, the clock set to that instant before each command. A seeded generator
 * decides what each school does (late questions, forms, participants, quarantines, late
 * sheets), so the same seed gives the same year on any store. The commands of each
 * simulated day run as one `UnitOfWork`; the dispatcher runs between days.
 *
 * The driver is reused by the demo, the end-to-end test and the benchmark.
 *
 * @module
 */
import {
  type Actor,
  type Decider,
  type Engine,
  type EventStore,
  IdGenerator,
  Ids,
  LocalDate,
  type Regulation,
  type Regulations,
  type Settings,
  UnifiedDay,
  UnitOfWork,
  Zone,
} from "@metodika/core"
import { Clock, Data, DateTime, type Duration, Effect, References, Result } from "effect"
import * as District from "./District.ts"
import * as Random from "./Random.ts"

const { Cycle, HelpPlan, ProgressSheet, TeacherPractice, Year, YearMonth, Dues } = UnifiedDay

/** The engine the driver runs on: the regulation is the kernel's `Settings`. */
export type DistrictEngine = Engine.Engine<
  Settings.Settings,
  Regulation.NoRegulationInForce | Regulations.UnknownDistrict
>

/** A step of the simulation was refused or failed: a bug in the driver or the store. */
export class SimulationFailed extends Data.TaggedError("SimulationFailed")<{
  readonly step: string
  readonly cause: unknown
}> {
  override get message(): string {
    const c = this.cause
    const reason =
      typeof c === "object" && c !== null && "message" in c ? String(c.message) : String(c)
    const tag = typeof c === "object" && c !== null && "_tag" in c ? `${String(c._tag)}: ` : ""
    return `${this.step}: ${tag}${reason}`
  }
}

/** Options of {@link run}. */
export interface Options<E, R> {
  readonly district: District.District
  /** The school year's first calendar year (2025 for 2025/26). */
  readonly startYear: number
  /** The first and last day (ISO) of the simulated span; the year's bounds when absent. */
  readonly from?: string
  readonly to?: string
  readonly seed: number
  /** Called as the year advances; `label` is the simulated local date. */
  readonly onProgress?: (done: number, total: number, label: string) => void
  /** Called once the year is planned and curators assigned (to grant curators' roles). */
  readonly onPlanned?: (year: UnifiedDay.Year.YearState) => void
  /**
   * How commands commit: `"per-day"` (the default) runs each simulated day's commands as
   * one `UnitOfWork`; `"per-command"` lets every command commit on its own.
   */
  readonly commit?: "per-day" | "per-command"
  /** Run every simulated morning (07:00 local) and at the end: the outbox dispatcher. */
  readonly dispatch?: Effect.Effect<number, E, R>
}

/** What a run did. */
export interface Stats {
  readonly commands: number
  readonly events: number
  /** Messages the `dispatch` effect reported as sent. */
  readonly dispatched: number
  /** The held dates simulated. */
  readonly dates: ReadonlyArray<LocalDate.LocalDate>
  /** The months whose sheets were simulated. */
  readonly months: ReadonlyArray<UnifiedDay.YearMonth.YearMonth>
  /** The simulated instant the run ended at, when the read models are asked. */
  readonly endedAt: DateTime.Utc
  /** Wall-clock milliseconds the run took. */
  readonly millis: number
}

/** A store error of a unit of work as a failed step; a failed step as it is. */
const asFailure =
  (step: string) =>
  (cause: unknown): SimulationFailed =>
    cause instanceof SimulationFailed ? cause : new SimulationFailed({ step, cause })

const DAY = 86_400_000
const HOUR = 3_600_000

/** ISO date arithmetic (calendar days). */
export const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

const lastDayOfMonth = (month: string): string => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

const monthsBetween = (from: string, to: string): Array<string> => {
  const out: Array<string> = []
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    out.push(m)
    const [y, mm] = m.split("-").map(Number) as [number, number]
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, "0")}`
  }
  return out
}

/** A clock whose time the driver sets; sleeping and monotonic time stay real. */
export interface SimClock extends Clock.Clock {
  set: (millis: number) => void
}

const makeClock = (start: number): SimClock => {
  let now = start
  const real = Clock.Clock.defaultValue()
  return {
    set: (millis) => {
      now = millis
    },
    currentTimeMillisUnsafe: () => now,
    currentTimeMillis: Effect.sync(() => now),
    currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => real.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: real.monotonicTimeNanos,
    sleep: (d: Duration.Duration) => real.sleep(d),
  }
}

interface Step<R> {
  readonly at: number
  readonly label: string
  readonly run: Effect.Effect<unknown, SimulationFailed, EventStore.EventStore | R>
  /** Runs between units of work (the dispatcher), not inside one. */
  readonly alone?: boolean
}

const areas: ReadonlyArray<UnifiedDay.Deficit.DeficitArea> = [
  "methodical",
  "subject",
  "psychological-pedagogical",
  "assessment",
  "digital",
  "communicative",
]
const forms: ReadonlyArray<UnifiedDay.Cycle.DayFormKind> = [
  "seminar",
  "workshop",
  "round-table",
  "open-lessons",
  "master-class",
  "pedagogical-council",
  "methodical-association",
]
const practices = [
  "Смысловое чтение на уроках",
  "Формирующее оценивание",
  "Проектная деятельность в основной школе",
  "Функциональная грамотность: математическая",
  "Цифровые образовательные ресурсы на уроке",
  "Работа с обучающимися с низкой мотивацией",
  "Естественнонаучная грамотность",
  "Читательская грамотность в начальной школе",
]

/**
 * Runs the year (or the span `from`–`to` of it) through `engine`, on whatever
 * `EventStore` (and `Outbox`, for the policy's messages) the caller provides. The
 * simulated clock and deterministic event ids are provided here.
 */
export const run = <E, R>(
  engine: DistrictEngine,
  options: Options<E, R>,
): Effect.Effect<Stats, SimulationFailed | E, EventStore.EventStore | R> =>
  Effect.suspend(() => {
    const started = performance.now()
    const d = options.district
    const zone = d.district.timeZone
    const settings = d.settings
    const rng = Random.make(options.seed).fork("year")
    const y = options.startYear
    const from = options.from ?? `${y}-09-01`
    const to = options.to ?? `${y + 1}-05-31`
    const horizon = plusDays(to, 14)
    const local = (date: string, hour: number, minute = 0): number => {
      const [yy, mm, dd] = date.split("-").map(Number) as [number, number, number]
      return Zone.instantMillisAt({ year: yy, month: mm, day: dd, hour, minute }, zone.id)
    }
    const horizonAt = local(horizon, 23, 59)
    const prep = local(`${y}-08-20`, 10)
    const clock = makeClock(prep)
    let commands = 0
    let events = 0
    let dispatched = 0

    const coordinator = District.actorOf(d, d.coordinator)
    const methodistOf = (i: number) => {
      const m = d.methodists[i % d.methodists.length] as District.Person
      return District.actorOf(d, m)
    }
    const leaderOf = (s: District.School, extra: ReadonlyArray<Actor.RoleGrant> = []) =>
      District.actorOf(d, s.leader, extra)
    const responsibleOf = (s: District.School) => District.actorOf(d, s.responsible)

    const exec = <
      C extends { readonly _tag: string },
      Ev extends { readonly _tag: string },
      S,
      Err,
    >(
      definition: Decider.Definition<C, Ev, S, Err, Decider.DecisionContext<Settings.Settings>>,
      streamId: Ids.StreamId,
      command: C,
      actor: Actor.Actor,
    ) =>
      engine.execute(definition, streamId, command, actor).pipe(
        Effect.tap((r) =>
          Effect.sync(() => {
            commands++
            events += r.events.length
          }),
        ),
        Effect.mapError(
          (cause) => new SimulationFailed({ step: `${command._tag} on ${streamId}`, cause }),
        ),
      )

    const steps: Array<Step<R>> = []
    const at = (when: number, label: string, eff: Step<R>["run"]) => {
      if (when <= horizonAt) steps.push({ at: when, label, run: eff })
    }

    const yearStream = Year.streamId(d.district.id, y)
    const date = (text: string) => LocalDate.unsafeFromString(text)
    const month = (text: string) => YearMonth.YearMonth.make(text)
    const topicOf = (m: string) => Ids.TopicId.make(`topic-${m}`)
    const topicTitles = [
      "Функциональная грамотность: от диагностики к уроку",
      "Формирующее оценивание на уроке",
      "Смысловое чтение в предметах",
      "Проектная и исследовательская деятельность",
      "Работа с обучающимися с трудностями в обучении",
      "Цифровая образовательная среда",
      "Подготовка к государственной итоговой аттестации",
      "Воспитательный потенциал урока",
      "Наставничество и профессиональный рост",
    ]

    // ------------------------------------------------------------ the year's plan
    const setup = Effect.gen(function* () {
      clock.set(prep)
      yield* exec(
        Year.definition,
        yearStream,
        new Year.PlanYear({ districtId: d.district.id, startYear: y }),
        coordinator,
      )
      for (const s of d.schools) {
        yield* exec(
          Year.definition,
          yearStream,
          new Year.RegisterSchool({
            schoolId: s.id,
            lowResults: s.lowResults,
            leaderId: s.leader.id,
          }),
          coordinator,
        )
        yield* exec(
          Year.definition,
          yearStream,
          new Year.AppointResponsible({
            schoolId: s.id,
            personId: s.responsible.id,
            basis: "deputy-leader",
            order: {
              number: `${s.id.slice(-2)}-од/1`,
              date: date(`${y}-08-29`),
              issuer: s.id,
              title: "О назначении ответственного за проведение единого методического дня",
            },
          }),
          leaderOf(s),
        )
      }
      yield* exec(
        Year.definition,
        yearStream,
        new Year.AssignCurators({
          schools: d.schools.map((s) => ({
            id: s.id,
            lowResults: s.lowResults,
            leaderId: s.leader.id,
          })),
        }),
        coordinator,
      )
      const months = monthsBetween(`${y}-09-01`, `${y + 1}-05-31`)
      for (const [i, m] of months.entries()) {
        yield* exec(
          Year.definition,
          yearStream,
          new Year.ReceiveTopic({
            topicId: topicOf(m),
            title: topicTitles[i % topicTitles.length] ?? `Тема ${m}`,
            seminars: [
              {
                title: "Видеосеминар регионального института",
                url: `https://iro.example.ru/emd/${m}`,
              },
            ],
          }),
          coordinator,
        )
      }
      const loaded = yield* engine
        .load(Year.definition, yearStream)
        .pipe(Effect.mapError((cause) => new SimulationFailed({ step: "load year", cause })))
      for (const t of Year.heldDates(loaded.state)) {
        if (t < from || t > to) continue
        yield* exec(
          Year.definition,
          yearStream,
          new Year.AssignTopic({ date: t, topicId: topicOf(t.slice(0, 7)) }),
          coordinator,
        )
      }
      return (yield* engine
        .load(Year.definition, yearStream)
        .pipe(Effect.mapError((cause) => new SimulationFailed({ step: "load year", cause })))).state
    })

    return Effect.gen(function* () {
      const year = yield* UnitOfWork.run(setup).pipe(Effect.mapError(asFailure("plan")))
      if (year._tag === "NotPlanned") {
        return yield* Effect.fail(new SimulationFailed({ step: "plan", cause: "year not planned" }))
      }
      options.onPlanned?.(year)
      const curatorOf = new Map<string, Actor.Actor>()
      for (const p of year.curators) {
        const school = d.schools.find((s) => s.id === p.curatorSchoolId)
        if (school === undefined) continue
        curatorOf.set(p.schoolId, leaderOf(school, Year.roleGrants(year, school.leader.id)))
      }
      const planned = Year.heldDates(year).filter((t) => t >= from && t <= to)
      // A district conference takes the place of the last Thursday of October (EMD-1.2).
      const october = planned.filter((t) => t.startsWith(`${y}-10-`))
      const conference = october[october.length - 1]
      if (conference !== undefined) {
        at(
          local(plusDays(conference, -10), 9),
          conference,
          exec(
            Year.definition,
            yearStream,
            new Year.CancelPlannedDay({
              date: conference,
              reason: "other",
              note: "Районная методическая конференция",
            }),
            coordinator,
          ),
        )
      }
      const dates = planned.filter((t) => t !== conference)

      // ---------------------------------------------------------- weekly cycles
      for (const t of dates) {
        const opens = Result.getOrThrow(Year.openCycles(year, t))
        const dues = Result.getOrThrow(Dues.cycleDues(t, settings))
        const qDue = DateTime.toEpochMillis(dues.questions.at)
        const weekRng = rng.fork(`week/${t}`)
        const materialsLate = weekRng.chance(0.04)
        for (const { streamId, command } of opens) {
          const s = d.schools.find((x) => x.id === command.schoolId) as District.School
          const r = rng.fork(`cycle/${s.id}/${t}`)
          at(local(plusDays(t, -9), 9), t, exec(Cycle.definition, streamId, command, coordinator))
          const materialsAt = materialsLate
            ? local(plusDays(t, -7), 12)
            : local(plusDays(t, -8), 10)
          at(
            materialsAt,
            t,
            exec(
              Cycle.definition,
              streamId,
              new Cycle.IssueMaterials({
                seminars: [{ title: "Видеосеминар", url: `https://iro.example.ru/emd/${t}` }],
                questions: ["Какие приёмы из семинара применимы в вашей школе?"],
              }),
              coordinator,
            ),
          )
          const form: UnifiedDay.Cycle.DayForm = { kind: r.pick(forms) }
          if (r.chance(0.92)) {
            at(
              materialsAt + 4 * HOUR,
              t,
              exec(Cycle.definition, streamId, new Cycle.ChooseForm({ form }), responsibleOf(s)),
            )
          }
          const attendance = r.next()
          at(
            local(plusDays(t, -6), 15),
            t,
            exec(
              Cycle.definition,
              streamId,
              new Cycle.RecordVideoconference({
                attendees:
                  attendance < 0.05
                    ? []
                    : attendance < 0.2
                      ? [s.leader.id]
                      : [s.leader.id, s.responsible.id],
              }),
              coordinator,
            ),
          )
          const q = r.next()
          const questionsAt =
            q < 0.72
              ? qDue - r.int(1, 40) * HOUR
              : q < 0.87
                ? qDue + r.int(1, 30) * HOUR
                : undefined
          if (questionsAt !== undefined) {
            at(
              questionsAt,
              t,
              exec(
                Cycle.definition,
                streamId,
                new Cycle.SubmitQuestions({ questions: ["Как оценить эффект приёма на уроке?"] }),
                responsibleOf(s),
              ),
            )
          }
          if (r.chance(0.02)) {
            at(
              local(plusDays(t, -1), 9),
              t,
              exec(
                Cycle.definition,
                streamId,
                new Cycle.CancelDay({ reason: "quarantine", note: "Карантин по ОРВИ" }),
                leaderOf(s),
              ),
            )
            continue
          }
          at(
            local(t, 10),
            t,
            exec(
              Cycle.definition,
              streamId,
              new Cycle.HoldDay({
                form,
                participants: {
                  leaders: r.int(1, 2),
                  teachers: Math.max(1, Math.round(s.teachers.length * (0.6 + 0.4 * r.next()))),
                  people: [],
                },
              }),
              responsibleOf(s),
            ),
          )
          const itemCount = r.int(1, 2)
          const items = Array.from({ length: itemCount }, (_, k) => ({
            itemId: String(k + 1),
            text:
              k === 0 ? "Применить приёмы семинара на уроках" : "Провести взаимопосещение уроков",
            dueDate: date(plusDays(t, 7 * (k + 1))),
          }))
          const deficits = Array.from({ length: r.int(0, 2) }, () => {
            const teacher = r.pick(s.teachers)
            return {
              personId: teacher.id,
              area: r.pick(areas),
              description: "Затруднения в применении приёмов на уроке",
            }
          })
          at(
            r.chance(0.85) ? local(t, 17) : local(plusDays(t, 1), 11),
            t,
            exec(
              Cycle.definition,
              streamId,
              new Cycle.SendDecision({
                summary: "Решение единого методического дня",
                items,
                deficits,
              }),
              leaderOf(s),
            ),
          )
          for (const item of items) {
            const c = r.next()
            const status = c < 0.8 ? "done" : c < 0.92 ? "in-progress" : "not-done"
            at(
              local(plusDays(item.dueDate, -1), 12),
              t,
              exec(
                Cycle.definition,
                streamId,
                new Cycle.ControlDecisionItem({
                  itemId: item.itemId,
                  status,
                  note: status === "done" ? "Выполнено" : "На контроле",
                }),
                responsibleOf(s),
              ),
            )
          }
        }
      }

      // ---------------------------------------------------------- monthly sheets and help
      const months = monthsBetween(from, to).filter((m) => lastDayOfMonth(m) <= to)
      for (const m of months) {
        const due = Result.getOrThrow(Dues.sheetDue(month(m), settings))
        const dueAt = DateTime.toEpochMillis(due.at)
        for (const [i, s] of d.schools.entries()) {
          const r = rng.fork(`sheet/${s.id}/${m}`)
          const k = r.next()
          if (k >= 0.93) continue
          const submittedAt = k < 0.78 ? dueAt - r.int(3, 30) * HOUR : dueAt + r.int(6, 96) * HOUR
          const chosen = r.shuffle(s.teachers).slice(0, Math.min(4, s.teachers.length))
          const entries = [
            {
              personId: s.leader.id,
              role: "leader" as const,
              progress: "Организовано методическое сопровождение педагогов",
              deficits: [],
            },
            ...chosen.map((teacher) => ({
              personId: teacher.id,
              role: "teacher" as const,
              progress: "Применяет приёмы, освоенные на ЕМД",
              practice: r.pick(practices),
              deficits: r.chance(0.3)
                ? [{ area: r.pick(areas), description: "Недостаточно владеет приёмами оценивания" }]
                : [],
            })),
          ] as const
          const sheetStream = ProgressSheet.streamId(s.id, month(m))
          at(
            submittedAt,
            m,
            exec(
              ProgressSheet.definition,
              sheetStream,
              new ProgressSheet.SubmitSheet({
                schoolId: s.id,
                month: month(m),
                entries: [...entries] as never,
              }),
              leaderOf(s),
            ),
          )
          const assessedAt = Math.max(submittedAt, dueAt) + 5 * DAY
          if (r.chance(0.9)) {
            at(
              assessedAt,
              m,
              exec(
                ProgressSheet.definition,
                sheetStream,
                new ProgressSheet.AssessGrowth({
                  assessments: entries.map((e) => {
                    const g = r.next()
                    return {
                      personId: e.personId,
                      level:
                        g < 0.05
                          ? "decline"
                          : g < 0.35
                            ? "none"
                            : g < 0.85
                              ? "moderate"
                              : "significant",
                    }
                  }) as never,
                }),
                methodistOf(i),
              ),
            )
          }
          // EMD-2.17: a plan of targeted help for each low-results school, after its sheet.
          const curator = curatorOf.get(s.id)
          if (!s.lowResults || curator === undefined) continue
          const planStream = HelpPlan.streamId(s.id, month(m))
          const draftDay = new Date(assessedAt + DAY).toISOString().slice(0, 10)
          const helpItems = chosen.slice(0, 2).map((teacher, n) => ({
            itemId: String(n + 1),
            action:
              n === 0 ? "Консультация по формирующему оцениванию" : "Посещение уроков и разбор",
            forPersonId: teacher.id,
            ownerId:
              n === 0
                ? curator.personId
                : (d.methodists[i % d.methodists.length] as District.Person).id,
            dueDate: date(plusDays(draftDay, 14 + 7 * n)),
          }))
          if (helpItems.length === 0) continue
          at(
            local(draftDay, 10),
            m,
            exec(
              HelpPlan.definition,
              planStream,
              new HelpPlan.DraftHelpPlan({
                schoolId: s.id,
                month: month(m),
                items: helpItems as never,
              }),
              curator,
            ),
          )
          at(
            local(draftDay, 15),
            m,
            exec(
              HelpPlan.definition,
              planStream,
              new HelpPlan.AgreeHelpPlan({ party: "curator" }),
              curator,
            ),
          )
          at(
            local(plusDays(draftDay, 1), 10),
            m,
            exec(
              HelpPlan.definition,
              planStream,
              new HelpPlan.AgreeHelpPlan({ party: "methodical-department" }),
              methodistOf(i),
            ),
          )
          for (const item of helpItems) {
            const c = r.next()
            if (c >= 0.95) continue
            const doneOn = c < 0.85 ? plusDays(item.dueDate, -2) : plusDays(item.dueDate, 3)
            at(
              local(doneOn, 14),
              m,
              exec(
                HelpPlan.definition,
                planStream,
                new HelpPlan.CompleteHelpItem({ itemId: item.itemId }),
                item.ownerId === curator.personId ? curator : methodistOf(i),
              ),
            )
          }
        }
      }

      // ---------------------------------------------------------- teachers' practices
      const practiceMonths = monthsBetween(from, to)
      for (const [i, s] of d.schools.entries()) {
        for (const teacher of s.teachers) {
          const r = rng.fork(`practice/${teacher.id}`)
          const teacherActor = District.actorOf(d, teacher)
          const stream = TeacherPractice.streamId(teacher.id, y)
          const chooseOn = plusDays(`${y}-09-08`, r.int(0, 20))
          if (chooseOn > to) continue
          at(
            local(chooseOn, 16),
            chooseOn,
            exec(
              TeacherPractice.definition,
              stream,
              new TeacherPractice.ChoosePractice({
                teacherId: teacher.id,
                schoolId: s.id,
                startYear: y,
                title: r.pick(practices),
              }),
              teacherActor,
            ),
          )
          let n = 0
          for (const m of practiceMonths) {
            if (m === `${y}-09` || !r.chance(0.12)) continue
            n++
            const submitOn = `${m}-${String(r.int(5, 25)).padStart(2, "0")}`
            if (submitOn > to) continue
            const submissionId = String(n)
            at(
              local(submitOn, 17),
              submitOn,
              exec(
                TeacherPractice.definition,
                stream,
                new TeacherPractice.SubmitPractice({
                  submissionId,
                  topicId: topicOf(m),
                  title: r.pick(practices),
                  summary: "Описание практики с примерами уроков",
                }),
                teacherActor,
              ),
            )
            at(
              local(plusDays(submitOn, 7), 11),
              submitOn,
              exec(
                TeacherPractice.definition,
                stream,
                new TeacherPractice.ReviewSubmission({
                  submissionId,
                  verdict: r.chance(0.75) ? "accepted" : "rejected",
                }),
                methodistOf(i),
              ),
            )
          }
        }
      }

      // ---------------------------------------------------------- the dispatcher's mornings
      const dispatch = options.dispatch
      if (dispatch !== undefined) {
        for (let day = plusDays(`${y}-08-20`, 1); day <= horizon; day = plusDays(day, 1)) {
          const when = local(day, 7)
          if (when > horizonAt) continue
          steps.push({
            at: when,
            label: day,
            alone: true,
            run: dispatch.pipe(
              Effect.tap((n) => Effect.sync(() => (dispatched += n))),
              Effect.mapError((cause) => new SimulationFailed({ step: `dispatch ${day}`, cause })),
            ),
          })
        }
      }

      // Stable: steps at the same instant keep the order they were laid out in.
      steps.sort((a, b) => a.at - b.at)
      const total = steps.length
      const every = Math.max(1, Math.floor(total / 200))
      const perform = (i: number) =>
        Effect.suspend(() => {
          const step = steps[i] as Step<R>
          clock.set(step.at)
          return Effect.tap(step.run, () =>
            Effect.sync(() => {
              if (options.onProgress !== undefined && (i % every === 0 || i === total - 1)) {
                options.onProgress(i + 1, total, step.label)
              }
            }),
          )
        })
      // Each simulated day's commands are one unit of work: they commit together, as a
      // school's day of work would be saved, and the store pays one commit a day instead of
      // one a command. The dispatcher's morning pass runs between units, on committed data.
      for (let i = 0; i < total; ) {
        const first = steps[i] as Step<R>
        if (first.alone === true || options.commit === "per-command") {
          yield* perform(i++)
          continue
        }
        const day = Math.floor(first.at / DAY)
        let end = i + 1
        while (end < total) {
          const next = steps[end] as Step<R>
          if (next.alone === true || Math.floor(next.at / DAY) !== day) break
          end++
        }
        const start = i
        yield* UnitOfWork.run(
          Effect.gen(function* () {
            for (let j = start; j < end; j++) yield* perform(j)
          }),
        ).pipe(Effect.mapError(asFailure(`commit ${first.label}`)))
        i = end
      }
      const endedAt = DateTime.makeUnsafe(horizonAt)
      clock.set(horizonAt)
      if (dispatch !== undefined) {
        dispatched += yield* dispatch.pipe(
          Effect.mapError((cause) => new SimulationFailed({ step: "final dispatch", cause })),
        )
      }
      return {
        commands,
        events,
        dispatched,
        dates,
        months: months.map(month),
        endedAt,
        millis: performance.now() - started,
      } satisfies Stats
    }).pipe(
      Effect.provideService(Clock.Clock, clock),
      // The dispatcher logs every delivery; the demo prints a summary instead.
      Effect.provideService(References.MinimumLogLevel, "Warn"),
      Effect.provideService(IdGenerator.IdGenerator, IdGenerator.sequential(`sim${options.seed}`)),
    )
  })
