/**
 * Rendering speed of the notification policy: the letters (subject, plain text, HTML and
 * iCalendar invites) the unified-day policy writes when decisions are recorded, as the
 * engine asks for them. The decisions of a school year of 30 schools (four unified days
 * a school, from the opening to the decision, some days moved, the curators; commands
 * falling on holidays are refused and left out) are recorded once through the engine on
 * the in-memory store; the policy is then run over them in rounds, in three zones (Omsk
 * as the district of the demo, Moscow, and New York for a zone with daylight-saving
 * time). Prints letters per second, the median of the rounds, and a digest of everything
 * rendered, which must not change when the rendering gets faster.
 *
 * Run: node --conditions=@metodika/source bench/render.bench.ts [rounds]
 */
import { createHash } from "node:crypto"
import {
  type Actor,
  IdGenerator,
  InMemory,
  LocalDate,
  NotificationPolicy,
  Presets,
  UnifiedDay,
} from "@metodika/core"
import { DateTime, Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import * as Directory from "../src/Directory.ts"
import * as Policy from "../src/Policy.ts"
import * as UnifiedDayPolicy from "../src/UnifiedDayPolicy.ts"
import * as F from "../test/Emd.ts"

const ROUNDS = Number(process.argv[2] ?? 7)
const SCHOOLS = 30
const ZONES = ["Asia/Omsk", "Europe/Moscow", "America/New_York"] as const

const { Cycle, Year } = UnifiedDay
const schools = Array.from({ length: SCHOOLS }, (_, i) => F.school(`school-${i + 1}`))

// ---- the district's people: a coordinator, a methodist, and per school a leader, a
// responsible person (every fifth writes in English) and a curator.

const entry = (
  id: string,
  roles: Directory.Entry["roles"],
  name: string,
  extra: Partial<Directory.Entry> = {},
): Directory.Entry => ({
  personId: F.person(id),
  districtId: F.district,
  roles,
  name,
  fullName: `Фамилия ${name}`,
  addresses: { email: `${id}@edu.example` },
  ...extra,
})

const directory = Directory.fromList(
  [
    entry("coordinator", [{ role: "municipal-coordinator" }], "Ольга Ивановна"),
    entry("methodist", [{ role: "methodist" }], "Анна Сергеевна"),
    ...schools.flatMap((s, i) => [
      entry(`leader-${s}`, [{ role: "school-leader", organisationId: s }], "Мария Петровна"),
      entry(
        `responsible-${s}`,
        [{ role: "day-responsible", organisationId: s }],
        i % 5 === 0 ? "Pat Smith" : "Светлана Олеговна",
        i % 5 === 0 ? { locale: "en" } : {},
      ),
      entry(`curator-${s}`, [{ role: "curator", organisationId: s }], "Игорь Львович"),
    ]),
  ],
  Object.fromEntries(schools.map((s, i) => [s, `МБОУ СОШ № ${i + 1}`])),
)

const organizer = { email: "mmc@edu.example.ru", name: "Методический центр" }

const regulation = (zone: string) => {
  const base = Presets.defaults(DateTime.zoneMakeNamedUnsafe(zone))
  return {
    ...base,
    notifications: {
      reminders: [
        { target: "emd.questions", hoursBefore: 24 },
        { target: "emd.questions", hoursBefore: 2 },
        { target: "emd.progress-sheet", hoursBefore: 72 },
      ],
    },
  } as typeof base
}

// ---- recording the decisions: the engine with a policy that keeps what it is asked.

const recorded: Array<NotificationPolicy.DecisionRecord> = []
const recorder = Layer.succeed(NotificationPolicy.NotificationPolicy, {
  messagesFor: (decision) => {
    recorded.push(decision)
    return []
  },
})
const engine = F.engine(regulation("Asia/Omsk"))
const DAY = 86_400_000
const at = (millis: number) => TestClock.setTime(millis)

const record = Effect.gen(function* () {
  const yearStream = Year.streamId(F.district, 2025)
  const year = (command: UnifiedDay.Year.YearCommand) =>
    engine.execute(Year.definition, yearStream, command, F.coordinator)
  yield* at(Date.parse("2025-08-25T03:00:00Z"))
  yield* year(new Year.PlanYear({ districtId: F.district, startYear: 2025 }))
  yield* year(
    new Year.AssignCurators({
      schools: schools.map((s, i) => ({
        id: s,
        lowResults: i % 6 === 0,
        leaderId: F.person(`leader-${s}`),
      })),
    }),
  )
  // Four unified days a school, on Thursdays ten weeks apart from 16 October 2025 on.
  const first = Date.parse("2025-10-16T00:00:00Z")
  let failed = 0
  for (const [n, s] of schools.flatMap((s) => [0, 1, 2, 3].map((k) => [k, s] as const))) {
    const i = schools.indexOf(s)
    const day = first + 7 * DAY * ((i % 10) + 10 * n)
    const date = LocalDate.unsafeFromString(new Date(day).toISOString().slice(0, 10))
    const stream = Cycle.streamId(s, date)
    const leader: Actor.Actor = F.leaderOf(s)
    const step = (command: UnifiedDay.Cycle.CycleCommand, actor: Actor.Actor, when: number) =>
      Effect.andThen(at(when), engine.execute(Cycle.definition, stream, command, actor))
    const steps = [
      step(
        new Cycle.OpenCycle({ schoolId: s, date, lowResults: i % 6 === 0 }),
        F.coordinator,
        day - 15 * DAY + 3 * 3_600_000,
      ),
      step(
        new Cycle.IssueMaterials({
          seminars: [
            { title: "Формирующее оценивание", url: "https://iro.example.ru/v/1" },
            { title: "Функциональная грамотность & <чтение>", url: "https://iro.example.ru/v/2" },
          ],
          questions: ["Как вы применяете критерии оценивания?", "Что мешает «обратной связи»?"],
        }),
        F.coordinator,
        day - 8 * DAY + 4 * 3_600_000,
      ),
      ...(i % 7 === 3
        ? [
            step(
              new Cycle.RescheduleDay({
                to: LocalDate.unsafeFromString(new Date(day + 7 * DAY).toISOString().slice(0, 10)),
                reason: "quarantine",
              }),
              F.coordinator,
              day - 7 * DAY + 4 * 3_600_000,
            ),
          ]
        : [
            step(
              new Cycle.SubmitQuestions({ questions: ["Как оценивать проекты?"] }),
              leader,
              day - 5 * DAY + 9 * 3_600_000,
            ),
            step(
              new Cycle.HoldDay({
                form: { kind: "workshop" },
                participants: { leaders: 2, teachers: 14, people: [] },
              }),
              leader,
              day + 8 * 3_600_000,
            ),
            step(
              new Cycle.SendDecision({
                summary: "Внедрить листы самооценки",
                items: [
                  {
                    itemId: "1",
                    text: "Разработать лист самооценки",
                    dueDate: LocalDate.unsafeFromString(
                      new Date(day + 7 * DAY).toISOString().slice(0, 10),
                    ),
                  },
                ],
                deficits: [],
              }),
              leader,
              day + 10 * 3_600_000,
            ),
          ]),
    ]
    for (const command of steps) {
      const exit = yield* Effect.exit(command)
      if (exit._tag === "Failure") failed++
    }
  }
  return failed
})

const failed = await Effect.runPromise(
  record.pipe(
    Effect.provide(
      Layer.mergeAll(
        InMemory.layer,
        recorder,
        TestClock.layer(),
        Layer.succeed(IdGenerator.IdGenerator, IdGenerator.sequential("bench")),
      ),
    ),
  ),
)
if (failed > 0) console.log(`(${failed} commands were refused and left out)`)

// ---- rendering

const policy = Policy.make({ directory, organizer, rules: UnifiedDayPolicy.rules })
const decisions = new Map<string, ReadonlyArray<NotificationPolicy.DecisionRecord>>(
  ZONES.map((zone) => {
    const r = regulation(zone)
    return [zone, recorded.map((d) => ({ ...d, regulation: r }))]
  }),
)

const renderAll = (zone: string) => {
  let letters = 0
  for (const d of decisions.get(zone) ?? []) letters += policy.messagesFor(d).length
  return letters
}

const digest = (zone: string) => {
  const hash = createHash("sha256")
  for (const d of decisions.get(zone) ?? []) hash.update(JSON.stringify(policy.messagesFor(d)))
  return hash.digest("hex").slice(0, 16)
}

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(9)

console.log(
  `Policy rendering: ${recorded.length} decisions of ${SCHOOLS} schools, median of ${ROUNDS} rounds (after a warm-up round):`,
)
let all = 0
let allMillis = 0
for (const zone of ZONES) {
  const letters = renderAll(zone)
  const rates: Array<number> = []
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now()
    renderAll(zone)
    rates.push((letters * 1000) / (performance.now() - start))
  }
  const m = median(rates)
  all += letters
  allMillis += (letters * 1000) / m
  console.log(
    `  ${zone.padEnd(18)} ${String(letters).padStart(5)} letters  median ${fmt(m)} letters/s  best ${fmt(Math.max(...rates))} letters/s  digest ${digest(zone)}`,
  )
}
console.log(
  `  ${"all three".padEnd(18)} ${String(all).padStart(5)} letters  ${fmt((all * 1000) / allMillis)} letters/s`,
)
