/**
 * fast-check arbitraries for every kernel type of `@metodika/core`: districts,
 * organisations, people, teachers and their records, orders, versioned regulations and
 * settings. Each generates only valid values (the kernel schemas are the oracle: the
 * tests assert `Schema.is` on every generated value) and shrinks structurally.
 *
 * @module
 */
import {
  Criteria,
  type District,
  Education,
  type Experience,
  Ids,
  LocalDate,
  type Order,
  Organisation,
  type Person,
  Presets,
  Qualification,
  type Regulation,
  ResultFlag,
  Settings,
  Teacher,
} from "@metodika/core"
import { DateTime, Result } from "effect"
import * as fc from "fast-check"

/** Options of {@link localDate}: the inclusive range of dates to draw from. */
export interface DateRange {
  readonly min?: LocalDate.LocalDate
  readonly max?: LocalDate.LocalDate
}

const DEFAULT_MIN = LocalDate.unsafeFromString("1990-01-01")
const DEFAULT_MAX = LocalDate.unsafeFromString("2035-12-31")

/** The dates drawn when no range is given: 1990-01-01 to 2035-12-31. */
export const DEFAULT_RANGE: Required<DateRange> = { min: DEFAULT_MIN, max: DEFAULT_MAX }

/** A civil date `YYYY-MM-DD` in a range (1990–2035 by default). */
export const localDate = (range: DateRange = {}): fc.Arbitrary<LocalDate.LocalDate> =>
  fc
    .integer({
      min: LocalDate.toEpochDay(range.min ?? DEFAULT_MIN),
      max: LocalDate.toEpochDay(range.max ?? DEFAULT_MAX),
    })
    .map(LocalDate.fromEpochDay)

const WORDS = [
  "Иванова",
  "Петров",
  "Мария",
  "Сергей",
  "школа",
  "математика",
  "русский язык",
  "Omsk",
  "lyceum",
  "No. 5",
  "«Радуга»",
] as const

/** A name or title: non-empty, trimmed, at most 500 characters. */
export const name: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
)

const idText = fc.stringMatching(/^[a-z0-9][a-z0-9_.:\-/]{0,23}$/)

/** A district id. */
export const districtId: fc.Arbitrary<Ids.DistrictId> = idText.map((s) => Ids.DistrictId.make(s))
/** An organisation id. */
export const organisationId: fc.Arbitrary<Ids.OrganisationId> = idText.map((s) =>
  Ids.OrganisationId.make(s),
)
/** A person id. */
export const personId: fc.Arbitrary<Ids.PersonId> = idText.map((s) => Ids.PersonId.make(s))
/** A regulation id. */
export const regulationId: fc.Arbitrary<Ids.RegulationId> = idText.map((s) =>
  Ids.RegulationId.make(s),
)

const ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Kirov",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
] as const

/** A Russian IANA time zone, UTC+2 (Kaliningrad) to UTC+12 (Kamchatka). */
export const timeZone: fc.Arbitrary<DateTime.TimeZone.Named> = fc
  .constantFrom(...ZONES)
  .map((z) => DateTime.zoneMakeNamedUnsafe(z))

/** A district with its region and time zone. */
export const district: fc.Arbitrary<District.District> = fc.record({
  id: districtId,
  name,
  region: name,
  timeZone,
})

/** An organisation; only those that teach pupils are ever flagged low-results. */
export const organisation: fc.Arbitrary<Organisation.Organisation> = fc
  .record({
    id: organisationId,
    districtId,
    name,
    kind: fc.constantFrom(...Organisation.OrganisationKind.literals),
    lowResults: fc.boolean(),
  })
  .map((o) => ({
    ...o,
    lowResults: o.lowResults && Organisation.educationalKinds.includes(o.kind),
  }))

/** A full name, with or without a patronymic. */
export const fullName: fc.Arbitrary<Person.FullName> = fc.record(
  { surname: name, name, patronymic: name },
  { requiredKeys: ["surname", "name"] },
)

/** A person, with or without an e-mail address. */
export const person: fc.Arbitrary<Person.Person> = fc.record(
  {
    id: personId,
    districtId,
    fullName,
    email: fc.stringMatching(/^[a-z0-9.]{1,12}@[a-z0-9.]{1,12}$/),
  },
  { requiredKeys: ["id", "districtId", "fullName"] },
)

