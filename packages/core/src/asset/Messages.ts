/**
 * Eligibility explanations (ASSET-3.1) as text for people: Russian by default, English
 * as the other locale. For example «стаж 4 г. 7 мес. на 01.09.2025, требуется 5 лет».
 *
 * @module
 */
import type * as LocalDate from "../calendar/LocalDate.ts"
import type { Basis } from "../kernel/Criteria.ts"
import type { EducationLevel } from "../kernel/Education.ts"
import type { Experience } from "../kernel/Experience.ts"
import type { Category, QualificationKind } from "../kernel/Qualification.ts"
import type { SupportRole } from "../kernel/ResultFlag.ts"
import type { Locale } from "../kernel/Text.ts"
import type { Evidence, Explanation, Failure } from "./Explanation.ts"

/** A date as Russian documents write it (01.09.2025), or ISO 8601 in English. */
export const formatDate = (date: LocalDate.LocalDate, locale: Locale = "ru"): string =>
  locale === "ru" ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` : date

const plural = (n: number, one: string, few: string, many: string): string => {
  const m10 = n % 10
  const m100 = n % 100
  if (m10 === 1 && m100 !== 11) return one
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few
  return many
}

/** A length of experience, abbreviated: «4 г. 7 мес. 12 дн.», "4 y 7 m 12 d". */
export const formatExperience = (e: Experience, locale: Locale = "ru"): string => {
  const [y, m, d] = locale === "ru" ? ["г.", "мес.", "дн."] : ["y", "m", "d"]
  const parts: Array<string> = []
  if (e.years > 0) parts.push(`${e.years} ${y}`)
  if (e.months > 0) parts.push(`${e.months} ${m}`)
  if (e.days > 0 || parts.length === 0) parts.push(`${e.days} ${d}`)
  return parts.join(" ")
}

/** A required length in words: «5 лет», «3 года 6 месяцев», "5 years". */
export const formatRequired = (years: number, months: number, locale: Locale = "ru"): string => {
  const parts: Array<string> = []
  if (locale === "ru") {
    if (years > 0 || months === 0) parts.push(`${years} ${plural(years, "год", "года", "лет")}`)
    if (months > 0) parts.push(`${months} ${plural(months, "месяц", "месяца", "месяцев")}`)
  } else {
    if (years > 0 || months === 0) parts.push(`${years} ${years === 1 ? "year" : "years"}`)
    if (months > 0) parts.push(`${months} ${months === 1 ? "month" : "months"}`)
  }
  return parts.join(" ")
}

const CATEGORY: Readonly<Record<Locale, Readonly<Record<Category, string>>>> = {
  ru: { none: "без категории", first: "первая", highest: "высшая" },
  en: { none: "none", first: "first", highest: "highest" },
}

const EDUCATION: Readonly<Record<Locale, Readonly<Record<EducationLevel, string>>>> = {
  ru: {
    "higher-pedagogical": "высшего педагогического образования",
    "higher-non-pedagogical": "высшего непедагогического образования",
    "higher-with-pedagogical-retraining": "высшего образования с педагогической переподготовкой",
    "secondary-vocational-pedagogical": "среднего профессионального педагогического образования",
    "secondary-vocational-non-pedagogical":
      "среднего профессионального непедагогического образования",
  },
  en: {
    "higher-pedagogical": "higher pedagogical education",
    "higher-non-pedagogical": "higher non-pedagogical education",
    "higher-with-pedagogical-retraining": "higher education with pedagogical retraining",
    "secondary-vocational-pedagogical": "secondary vocational pedagogical education",
    "secondary-vocational-non-pedagogical": "secondary vocational non-pedagogical education",
  },
}

const ROLE: Readonly<Record<Locale, Readonly<Record<SupportRole, string>>>> = {
  ru: { leader: "руководителя", "deputy-leader": "заместителя руководителя" },
  en: { leader: "leader", "deputy-leader": "deputy leader" },
}

const QUALIFICATION: Readonly<Record<Locale, Readonly<Record<QualificationKind, string>>>> = {
  ru: { methodist: "«педагог-методист»", mentor: "«педагог-наставник»" },
  en: { methodist: '"teacher-methodist"', mentor: '"teacher-mentor"' },
}

const or = (locale: Locale) => (locale === "ru" ? " или " : " or ")

/** Why one criterion failed on `date`, as one phrase. */
export const failure = (f: Failure, date: LocalDate.LocalDate, locale: Locale = "ru"): string => {
  const on = formatDate(date, locale)
  const ru = locale === "ru"
  switch (f._tag) {
    case "StablyHighResults":
      return ru
        ? `нет подтверждённых стабильно высоких результатов обучающихся на ${on}`
        : `no stably high results of pupils on ${on}`
    case "CategoryAtLeast": {
      const required = CATEGORY[locale][f.required]
      const lapsed =
        f.lapsed === undefined
          ? ""
          : ru
            ? ` (${CATEGORY.ru[f.lapsed.category]} действовала по ${formatDate(f.lapsed.validThrough, "ru")})`
            : ` (${f.lapsed.category} ran through ${f.lapsed.validThrough})`
      if (f.category === "none") {
        return ru
          ? `категории на ${on} нет${lapsed}, требуется ${required}`
          : `no category on ${on}${lapsed}, ${required} needed`
      }
      return ru
        ? `категория на ${on}: ${CATEGORY.ru[f.category]}, требуется ${required}`
        : `category on ${on}: ${f.category}, ${required} needed`
    }
    case "EducationIn": {
      const levels = f.levels.map((l) => EDUCATION[locale][l]).join(or(locale))
      return ru ? `нет ${levels} на ${on}` : `no ${levels} on ${on}`
    }
    case "ExperienceAtLeast": {
      const required = formatRequired(f.years, f.months, locale)
      const none = f.experience.years + f.experience.months + f.experience.days === 0
      if (none) {
        return ru
          ? `стажа по специальности на ${on} нет, требуется ${required}`
          : `no experience in the specialty on ${on}, ${required} needed`
      }
      const has = formatExperience(f.experience, locale)
      return ru
        ? `стаж ${has} на ${on}, требуется ${required}`
        : `experience ${has} on ${on}, ${required} needed`
    }
    case "CompetenceAssessmentPassed": {
      if (f.lastPassedOn !== undefined && f.withinYears !== undefined) {
        const passed = formatDate(f.lastPassedOn, locale)
        const years = ru
          ? `${f.withinYears} ${plural(f.withinYears, "год", "года", "лет")}`
          : `${f.withinYears} ${f.withinYears === 1 ? "year" : "years"}`
        return ru
          ? `оценка компетенций (ФИС ОКО) пройдена ${passed}, ранее чем за ${years} до ${on}`
          : `the competence assessment (FIS OKO) was passed on ${passed}, more than ${years} before ${on}`
      }
      return ru
        ? `оценка предметных и методических компетенций (ФИС ОКО) не пройдена к ${on}`
        : `the subject and methodical competence assessment (FIS OKO) was not passed by ${on}`
    }
    case "SubjectAssociationHead":
      return ru
        ? `не руководит городским предметным объединением на ${on}`
        : `does not head a city subject association on ${on}`
    case "MethodicalAssociationMember":
      return ru
        ? `не входит в муниципальное учебно-методическое объединение на ${on}`
        : `is not a member of the municipal educational-methodical association on ${on}`
    case "Support500PlusExperience": {
      const roles = f.roles.map((r) => ROLE[locale][r]).join(or(locale))
      return ru
        ? `нет опыта сопровождения педагогов в проекте «500+» в роли ${roles} на ${on}`
        : `no experience of supporting teachers in project "500+" as ${roles} by ${on}`
    }
    case "QualificationHeld": {
      const kinds = f.qualifications.map((q) => QUALIFICATION[locale][q]).join(or(locale))
      return ru ? `нет квалификации ${kinds} на ${on}` : `no qualification ${kinds} on ${on}`
    }
    case "AnyOf": {
      const all = f.failures.map((x) => failure(x, date, locale)).join("; ")
      return ru
        ? `не выполнено ни одно из условий: ${all}`
        : `none of the alternatives holds: ${all}`
    }
  }
}

/** What one criterion that held rests on, as one phrase. */
export const evidence = (e: Evidence, locale: Locale = "ru"): string => {
  const ru = locale === "ru"
  const d = (x: LocalDate.LocalDate) => formatDate(x, locale)
  const since = (from: LocalDate.LocalDate, to?: LocalDate.LocalDate) =>
    to === undefined
      ? ru
        ? `с ${d(from)}`
        : `since ${d(from)}`
      : ru
        ? `с ${d(from)} по ${d(to)}`
        : `from ${d(from)} to ${d(to)}`
  switch (e._tag) {
    case "StablyHighResults":
      return ru
        ? `стабильно высокие результаты обучающихся ${since(e.from, e.to)}`
        : `stably high results of pupils ${since(e.from, e.to)}`
    case "CategoryAtLeast": {
      const until =
        e.validThrough === undefined
          ? ""
          : ru
            ? ` по ${d(e.validThrough)}`
            : ` through ${d(e.validThrough)}`
      return ru
        ? `${CATEGORY.ru[e.category]} категория с ${d(e.awardedOn)}${until}`
        : `${e.category} category since ${d(e.awardedOn)}${until}`
    }
    case "EducationIn":
      return ru
        ? `наличие ${EDUCATION.ru[e.level]} (${d(e.completedOn)})`
        : `${EDUCATION.en[e.level]} (${d(e.completedOn)})`
    case "ExperienceAtLeast":
      return ru
        ? `стаж ${formatExperience(e.experience, "ru")} (требуется ${formatRequired(e.years, e.months, "ru")})`
        : `experience ${formatExperience(e.experience, "en")} (${formatRequired(e.years, e.months, "en")} needed)`
    case "CompetenceAssessmentPassed":
      return ru
        ? `оценка компетенций (ФИС ОКО) пройдена ${d(e.passedOn)}`
        : `competence assessment (FIS OKO) passed on ${d(e.passedOn)}`
    case "SubjectAssociationHead":
      return ru
        ? `руководитель городского предметного объединения (${e.subject}) ${since(e.from, e.to)}`
        : `head of the city subject association (${e.subject}) ${since(e.from, e.to)}`
    case "MethodicalAssociationMember":
      return ru
        ? `член муниципального учебно-методического объединения ${since(e.from, e.to)}`
        : `member of the municipal educational-methodical association ${since(e.from, e.to)}`
    case "Support500PlusExperience":
      return ru
        ? `сопровождение педагогов в проекте «500+» в роли ${ROLE.ru[e.role]} ${since(e.from, e.to)}`
        : `support of teachers in project "500+" as ${ROLE.en[e.role]} ${since(e.from, e.to)}`
    case "QualificationHeld":
      return ru
        ? `квалификация ${QUALIFICATION.ru[e.qualification]} с ${d(e.awardedOn)}`
        : `qualification ${QUALIFICATION.en[e.qualification]} since ${d(e.awardedOn)}`
  }
}

const titleOf = (bases: ReadonlyArray<Basis>, id: string, locale: Locale): string => {
  const basis = bases.find((b) => b.id === id)
  return basis === undefined ? `«${id}»` : `«${id}» (${basis.title[locale]})`
}

/**
 * An explanation as lines of text: for an eligible teacher the basis and its evidence,
 * for an ineligible one a line per basis with every failed criterion.
 */
export const explain = (
  explanation: Explanation,
  bases: ReadonlyArray<Basis>,
  locale: Locale = "ru",
): ReadonlyArray<string> => {
  const ru = locale === "ru"
  const on = formatDate(explanation.date, locale)
  if (explanation._tag === "Eligible") {
    const title = titleOf(bases, explanation.basis, locale)
    return [
      ru ? `соответствует основанию ${title} на ${on}` : `eligible on basis ${title} on ${on}`,
      ...explanation.evidence.map((e) => evidence(e, locale)),
    ]
  }
  return explanation.bases.map(
    (b) =>
      `${ru ? "основание" : "basis"} ${titleOf(bases, b.basis, locale)}: ${b.failures
        .map((f) => failure(f, explanation.date, locale))
        .join("; ")}`,
  )
}
