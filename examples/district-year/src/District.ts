/**
 * A fictional district for the demo, drawn from a seed: about thirty rural schools with
 * Russian names, a few of them low-results (ШНОР), their leaders, deputies responsible
 * for the unified methodical day and four hundred teachers; a municipal coordinator,
 * methodists and a department specialist. The district lives in the time zone of one of
 * the five seed presets and runs the unified methodical day under the Poltavsky
 * regulation (seed 001), copied into that zone.
 *
 * @module
 */
import {
  Actor,
  Ids,
  type District as KernelDistrict,
  LocalDate,
  Presets,
  Regulation,
  type Regulations,
  type Settings,
} from "@metodika/core"
import { Result } from "effect"
import * as Random from "./Random.ts"

/** A person of the district, with their roles and e-mail address. */
export interface Person {
  readonly id: Ids.PersonId
  /** «Иванова Мария Петровна». */
  readonly fullName: string
  /** How letters greet them: «Мария Петровна». */
  readonly name: string
  readonly email: string
  readonly roles: ReadonlyArray<Actor.RoleGrant>
}

/** A school of the district. */
export interface School {
  readonly id: Ids.OrganisationId
  /** «МКОУ «Ольгинская СОШ»». */
  readonly name: string
  /** EMD-1.3: a low-results school (ШНОР), whose participation is mandatory. */
  readonly lowResults: boolean
  readonly leader: Person
  /** EMD-1.5: the deputy appointed responsible for the day. */
  readonly responsible: Person
  readonly teachers: ReadonlyArray<Person>
}

/** The fictional district. */
export interface District {
  readonly district: KernelDistrict.District
  /** The seed preset whose time zone the district shares. */
  readonly preset: string
  /** The regulation in force (the unified-day settings of seed 001 in the district's zone). */
  readonly settings: Settings.Settings
  /** The district and its regulation, for `Regulations.resolver`. */
  readonly regulation: Regulations.DistrictRegulation<Settings.Settings>
  /** The education department, issuer of the district's orders. */
  readonly department: { readonly id: Ids.OrganisationId; readonly name: string }
  readonly schools: ReadonlyArray<School>
  readonly coordinator: Person
  readonly methodists: ReadonlyArray<Person>
  readonly specialist: Person
}

/** Options of {@link make}. */
export interface Options {
  /** A seed preset id (`poltavsky`, `podosinovsky`, `rovensky`, `nazarovsky`, `partizansky`). */
  readonly preset: string
  readonly schools: number
  /** Teachers in the whole district (400 for 30 schools when absent; scaled otherwise). */
  readonly teachers?: number
  readonly seed: number
}

/** The preset ids `--district` accepts. */
export const presetIds: ReadonlyArray<string> = Presets.all.map((p) => p.district.id)

const villages = [
  "Ольгинская",
  "Вольновская",
  "Ворошиловская",
  "Еманжелинская",
  "Жигулёвская",
  "Иртышская",
  "Красногорская",
  "Ляховская",
  "Медвежинская",
  "Никоновская",
  "Новоильиновская",
  "Соловьёвская",
  "Сибирская",
  "Бабежская",
  "Байкальская",
  "Берёзовская",
  "Васильевская",
  "Горьковская",
  "Кирсановская",
  "Ковыльная",
  "Лесная",
  "Луговская",
  "Малиновская",
  "Николаевская",
  "Озёрная",
  "Первомайская",
  "Полевая",
  "Раздольная",
  "Рябиновая",
  "Садовая",
  "Степная",
  "Тихорецкая",
  "Троицкая",
  "Успенская",
  "Хлебодаровская",
  "Черёмуховая",
  "Шербакульская",
  "Юбилейная",
  "Ясная",
  "Ракитинская",
]
const kinds = ["МКОУ", "МБОУ", "МКОУ", "МБОУ", "МАОУ"]
const schoolTypes = ["СОШ", "СОШ", "СОШ", "ООШ", "лицей", "гимназия"]