/** A period starting in `range`, open or closed, never ending before it begins. */
export const period = (
  range: DateRange = {},
): fc.Arbitrary<{
  readonly from: LocalDate.LocalDate
  readonly to?: LocalDate.LocalDate
}> =>
  fc
    .tuple(localDate(range), fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }))
    .map(([from, length]) =>
      length === undefined ? { from } : { from, to: LocalDate.addDays(from, length) },
    )

/** A category award, sometimes with its own recorded last day. */
export const categoryAward = (range: DateRange = {}): fc.Arbitrary<Qualification.CategoryAward> =>
  fc
    .tuple(
      fc.constantFrom(...Qualification.AwardedCategory.literals),
      localDate(range),
      fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined, freq: 8 }),
    )
    .map(([category, awardedOn, length]) =>
      length === undefined
        ? { category, awardedOn }
        : { category, awardedOn, validThrough: LocalDate.addDays(awardedOn, length) },
    )

/** An education record. */
export const education = (range: DateRange = {}): fc.Arbitrary<Education.Education> =>
  fc.record(
    {
      level: fc.constantFrom(...Education.EducationLevel.literals),
      completedOn: localDate(range),
      institution: name,
      speciality: name,
    },
    { requiredKeys: ["level", "completedOn"] },
  )

/** A period of experience in the specialty. */
export const experienceRecord = (
  range: DateRange = {},
): fc.Arbitrary<Experience.ExperienceRecord> =>
  fc
    .tuple(period(range), fc.option(organisationId, { nil: undefined }))
    .map(([p, organisationId]) => (organisationId === undefined ? p : { ...p, organisationId }))

/** One dated result flag of any kind. */
export const resultFlag = (range: DateRange = {}): fc.Arbitrary<ResultFlag.ResultFlag> =>
  fc.oneof(
    period(range).map((p) => ({ _tag: "StablyHighResults" as const, ...p })),
    localDate(range).map((passedOn) => ({ _tag: "CompetenceAssessment" as const, passedOn })),
    fc
      .tuple(period(range), name)
      .map(([p, subject]) => ({ _tag: "SubjectAssociationHead" as const, ...p, subject })),
    period(range).map((p) => ({ _tag: "MethodicalAssociationMember" as const, ...p })),
    fc
      .tuple(period(range), fc.constantFrom(...ResultFlag.SupportRole.literals))
      .map(([p, role]) => ({ _tag: "Support500Plus" as const, ...p, role })),
  )

/** Options of {@link teacher}. */
export interface TeacherOptions extends DateRange {
  /** The attestation settings qualifications are checked against (federal by default). */
  readonly qualification?: Qualification.QualificationSettings
  /** Largest number of records of each kind (4 by default). */
  readonly maxRecords?: number
}

/**
 * A teacher with random records in a date range. 2023 qualifications are kept only where
 * the teacher holds the highest category on their award date, as the schema demands.
 */
export const teacher = (options: TeacherOptions = {}): fc.Arbitrary<Teacher.Teacher> => {
  const settings = options.qualification ?? Qualification.federalSettings
  const maxLength = options.maxRecords ?? 4
  return fc
    .record({
      personId,
      districtId,
      organisationId,
      position: fc.constantFrom(...Teacher.Position.literals),
      subjects: fc.array(name, { maxLength: 2 }),
      categories: fc.array(categoryAward(options), { maxLength }),
      qualifications: fc.array(
        fc.record({
          qualification: fc.constantFrom(...Qualification.QualificationKind.literals),
          awardedOn: localDate(options),
        }),
        { maxLength: 2 },
      ),
      education: fc.array(education(options), { maxLength: 2 }),
      experience: fc.array(experienceRecord(options), { maxLength }),
      results: fc.array(resultFlag(options), { maxLength }),
    })
    .map((t) => ({
      ...t,
      qualifications: t.qualifications.filter((q) =>
        Result.isSuccess(Qualification.checkQualification(t, q, settings)),
      ),
    }))
}

/** An order of a department or an organisation. */
export const order: fc.Arbitrary<Order.Order> = fc.record({
  number: fc.oneof(fc.integer({ min: 1, max: 999 }).map(String), fc.constant("б/н")),
  date: localDate(),
  issuer: organisationId,
  title: name,
})

