/**
 * Presets: one complete regulation per seed district, each a versioned regulation approved
 * by an order, with the settings its text gives (the clause is cited beside each). A
 * district adopts one with {@link copy}, changing any setting, and approves the result by
 * its own order.
 *
 * The seeds: 000 Подосиновский район (Кировская область, methodical train), 001
 * Полтавский муниципальный район (Омская область, unified methodical day), 002 Ровеньский
 * район (Белгородская область, methodical days), 003 Назаровский район (Красноярский
 * край, methodical communities), 004 Партизанский городской округ (Приморский край,
 * municipal methodical asset). Settings a seed does not give are the library defaults of
 * {@link defaults}.
 *
 * @module
 */
import { DateTime, Result } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { DistrictId, OrganisationId, RegulationId } from "../Ids.ts"
import { defaultSettings as emdDefaults } from "../unified-day/Regulation.ts"
import { BasisId } from "./Criteria.ts"
import type { DecodeError } from "./Decode.ts"
import type { District } from "./District.ts"
import type { Order } from "./Order.ts"
import { federalSettings } from "./Qualification.ts"
import * as Regulation from "./Regulation.ts"
import {
  decodeSettings,
  encodeSettings,
  MonthDay,
  type Settings,
  type SettingsEncoded,
} from "./Settings.ts"

const date = LocalDate.unsafeFromString

/**
 * The four bases of ASSET-3.1, from seed 004 (Положение о муниципальном методическом
 * активе Партизанского городского округа, section III, clause 1.1):
 * (a) stably high results, the highest category, higher pedagogical education and at
 * least five years in the specialty; (b) a passed assessment of subject and methodical
 * competences (ФИС ОКО) with the same category, education and experience; (c) heads of
 * city subject associations and members of the municipal educational-methodical
 * association; (d) leaders and deputies with experience of support in project "500+".
 */
export const assetBases: Settings["asset"]["bases"] = [
  {
    id: BasisId.make("a"),
    title: {
      ru: "стабильно высокие результаты обучающихся",
      en: "stably high results of pupils",
    },
    criteria: [
      { _tag: "StablyHighResults" },
      { _tag: "CategoryAtLeast", category: "highest" },
      { _tag: "EducationIn", levels: ["higher-pedagogical"] },
      { _tag: "ExperienceAtLeast", years: 5 },
    ],
  },
  {
    id: BasisId.make("b"),
    title: {
      ru: "высокий уровень методических компетенций (оценка ФИС ОКО)",
      en: "high methodical competence (FIS OKO assessment)",
    },
    criteria: [
      { _tag: "CompetenceAssessmentPassed" },
      { _tag: "CategoryAtLeast", category: "highest" },
      { _tag: "EducationIn", levels: ["higher-pedagogical"] },
      { _tag: "ExperienceAtLeast", years: 5 },
    ],
  },
  {
    id: BasisId.make("c"),
    title: {
      ru: "руководитель городского предметного объединения или член муниципального УМО",
      en: "head of a city subject association or member of the municipal methodical association",
    },
    criteria: [
      {
        _tag: "AnyOf",
        anyOf: [{ _tag: "SubjectAssociationHead" }, { _tag: "MethodicalAssociationMember" }],
      },
    ],
  },
  {
    id: BasisId.make("d"),
    title: {
      ru: "опыт сопровождения педагогов в проекте «500+» (руководитель, заместитель)",
      en: 'experience of supporting teachers in project "500+" (leader, deputy)',
    },
    criteria: [{ _tag: "Support500PlusExperience", roles: ["leader", "deputy-leader"] }],
  },
]

/**
 * The library defaults, for settings a seed does not give: the school year of
 * 1 September to 31 May (DOMAIN.md), the unified-day settings of seed 001, the federal
 * attestation rules, the asset bases of seed 004, and a reminder 24 hours before the
 * questions of a unified day are due.
 */