const surnames = [
  ["Иванов", "Иванова"],
  ["Петров", "Петрова"],
  ["Смирнов", "Смирнова"],
  ["Кузнецов", "Кузнецова"],
  ["Попов", "Попова"],
  ["Васильев", "Васильева"],
  ["Соколов", "Соколова"],
  ["Михайлов", "Михайлова"],
  ["Новиков", "Новикова"],
  ["Фёдоров", "Фёдорова"],
  ["Морозов", "Морозова"],
  ["Волков", "Волкова"],
  ["Алексеев", "Алексеева"],
  ["Лебедев", "Лебедева"],
  ["Семёнов", "Семёнова"],
  ["Егоров", "Егорова"],
  ["Павлов", "Павлова"],
  ["Козлов", "Козлова"],
  ["Степанов", "Степанова"],
  ["Николаев", "Николаева"],
  ["Орлов", "Орлова"],
  ["Андреев", "Андреева"],
  ["Макаров", "Макарова"],
  ["Никитин", "Никитина"],
  ["Захаров", "Захарова"],
  ["Зайцев", "Зайцева"],
  ["Соловьёв", "Соловьёва"],
  ["Борисов", "Борисова"],
  ["Яковлев", "Яковлева"],
  ["Григорьев", "Григорьева"],
  ["Романов", "Романова"],
  ["Воробьёв", "Воробьёва"],
] as const
const maleNames = [
  "Александр",
  "Сергей",
  "Дмитрий",
  "Андрей",
  "Алексей",
  "Михаил",
  "Игорь",
  "Николай",
  "Владимир",
  "Павел",
]
const femaleNames = [
  "Елена",
  "Ольга",
  "Наталья",
  "Татьяна",
  "Ирина",
  "Светлана",
  "Марина",
  "Анна",
  "Мария",
  "Людмила",
  "Галина",
  "Юлия",
]
const fathers = [
  ["Александрович", "Александровна"],
  ["Сергеевич", "Сергеевна"],
  ["Викторович", "Викторовна"],
  ["Иванович", "Ивановна"],
  ["Николаевич", "Николаевна"],
  ["Петрович", "Петровна"],
  ["Владимирович", "Владимировна"],
  ["Юрьевич", "Юрьевна"],
  ["Анатольевич", "Анатольевна"],
] as const

const translit: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
}
const latin = (text: string): string =>
  [...text.toLowerCase()].map((c) => translit[c] ?? (/[a-z0-9]/.test(c) ? c : "")).join("")

/**
 * Builds the district for `options`: the same seed and options give the same district.
 * Fails with a readable message when the preset is unknown or the numbers make no sense.
 */