/**
 * A regulation whose versions carry content from `content`, with strictly increasing
 * effective dates, each approved by an order dated on or before it.
 */
export const regulation = <A>(
  content: fc.Arbitrary<A>,
  options: { readonly maxVersions?: number } = {},
): fc.Arbitrary<Regulation.Regulation<A>> =>
  fc
    .record({
      id: regulationId,
      districtId,
      title: name,
      first: localDate({ max: LocalDate.unsafeFromString("2030-12-31") }),
      steps: fc.array(
        fc.record({ gap: fc.integer({ min: 1, max: 900 }), lead: fc.integer({ min: 0, max: 60 }) }),
        { maxLength: (options.maxVersions ?? 4) - 1 },
      ),
      orders: fc.array(order, {
        minLength: options.maxVersions ?? 4,
        maxLength: options.maxVersions ?? 4,
      }),
      contents: fc.array(content, {
        minLength: options.maxVersions ?? 4,
        maxLength: options.maxVersions ?? 4,
      }),
    })
    .map(({ id, districtId, title, first, steps, orders, contents }) => {
      const dates = [first]
      for (const s of steps) dates.push(LocalDate.addDays(dates[dates.length - 1]!, s.gap))
      const versions = dates.map((effectiveFrom, i) => ({
        effectiveFrom,
        approvedBy: {
          ...orders[i]!,
          date: LocalDate.addDays(effectiveFrom, -(steps[i]?.lead ?? 0)),
        },
        content: contents[i]!,
      }))
      return {
        id,
        districtId,
        title,
        versions: versions as [(typeof versions)[0], ...typeof versions],
      }
    })

/** A simple criterion (no alternatives) with random parameters. */
export const simpleCriterion: fc.Arbitrary<Criteria.Simple> = fc.oneof(
  fc.constant({ _tag: "StablyHighResults" as const }),
  fc.constantFrom(...Qualification.AwardedCategory.literals).map((category) => ({
    _tag: "CategoryAtLeast" as const,
    category,
  })),
  fc
    .uniqueArray(fc.constantFrom(...Education.EducationLevel.literals), { minLength: 1 })
    .map((levels) => ({
      _tag: "EducationIn" as const,
      levels: levels as [Education.EducationLevel, ...Array<Education.EducationLevel>],
    })),
  fc
    .record(
      { years: fc.integer({ min: 0, max: 15 }), months: fc.integer({ min: 0, max: 11 }) },
      { requiredKeys: ["years"] },
    )
    .map((r) => ({ _tag: "ExperienceAtLeast" as const, ...r })),
  fc
    .record({ withinYears: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: [] })
    .map((r) => ({ _tag: "CompetenceAssessmentPassed" as const, ...r })),
  fc.constant({ _tag: "SubjectAssociationHead" as const }),
  fc.constant({ _tag: "MethodicalAssociationMember" as const }),
  fc
    .uniqueArray(fc.constantFrom(...ResultFlag.SupportRole.literals), { minLength: 1 })
    .map((roles) => ({
      _tag: "Support500PlusExperience" as const,
      roles: roles as [ResultFlag.SupportRole, ...Array<ResultFlag.SupportRole>],
    })),
  fc
    .uniqueArray(fc.constantFrom(...Qualification.QualificationKind.literals), { minLength: 1 })
    .map((qualifications) => ({
      _tag: "QualificationHeld" as const,
      qualifications: qualifications as [
        Qualification.QualificationKind,
        ...Array<Qualification.QualificationKind>,
      ],
    })),
)

/** A criterion: a simple one, or alternatives of one to three simple ones. */
export const criterion: fc.Arbitrary<Criteria.Criterion> = fc.oneof(
  { arbitrary: simpleCriterion, weight: 4 },
  {
    arbitrary: fc.array(simpleCriterion, { minLength: 1, maxLength: 3 }).map((anyOf) => ({
      _tag: "AnyOf" as const,
      anyOf: anyOf as [Criteria.Simple, ...Array<Criteria.Simple>],
    })),
    weight: 1,
  },
)

/** A basis with one to five criteria. */
export const basis: fc.Arbitrary<Criteria.Basis> = fc.record({
  id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/).map((s) => Criteria.BasisId.make(s)),
  title: fc.record({ ru: name, en: name }),
  criteria: fc
    .array(criterion, { minLength: 1, maxLength: 5 })
    .map((c) => c as [Criteria.Criterion, ...Array<Criteria.Criterion>]),
})