export const defaults = (timeZone: DateTime.TimeZone.Named): Settings => ({
  calendar: {
    timeZone,
    schoolYear: { start: MonthDay.make("09-01"), end: MonthDay.make("05-31") },
    regionalAdditions: [],
  },
  emd: emdDefaults,
  notifications: {
    reminders: [
      { target: "emd.questions", hoursBefore: 24 },
      { target: "emd.progress-sheet", hoursBefore: 72 },
    ],
  },
  qualification: federalSettings,
  asset: { bases: assetBases },
})

/** A seed district and its regulation, ready to copy. */
export interface Preset {
  readonly district: District
  readonly regulation: Regulation.Regulation<Settings>
}

const zone = DateTime.zoneMakeNamedUnsafe

const preset = (
  district: District,
  regulation: { readonly id: string; readonly title: string },
  order: Order,
  effectiveFrom: LocalDate.LocalDate,
  settings: Settings,
): Preset => ({
  district,
  regulation: Result.getOrThrow(
    Regulation.make({
      id: RegulationId.make(regulation.id),
      districtId: district.id,
      title: regulation.title,
      versions: [{ effectiveFrom, approvedBy: order, content: settings }],
    }),
  ),
})

// Seeds 000, 001, 002 and 004 name no approving order: "б/н" and the dates below are
// placeholders (the start of a school year), which a district replaces with its own order
// when it copies the preset.

/** Seed 000: Подосиновский район, Кировская область (methodical train). */
export const podosinovsky: Preset = preset(
  {
    id: DistrictId.make("podosinovsky"),
    name: "Подосиновский район",
    region: "Кировская область",
    timeZone: zone("Europe/Kirov"),
  },
  {
    id: "podosinovsky-methodical-train",
    title:
      "Положение о районном методическом поезде «Образование: мир возможностей и ярких событий»",
  },
  {
    number: "б/н",
    date: date("2024-09-01"),
    // Clause 2.1: the routes are organised with the department of education of the
    // administration of Подосиновский район.
    issuer: OrganisationId.make("podosinovsky-uo"),
    title: "Об утверждении положения о районном методическом поезде",
  },
  date("2024-09-01"),
  defaults(zone("Europe/Kirov")),
)

/** Seed 001: Полтавский муниципальный район, Омская область (unified methodical day). */
export const poltavsky: Preset = preset(
  {
    id: DistrictId.make("poltavsky"),
    name: "Полтавский муниципальный район",
    region: "Омская область",
    timeZone: zone("Asia/Omsk"),
  },
  {
    id: "poltavsky-emd",
    title:
      "Регламент проведения единого методического дня в общеобразовательных организациях Полтавского муниципального района",
  },
  {
    number: "б/н",
    // Clause 1.2: the day is held every Thursday of the 2020–2021 school year.
    date: date("2020-09-01"),
    // Clause 2.15: practices go to the Committee of Education (Комитет образования).
    issuer: OrganisationId.make("poltavsky-ko"),
    title: "Об утверждении регламента проведения единого методического дня",
  },
  date("2020-09-01"),
  {
    ...defaults(zone("Asia/Omsk")),
    emd: {
      ...emdDefaults,
      // 1.2: every Thursday of the school year, vacations included.
      weekday: 4,
      skipVacations: false,
      // 2.7–2.8: on Wednesday the links and questions for Thursday of the next week.
      materials: { offsetDays: -8, time: "end-of-day" },
      // 2.9: on Friday the videoconference with the municipal coordinator.
      videoconference: { offsetDays: -6, time: "end-of-day" },
      // 2.10: on Monday of the next week, by 11:00, the schools' questions.
      questions: { offsetDays: -3, time: { hour: 11, minute: 0 } },
      // 2.12: on Thursday the day is held and its decision sent.
      decisionDays: 0,
      // 2.16: at the end of each month the progress sheet.
      progressSheetDue: "last-working-day",
    },
  },
)