export const make = (options: Options): Result.Result<District, string> => {
  const preset = Presets.all.find((p) => p.district.id === options.preset)
  if (preset === undefined) {
    return Result.fail(
      `unknown district preset "${options.preset}"; one of: ${presetIds.join(", ")}`,
    )
  }
  if (!Number.isInteger(options.schools) || options.schools < 2 || options.schools > 200) {
    return Result.fail(`--schools must be a whole number from 2 to 200, got ${options.schools}`)
  }
  const rng = Random.make(options.seed)
  const zone = preset.district.timeZone
  const districtId = Ids.DistrictId.make("zarechny")
  const district: KernelDistrict.District = {
    id: districtId,
    name: "Зареченский муниципальный район",
    region: preset.district.region,
    timeZone: zone,
  }
  const copied = Presets.copy(Presets.poltavsky, { calendar: { timeZone: zone.id } })
  if (Result.isFailure(copied)) return Result.fail(copied.failure.message)
  const settings = copied.success
  const department = {
    id: Ids.OrganisationId.make("zarechny-uo"),
    name: "Управление образования администрации Зареченского муниципального района",
  }
  const regulation = Regulation.make({
    id: Ids.RegulationId.make("zarechny-emd"),
    districtId,
    title: "Регламент проведения единого методического дня в Зареченском муниципальном районе",
    versions: [
      {
        effectiveFrom: LocalDate.unsafeFromString("2020-09-01"),
        approvedBy: {
          number: "214",
          date: LocalDate.unsafeFromString("2020-08-25"),
          issuer: department.id,
          title: "Об утверждении регламента проведения единого методического дня",
        },
        content: settings,
      },
    ],
  })
  if (Result.isFailure(regulation)) return Result.fail(regulation.failure.message)

  const usedEmails = new Set<string>()
  const person = (
    id: string,
    domain: string,
    roles: ReadonlyArray<Actor.RoleGrant>,
    female = rng.chance(0.8),
  ): Person => {
    const pair = rng.pick(surnames)
    const first = female ? rng.pick(femaleNames) : rng.pick(maleNames)
    const father = rng.pick(fathers)[female ? 1 : 0]
    const surname = pair[female ? 1 : 0]
    let local = `${latin(surname)}.${latin(first).slice(0, 1)}${latin(father).slice(0, 1)}`
    for (let n = 2; usedEmails.has(`${local}@${domain}`); n++)
      local = `${local.replace(/\d+$/, "")}${n}`
    usedEmails.add(`${local}@${domain}`)
    return {
      id: Ids.PersonId.make(id),
      fullName: `${surname} ${first} ${father}`,
      name: `${first} ${father}`,
      email: `${local}@${domain}`,
      roles,
    }
  }

  const n = options.schools
  const totalTeachers = options.teachers ?? Math.round((n * 400) / 30)
  const lowCount = Math.max(1, Math.round(n / 6))
  const low = new Set(rng.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, lowCount))
  // Schools differ in size: a weight per school, teachers shared out by weight.
  const weights = Array.from({ length: n }, () => 0.5 + rng.next())
  const weightSum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map((w) => Math.max(3, Math.floor((w / weightSum) * totalTeachers)))
  for (let i = 0, left = totalTeachers - sizes.reduce((a, b) => a + b, 0); left > 0; i++, left--) {
    sizes[i % n] = (sizes[i % n] ?? 0) + 1
  }
  const names = rng.shuffle(villages)
  const schools: Array<School> = []
  for (let i = 0; i < n; i++) {
    const code = `sch${String(i + 1).padStart(2, "0")}`
    const id = Ids.OrganisationId.make(`zarechny-${code}`)
    const village = names[i % names.length] ?? "Зареченская"
    const type = rng.pick(schoolTypes)
    const name =
      i < names.length
        ? `${rng.pick(kinds)} «${village} ${type}»`
        : `${rng.pick(kinds)} «${village} ${type} № ${Math.floor(i / names.length) + 1}»`
    const domain = `${code}.zarechny-edu.ru`
    const teachers = Array.from({ length: sizes[i] ?? 3 }, (_, k) =>
      person(`${code}-t${String(k + 1).padStart(2, "0")}`, domain, [
        { role: "teacher", organisationId: id },
      ]),
    )
    schools.push({
      id,
      name,
      lowResults: low.has(i),
      leader: person(`${code}-leader`, domain, [{ role: "school-leader", organisationId: id }]),
      responsible: person(`${code}-deputy`, domain, [
        { role: "deputy-leader", organisationId: id },
        { role: "day-responsible", organisationId: id },
      ]),
      teachers,
    })
  }
  const centre = "mmc.zarechny-edu.ru"
  return Result.succeed({
    district,
    preset: preset.district.id,
    settings,
    regulation: { district, regulation: regulation.success },
    department,
    schools,
    coordinator: person("coordinator", centre, [{ role: "municipal-coordinator" }]),
    methodists: [1, 2, 3].map((k) => person(`methodist-${k}`, centre, [{ role: "methodist" }])),
    specialist: person("specialist", "uo.zarechny-edu.ru", [{ role: "department-specialist" }]),
  })
}

/** The actor of a person of the district, with extra grants (a curator's, say). */
export const actorOf = (
  district: District,
  person: Person,
  extra: ReadonlyArray<Actor.RoleGrant> = [],
): Actor.Actor => Actor.make(person.id, district.district.id, [...person.roles, ...extra])

/** Everybody in the district. */
export const people = (district: District): ReadonlyArray<Person> => [
  district.coordinator,
  ...district.methodists,
  district.specialist,
  ...district.schools.flatMap((s) => [s.leader, s.responsible, ...s.teachers]),
]

/** The number of teachers in the district. */
export const teacherCount = (district: District): number =>
  district.schools.reduce((n, s) => n + s.teachers.length, 0)