/** One to six bases with unique codes. */
export const bases: fc.Arbitrary<Criteria.Bases> = fc
  .uniqueArray(basis, { minLength: 1, maxLength: 6, selector: (b) => b.id })
  .map((b) => b as [Criteria.Basis, ...Array<Criteria.Basis>])

/** A day of the year `MM-DD` (29 February included). */
export const monthDay: fc.Arbitrary<Settings.MonthDay> = localDate({
  min: LocalDate.unsafeFromString("2024-01-01"),
  max: LocalDate.unsafeFromString("2024-12-31"),
}).map((d) => Settings.MonthDay.make(d.slice(5)))

/** Attestation settings: term 1–10 years, a cut-over date, sometimes a term after it. */
export const qualificationSettings: fc.Arbitrary<Qualification.QualificationSettings> = fc.record(
  {
    legacyTermYears: fc.integer({ min: 1, max: 10 }),
    cutOver: localDate({
      min: LocalDate.unsafeFromString("2015-01-01"),
      max: LocalDate.unsafeFromString("2030-12-31"),
    }),
    termYearsFromCutOver: fc.integer({ min: 1, max: 10 }),
  },
  { requiredKeys: ["legacyTermYears", "cutOver"] },
)

/**
 * Complete settings: one of the seed presets with its time zone, school year, weekday,
 * attestation rules, asset bases and planned size varied.
 */
export const settings: fc.Arbitrary<Settings.Settings> = fc
  .record({
    preset: fc.constantFrom(...Presets.all),
    timeZone,
    start: monthDay,
    end: monthDay,
    weekday: fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const),
    qualification: qualificationSettings,
    bases,
    plannedSize: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
  })
  .map((r) => {
    const base = r.preset.regulation.versions[0].content
    return {
      ...base,
      calendar: {
        ...base.calendar,
        timeZone: r.timeZone,
        schoolYear: { start: r.start, end: r.end },
      },
      emd: { ...base.emd, weekday: r.weekday },
      qualification: r.qualification,
      asset:
        r.plannedSize === undefined
          ? { bases: r.bases }
          : { bases: r.bases, plannedSize: r.plannedSize },
    }
  })

/** A length of service: years, months 0–11, days 0–29. */
export const experience: fc.Arbitrary<Experience.Experience> = fc.record({
  years: fc.integer({ min: 0, max: 50 }),
  months: fc.integer({ min: 0, max: 11 }),
  days: fc.integer({ min: 0, max: 29 }),
})

/** A text in both locales. */
export const localised: fc.Arbitrary<{ readonly ru: string; readonly en: string }> = fc.record({
  ru: name,
  en: name,
})

/** The calendar section of the settings. */
export const calendarSettings: fc.Arbitrary<Settings.CalendarSettings> = fc.record({
  timeZone,
  schoolYear: fc.record({ start: monthDay, end: monthDay }),
  regionalAdditions: fc.array(
    fc.record({
      date: localDate(),
      kind: fc.constantFrom("non-working" as const, "working" as const),
      name,
      source: fc.record({
        kind: fc.constant("regional-act" as const),
        citation: name,
      }),
    }),
    { maxLength: 3 },
  ),
})

/** A reminder before a due time. */
export const reminder: fc.Arbitrary<Settings.Reminder> = fc.record({
  target: fc.constantFrom(...Settings.ReminderTarget.literals),
  hoursBefore: fc.integer({ min: 1, max: 24 * 60 }),
})

/** The notifications section: reminders, no two alike. */
export const notificationSettings: fc.Arbitrary<Settings.NotificationSettings> = fc
  .uniqueArray(reminder, { maxLength: 6, selector: (r) => `${r.target}/${r.hoursBefore}` })
  .map((reminders) => ({ reminders }))

/** The asset section: bases, and sometimes a planned size and a membership term. */
export const assetSettings: fc.Arbitrary<Settings.AssetSettings> = fc.record(
  {
    bases,
    plannedSize: fc.integer({ min: 1, max: 500 }),
    membershipTermYears: fc.integer({ min: 1, max: 10 }),
  },
  { requiredKeys: ["bases"] },
)
