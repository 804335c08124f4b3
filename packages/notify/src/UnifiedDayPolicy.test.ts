/**
 * The unified-day policy driven by the real deciders of `@metodika/core` through the
 * engine, on the kernel's default regulation: commands at simulated instants, the
 * messages the engine records with the events, and the dispatcher sending them as the
 * clock moves.
 */
import { type Actor, type EventStore, InMemory, Notifier, Outbox, UnifiedDay } from "@metodika/core"
import { DateTime, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import * as F from "../test/Emd.ts"
import * as Directory from "./Directory.ts"
import * as Dispatcher from "./Dispatcher.ts"
import * as ICalendar from "./ICalendar.ts"
import * as MemoryChannel from "./MemoryChannel.ts"
import type * as Payload from "./Payload.ts"
import * as Policy from "./Policy.ts"
import * as UnifiedDayPolicy from "./UnifiedDayPolicy.ts"

const S = F.school("school-7")
const T = F.date("2025-10-16") // Thursday; T−8 Wed 10-08, T−6 Fri 10-10, T−3 Mon 10-13 11:00 Omsk
const leader = F.leaderOf(S)

const { Cycle, ProgressSheet, Year } = UnifiedDay

const regulation = F.regulation([
  { target: "emd.questions", hoursBefore: 24 },
  { target: "emd.questions", hoursBefore: 2 },
  { target: "emd.progress-sheet", hoursBefore: 72 },
])

const entry = (
  id: string,
  roles: Directory.Entry["roles"],
  name: string,
  email: string | undefined,
  extra: Partial<Directory.Entry> = {},
): Directory.Entry => ({
  personId: F.person(id),
  districtId: F.district,
  roles,
  name,
  fullName: `Фамилия ${name}`,
  addresses: email === undefined ? {} : { email },
  ...extra,
})

const directory = Directory.fromList(
  [
    entry(
      "coordinator",
      [{ role: "municipal-coordinator" }],
      "Ольга Ивановна",
      "coordinator@mmc.example",
    ),
    entry("methodist", [{ role: "methodist" }], "Анна Сергеевна", "methodist@mmc.example"),
    entry(
      `leader-${S}`,
      [{ role: "school-leader", organisationId: S }],
      "Мария Петровна",
      "leader7@school.example",
    ),
    entry(
      `responsible-${S}`,
      [{ role: "day-responsible", organisationId: S }],
      "Pat Smith",
      "responsible7@school.example",
      { locale: "en", fullName: "Pat Smith" },
    ),
    entry(
      "curator-lb",
      [{ role: "curator", organisationId: S }],
      "Игорь Львович",
      "lb@school.example",
    ),
    entry(
      "leader-school-b",
      [{ role: "school-leader", organisationId: F.school("school-b") }],
      "Игорь Львович",
      "lb@school.example",
    ),
    entry("no-address", [{ role: "school-leader", organisationId: S }], "Без Адреса", undefined),
  ],
  { [S]: "МБОУ СОШ № 7", "school-b": "МБОУ СОШ № 2" },
)

const organizer = { email: "mmc@edu.example.ru", name: "Методический центр" }
const engine = F.engine(regulation)
const policy = Policy.layer({ directory, organizer, rules: UnifiedDayPolicy.rules })

const run = <A, E>(
  program: Effect.Effect<
    A,
    E,
    Outbox.Outbox | EventStore.EventStore | Notifier.Notifier | TestClock.TestClock
  >,
  memory = MemoryChannel.make({ name: "email" }),
): Promise<A> =>
  Effect.runPromise(
    program.pipe(
      Effect.provide(
        Layer.mergeAll(
          InMemory.layer,
          policy,
          TestClock.layer(),
          Layer.succeed(Notifier.Notifier, Notifier.fromChannels([memory])),
        ),
      ),
    ),
  )

const at = (iso: string) => TestClock.setTime(Date.parse(iso))

const cycle = (command: UnifiedDay.Cycle.CycleCommand, actor: Actor.Actor, when: string) =>
  Effect.andThen(at(when), engine.execute(Cycle.definition, Cycle.streamId(S, T), command, actor))

const open = cycle(
  new Cycle.OpenCycle({ schoolId: S, date: T, lowResults: true }),
  F.coordinator,
  "2025-10-01T03:00:00Z",
)
const issue = cycle(
  new Cycle.IssueMaterials({
    seminars: [{ title: "Формирующее оценивание", url: "https://iro.omsk.ru/v/1" }],
    questions: ["Как вы применяете критерии оценивания?"],
  }),
  F.coordinator,
  "2025-10-08T04:00:00Z",
)
const submitQuestions = (when: string) =>
  cycle(new Cycle.SubmitQuestions({ questions: ["Как оценивать проекты?"] }), leader, when)

const pending = Effect.flatMap(Outbox.Outbox, (o) => o.list("pending"))
const kindOf = (m: Outbox.OutboxMessage) => (m.payload as Payload.Payload).kind
const payloadOf = (m: Outbox.OutboxMessage) => m.payload as Payload.Payload
const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))