/** Seed 002: Ровеньский район, Белгородская область (methodical days). */
export const rovensky: Preset = preset(
  {
    id: DistrictId.make("rovensky"),
    name: "Ровеньский район",
    region: "Белгородская область",
    timeZone: zone("Europe/Moscow"),
  },
  {
    id: "rovensky-methodical-days",
    title:
      "Положение о проведении методических дней в образовательных учреждениях Ровеньского района",
  },
  {
    number: "б/н",
    date: date("2024-09-01"),
    // Clause 5: the regulation is changed by an order of the head of the department of
    // education of the administration of Ровеньский район.
    issuer: OrganisationId.make("rovensky-uo"),
    title: "Об утверждении положения о проведении методических дней",
  },
  date("2024-09-01"),
  defaults(zone("Europe/Moscow")),
)

/** Seed 003: Назаровский район, Красноярский край (methodical communities). */
export const nazarovsky: Preset = preset(
  {
    id: DistrictId.make("nazarovsky"),
    name: "Назаровский район",
    region: "Красноярский край",
    timeZone: zone("Asia/Krasnoyarsk"),
  },
  {
    id: "nazarovsky-communities",
    title:
      "Программа развития и поддержки профессиональных методических сообществ и школьных методических объединений Назаровского района",
  },
  {
    // The order itself: No. 91 of 04.06.2020, in force from the day it is signed (item 3).
    number: "91",
    date: date("2020-06-04"),
    issuer: OrganisationId.make("nazarovsky-uo"),
    title: "Об утверждении положения",
  },
  date("2020-06-04"),
  defaults(zone("Asia/Krasnoyarsk")),
)

/** Seed 004: Партизанский городской округ, Приморский край (municipal methodical asset). */
export const partizansky: Preset = preset(
  {
    id: DistrictId.make("partizansky"),
    name: "Партизанский городской округ",
    region: "Приморский край",
    timeZone: zone("Asia/Vladivostok"),
  },
  {
    id: "partizansky-methodical-asset",
    title: "Положение о муниципальном методическом активе Партизанского городского округа",
  },
  {
    // Clause 6.1: the regulation is approved by an order.
    number: "б/н",
    date: date("2024-09-01"),
    issuer: OrganisationId.make("partizansky-uo"),
    title: "Об утверждении Положения о муниципальном методическом активе",
  },
  date("2024-09-01"),
  {
    ...defaults(zone("Asia/Vladivostok")),
    // III.1.1: the four bases; III.1.2: the size is set by need, so no planned size.
    asset: { bases: assetBases },
  },
)

/** The five seed presets, west to east. */
export const all: ReadonlyArray<Preset> = [
  podosinovsky,
  rovensky,
  poltavsky,
  nazarovsky,
  partizansky,
]

/** A change to some settings: any section, any depth; lists are replaced whole. */
export type Overrides<T = SettingsEncoded> =
  T extends ReadonlyArray<unknown>
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: Overrides<T[K]> }
      : T

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const merge = (base: unknown, patch: unknown): unknown => {
  if (patch === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch
  // Built from entries so a "__proto__" key stays an ordinary key, refused by decoding.
  const keys = new Set([...Object.keys(base), ...Object.keys(patch)])
  return Object.fromEntries(
    [...keys].map((k) => [
      k,
      Object.hasOwn(patch, k)
        ? merge(Object.hasOwn(base, k) ? base[k] : undefined, patch[k])
        : base[k],
    ]),
  )
}

/**
 * The settings of the preset's latest version with `overrides` applied, validated as a
 * whole: any setting can change, and an override that breaks a rule (a weekday 9, an
 * unknown key, a basis code used twice) is a typed {@link DecodeError}.
 *
 * @example
 * Presets.copy(Presets.poltavsky, { calendar: { timeZone: "Asia/Novosibirsk" }, emd: { weekday: 3 } })
 */
export const copy = (
  preset: Preset,
  overrides: Overrides = {},
): Result.Result<Settings, DecodeError> => {
  const versions = preset.regulation.versions
  const latest = versions[versions.length - 1]!.content
  return decodeSettings(merge(encodeSettings(latest), overrides))
}