describe("UnifiedDayPolicy", () => {
  it("EMD-2.10 schedules reminders 24 h and 2 h before Monday T−3 11:00 in the district's zone, and the overdue notice at 11:00", async () => {
    const messages = await run(Effect.andThen(open, pending))
    const reminders = messages.filter((m) => kindOf(m) === "emd.questions-reminder")
    expect(reminders.map((m) => [m.recipient, iso(m.notBefore)]).sort()).toEqual(
      [
        ["leader7@school.example", "2025-10-12T05:00:00.000Z"],
        ["leader7@school.example", "2025-10-13T03:00:00.000Z"],
        ["responsible7@school.example", "2025-10-12T05:00:00.000Z"],
        ["responsible7@school.example", "2025-10-13T03:00:00.000Z"],
      ].sort(),
    )
    const ru = reminders.find(
      (m) =>
        m.recipient === "leader7@school.example" && iso(m.notBefore) === "2025-10-12T05:00:00.000Z",
    )!
    expect(payloadOf(ru).subject).toBe(
      "Напоминание: вопросы к ЕМД 16 октября 2025 г. — срок понедельник, 13 октября 2025 г., 11:00 (Омск, UTC+6)",
    )
    expect(payloadOf(ru).text).toContain("Здравствуйте, Мария Петровна!")
    expect(payloadOf(ru).text).toContain("Осталось: 1 день")
    const en = reminders.find(
      (m) =>
        m.recipient === "responsible7@school.example" &&
        iso(m.notBefore) === "2025-10-13T03:00:00.000Z",
    )!
    expect(payloadOf(en).text).toContain("Time left: 2 hours")
    expect(payloadOf(en).text).toContain("Monday, 13 October 2025, 11:00 (Omsk, UTC+6)")
    const overdue = messages.filter((m) => kindOf(m) === "emd.questions-overdue")
    expect(overdue.map((m) => [m.recipient, iso(m.notBefore)])).toEqual([
      ["coordinator@mmc.example", "2025-10-13T05:00:00.000Z"],
    ])
    // A person without an address is simply not written to.
    expect(messages.some((m) => m.id.includes("no-address"))).toBe(false)
  })

  it("EMD-2.10 sends one reminder at once, not one per lead time, when the cycle opens late", async () => {
    const messages = await run(
      Effect.andThen(
        cycle(
          new Cycle.OpenCycle({ schoolId: S, date: T, lowResults: true }),
          F.coordinator,
          "2025-10-13T04:00:00Z",
        ),
        pending,
      ),
    )
    const reminders = messages.filter(
      (m) => kindOf(m) === "emd.questions-reminder" && m.recipient === "leader7@school.example",
    )
    expect(reminders.map((m) => [m.id.split("/").at(-3), iso(m.notBefore)])).toEqual([
      ["questions-reminder-2h", "2025-10-13T04:00:00.000Z"],
    ])
    expect(payloadOf(reminders[0]!).text).toContain("Осталось: 1 час")
  })

  it("EMD-2.7 sends the materials with links, next steps and invites for the day, the videoconference and the deadline", async () => {
    const messages = await run(Effect.andThen(Effect.andThen(open, issue), pending))
    const materials = messages.filter((m) => kindOf(m) === "emd.materials-issued")
    expect(materials.map((m) => m.recipient).sort()).toEqual([
      "leader7@school.example",
      "responsible7@school.example",
    ])
    const toLeader = payloadOf(materials.find((m) => m.recipient === "leader7@school.example")!)
    expect(toLeader.subject).toBe("ЕМД 16 октября 2025 г.: материалы и вопросы для обсуждения")
    expect(toLeader.text).toContain("Формирующее оценивание: https://iro.omsk.ru/v/1")
    expect(toLeader.text).toContain(
      "видеоконференция руководителей и ответственных с координатором — пятница, 10 октября 2025 г.",
    )
    expect(toLeader.text).toContain("понедельник, 13 октября 2025 г., 11:00 (Омск, UTC+6)")
    expect(toLeader.html).toContain('<a href="https://iro.omsk.ru/v/1">Формирующее оценивание</a>')
    expect(toLeader.attachments?.map((a) => a.filename)).toEqual([
      "emd-day.ics",
      "emd-videoconference.ics",
      "emd-questions-deadline.ics",
    ])
    const deadline = ICalendar.unfold(toLeader.attachments![2]!.content)
    expect(deadline).toContain("METHOD:REQUEST")
    expect(deadline).toContain("DTSTART;TZID=Asia/Omsk:20251013T110000")
    expect(deadline).toContain("TZOFFSETTO:+0600")
    expect(deadline).toContain("TRIGGER:-P1D")
    expect(deadline).toContain("TRIGGER:-PT2H")
    expect(deadline).toContain(`UID:${Cycle.streamId(S, T)}/materials/leader-school-7#questions`)
    expect(deadline).toContain(
      "ATTENDEE;CN=Фамилия Мария Петровна;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:leader7@school.example",
    )
    const day = ICalendar.unfold(toLeader.attachments![0]!.content)
    expect(day).toContain("DTSTART;VALUE=DATE:20251016")
    expect(toLeader.data).toMatchObject({ kind: "emd.materials-issued", schoolId: S, dayDate: T })
  })

  it("EMD-2.10 skips the reminders and the overdue notice once the questions are in", async () => {
    const memory = MemoryChannel.make({ name: "email" })
    const report = await run(
      Effect.gen(function* () {
        yield* open
        yield* issue
        yield* submitQuestions("2025-10-11T09:00:00Z")
        yield* at("2025-10-14T00:00:00Z")
        return yield* Dispatcher.drain({ workerId: "d" })
      }),
      memory,
    )
    const kinds = memory.delivered().map((n) => (n.data as { kind: string }).kind)
    expect(kinds).not.toContain("emd.questions-reminder")
    expect(kinds).not.toContain("emd.questions-overdue")
    expect(kinds).toContain("emd.materials-issued")
    expect(report.skipped).toBe(5)
  })

  it("EMD-2.10 tells the coordinator at 11:00 when no questions came, and again when they arrive late", async () => {
    const memory = MemoryChannel.make({ name: "email" })
    await run(
      Effect.gen(function* () {
        yield* open
        yield* issue
        yield* at("2025-10-13T05:00:00Z")
        yield* Dispatcher.drain({ workerId: "d" })
        yield* submitQuestions("2025-10-13T07:15:00Z")
        yield* Dispatcher.drain({ workerId: "d" })
      }),
      memory,
    )
    const toCoordinator = memory
      .delivered()
      .filter((n) => n.recipient === "coordinator@mmc.example")
    expect(toCoordinator.map((n) => n.subject)).toEqual([
      "Просрочено: школа «МБОУ СОШ № 7» не направила вопросы (ЕМД 16 октября 2025 г.)",
      "Вопросы школы «МБОУ СОШ № 7» к ЕМД 16 октября 2025 г. поступили с опозданием",
    ])
    expect(toCoordinator[1]?.text).toContain("направила 1 вопрос с опозданием на 2 часа 15 минут")
  })

  it("a moved day skips the old reminders, schedules new ones and updates the invites", async () => {
    const messages = await run(
      Effect.gen(function* () {
        yield* open
        yield* issue
        yield* cycle(
          new Cycle.RescheduleDay({ to: F.date("2025-10-23"), reason: "quarantine" }),
          F.coordinator,
          "2025-10-09T04:00:00Z",
        )
        return yield* pending
      }),
    )
    const moved = messages.filter((m) => kindOf(m) === "emd.day-rescheduled")
    // Not to the coordinator who moved it.
    expect(moved.map((m) => m.recipient).sort()).toEqual([
      "leader7@school.example",
      "responsible7@school.example",
    ])
    const toLeader = payloadOf(moved.find((m) => m.recipient === "leader7@school.example")!)
    expect(toLeader.subject).toBe(
      "Перенос: ЕМД школы «МБОУ СОШ № 7» с 16 октября 2025 г. на 23 октября 2025 г.",
    )
    const day = ICalendar.unfold(toLeader.attachments![0]!.content)
    expect(day).toContain(`UID:${Cycle.streamId(S, T)}/materials/leader-school-7#day`)
    expect(day).toContain("SEQUENCE:1")
    expect(day).toContain("DTSTART;VALUE=DATE:20251023")
    const reminders = messages.filter(
      (m) => kindOf(m) === "emd.questions-reminder" && m.recipient === "leader7@school.example",
    )
    // The old ones (for Monday 13th) and the new ones (Monday 20th); the old are skipped when due.
    expect(reminders.map((m) => iso(m.notBefore)).sort()).toEqual([
      "2025-10-12T05:00:00.000Z",
      "2025-10-13T03:00:00.000Z",
      "2025-10-19T05:00:00.000Z",
      "2025-10-20T03:00:00.000Z",
    ])
    const old = reminders.find((m) => iso(m.notBefore) === "2025-10-12T05:00:00.000Z")!
    expect(payloadOf(old).skipIf?.[0]?.eventTypes).toContain("DayRescheduled")
  })

  it("EMD-2.12 tells the coordinator and the school's curator that the decision was sent", async () => {
    const messages = await run(
      Effect.gen(function* () {
        yield* open
        yield* issue
        yield* submitQuestions("2025-10-11T09:00:00Z")
        yield* cycle(
          new Cycle.HoldDay({
            form: { kind: "workshop" },
            participants: { leaders: 2, teachers: 14, people: [] },
          }),
          leader,
          "2025-10-16T08:00:00Z",
        )
        yield* cycle(
          new Cycle.SendDecision({
            summary: "Внедрить листы самооценки",
            items: [
              { itemId: "1", text: "Разработать лист самооценки", dueDate: F.date("2025-10-23") },
            ],
            deficits: [],
          }),
          leader,
          "2025-10-16T10:00:00Z",
        )
        return yield* pending
      }),
    )
    const sent = messages.filter((m) => kindOf(m) === "emd.decision-sent")
    expect(sent.map((m) => m.recipient).sort()).toEqual([
      "coordinator@mmc.example",
      "lb@school.example",
    ])
    expect(payloadOf(sent[0]!).text).toContain("Решение: 1 пункт")
  })

  it("EMD-2.3 writes to each new curator and to the leader of the school they curate", async () => {
    const messages = await run(
      Effect.gen(function* () {
        const stream = Year.streamId(F.district, 2025)
        const year = (command: UnifiedDay.Year.YearCommand, actor: Actor.Actor) =>
          engine.execute(Year.definition, stream, command, actor)
        yield* at("2025-08-25T03:00:00Z")
        yield* year(new Year.PlanYear({ districtId: F.district, startYear: 2025 }), F.coordinator)
        yield* year(
          new Year.AssignCurators({
            schools: [
              { id: S, lowResults: true, leaderId: F.person(`leader-${S}`) },
              {
                id: F.school("school-b"),
                lowResults: false,
                leaderId: F.person("leader-school-b"),
              },
            ],
          }),
          F.coordinator,
        )
        return yield* pending
      }),
    )
    const toCurator = messages.find((m) => kindOf(m) === "emd.curator-assigned")
    expect(toCurator?.recipient).toBe("lb@school.example")
    expect(payloadOf(toCurator!).subject).toBe("Вы назначены куратором школы «МБОУ СОШ № 7»")
    const toLeader = messages.find((m) => kindOf(m) === "emd.curator-for-school")
    expect(toLeader?.recipient).toBe("leader7@school.example")
    expect(payloadOf(toLeader!).subject).toBe("Куратор школы «МБОУ СОШ № 7»: Фамилия Игорь Львович")
  })

  it("EMD-2.16 reminds the leader of each month's progress sheet, 72 h ahead, until it is submitted", async () => {
    const memory = MemoryChannel.make({ name: "email" })
    const { scheduled } = await run(
      Effect.gen(function* () {
        const stream = Year.streamId(F.district, 2025)
        const year = (command: UnifiedDay.Year.YearCommand, actor: Actor.Actor) =>
          engine.execute(Year.definition, stream, command, actor)
        yield* at("2025-08-25T03:00:00Z")
        yield* year(new Year.PlanYear({ districtId: F.district, startYear: 2025 }), F.coordinator)
        yield* year(
          new Year.RegisterSchool({
            schoolId: S,
            lowResults: true,
            leaderId: F.person(`leader-${S}`),
          }),
          F.coordinator,
        )
        const scheduled = (yield* pending).filter(
          (m) => kindOf(m) === "emd.progress-sheet-reminder",
        )
        // October's sheet is submitted in time; November's is not.
        yield* at("2025-10-30T03:00:00Z")
        yield* engine.execute(
          ProgressSheet.definition,
          ProgressSheet.streamId(S, UnifiedDay.YearMonth.make(2025, 10)),
          new ProgressSheet.SubmitSheet({
            schoolId: S,
            month: UnifiedDay.YearMonth.make(2025, 10),
            entries: [
              {
                personId: F.person("t-1"),
                role: "teacher",
                progress: "Освоила приёмы формирующего оценивания",
                deficits: [],
              },
            ],
          }),
          leader,
        )
        yield* at("2025-12-01T00:00:00Z")
        yield* Dispatcher.drain({ workerId: "d" })
        return { scheduled }
      }),
      memory,
    )
    expect(scheduled.length).toBeGreaterThanOrEqual(8)
    const october = scheduled.find((m) => payloadOf(m).subject.includes("октябрь 2025 г."))
    // Due at the end of Friday 31 October (the last working day), 23:59:59.999 in Omsk.
    expect(iso(october?.notBefore)).toBe("2025-10-28T17:59:59.999Z")
    expect(payloadOf(october!).text).toContain("Осталось: 3 дня")
    const delivered = memory.delivered()
    const subjects = delivered.map((n) => n.subject)
    expect(subjects.some((s) => s.includes("лист продвижения за сентябрь 2025 г."))).toBe(true)
    expect(subjects.some((s) => s.includes("лист продвижения за октябрь 2025 г."))).toBe(false)
    expect(subjects.some((s) => s.includes("лист продвижения за ноябрь 2025 г."))).toBe(true)
    // The methodist and the curator hear of October's sheet; the coordinator of November's delay.
    expect(subjects).toContain("Поступил лист продвижения школы «МБОУ СОШ № 7» за октябрь 2025 г.")
    expect(subjects).toContain(
      "Просрочено: лист продвижения школы «МБОУ СОШ № 7» за ноябрь 2025 г.",
    )
  })
})
