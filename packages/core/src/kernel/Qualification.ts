/**
 * Qualification categories of teachers and the 2023 qualifications, and which of them
 * holds on a given date.
 *
 * Categories awarded under the attestation order in force before the cut-over
 * (Order of the Ministry of Education and Science No. 276 of 7 April 2014) ran for a
 * fixed term, five years; those awarded under Order of the Ministry of Enlightenment
 * No. 196 of 24 March 2023 (in force from 1 September 2023) have no end. The term and the
 * cut-over date are regulation settings ({@link QualificationSettings}), not constants.
 *
 * @module
 */
import { Result, Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"

/**
 * Settings of the attestation rules that decide how long a category lasts.
 * The defaults are in {@link federalSettings}.
 */
export const QualificationSettings = Schema.Struct({
  /** Term in years of a category awarded before `cutOver` (5 under Order No. 276). */
  legacyTermYears: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 })),
  /** The first day the new attestation order applies (2023-09-01 for Order No. 196). */
  cutOver: LocalDate.LocalDate,
  /** Term in years of a category awarded on or after `cutOver`; absent when it has no end. */
  termYearsFromCutOver: Schema.optionalKey(
    Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 })),
  ),
})
/** @see QualificationSettings */
export type QualificationSettings = typeof QualificationSettings.Type

/** The federal rules: five-year categories until 31 August 2023, no end from 1 September 2023. */
export const federalSettings: QualificationSettings = {
  legacyTermYears: 5,
  cutOver: LocalDate.unsafeFromString("2023-09-01"),
}

/**
 * A qualification category (квалификационная категория): `none` (без категории),
 * `first` (первая), `highest` (высшая).
 */
export const Category = Schema.Literals(["none", "first", "highest"])
/** @see Category */
export type Category = typeof Category.Type

/** The categories that are awarded: first and highest. */
export const AwardedCategory = Schema.Literals(["first", "highest"])
/** @see AwardedCategory */
export type AwardedCategory = typeof AwardedCategory.Type

/** Rank of a category, so that "at least first" is a comparison. */
export const rank = (category: Category): number =>
  category === "highest" ? 2 : category === "first" ? 1 : 0

/**
 * A category awarded by an attestation commission's decision on `awardedOn`.
 * `validThrough` is recorded only when the record states its own last day (a category
 * extended by a regional act, for instance); otherwise the term follows from the settings.
 */
export const CategoryAward = Schema.Struct({
  category: AwardedCategory,
  awardedOn: LocalDate.LocalDate,
  validThrough: Schema.optionalKey(LocalDate.LocalDate),
}).check(
  Schema.makeFilter(
    (a: { readonly awardedOn: LocalDate.LocalDate; readonly validThrough?: LocalDate.LocalDate }) =>
      a.validThrough === undefined ||
      a.validThrough >= a.awardedOn || {
        path: ["validThrough"],
        issue: `the category cannot end (${a.validThrough}) before it is awarded (${a.awardedOn})`,
      },
  ),
)
/** @see CategoryAward */
export type CategoryAward = typeof CategoryAward.Type

/**
 * The qualifications introduced by Order No. 196 of 24 March 2023: `methodist`
 * (педагог-методист) and `mentor` (педагог-наставник). Only a holder of the highest
 * category can be awarded one.
 */
export const QualificationKind = Schema.Literals(["methodist", "mentor"])
/** @see QualificationKind */
export type QualificationKind = typeof QualificationKind.Type

/** A 2023 qualification awarded on a date. */
export const QualificationAward = Schema.Struct({
  qualification: QualificationKind,
  awardedOn: LocalDate.LocalDate,
})
/** @see QualificationAward */
export type QualificationAward = typeof QualificationAward.Type

/** Anything that carries a history of category awards, such as a teacher. */
export interface CategoryHolder {
  readonly categories: ReadonlyArray<CategoryAward>
}

/** Anything that carries categories and 2023 qualifications, such as a teacher. */
export interface QualificationHolder extends CategoryHolder {
  readonly qualifications: ReadonlyArray<QualificationAward>
}

/** `YYYYMMDD` as a number, so dates compare and shift by whole years without allocating. */
const key = (date: string): number =>
  (date.charCodeAt(0) - 48) * 10_000_000 +
  (date.charCodeAt(1) - 48) * 1_000_000 +
  (date.charCodeAt(2) - 48) * 100_000 +
  (date.charCodeAt(3) - 48) * 10_000 +
  (date.charCodeAt(5) - 48) * 1000 +
  (date.charCodeAt(6) - 48) * 100 +
  (date.charCodeAt(8) - 48) * 10 +
  (date.charCodeAt(9) - 48)

/** The term in years of an award under the settings, or `undefined` when it has no end. */
export const termYears = (
  award: CategoryAward,
  settings: QualificationSettings,
): number | undefined =>
  award.awardedOn < settings.cutOver ? settings.legacyTermYears : settings.termYearsFromCutOver

/**
 * Whether an award is still valid on `date` (on or after its award). A term of n years
 * ends the day before the n-th anniversary; for an award of 29 February the anniversary
 * in a common year is 1 March.
 */
export const isValidOn = (
  award: CategoryAward,
  date: LocalDate.LocalDate,
  settings: QualificationSettings,
): boolean => {
  if (date < award.awardedOn) return false
  if (award.validThrough !== undefined) return date <= award.validThrough
  const years = termYears(award, settings)
  // Shifting the date back by the term keeps month and day, so 29 February needs no case.
  return years === undefined || key(date) - years * 10_000 < key(award.awardedOn)
}

/** The last day an award is valid, or `undefined` when it has no end. */
export const validThrough = (
  award: CategoryAward,
  settings: QualificationSettings,
): LocalDate.LocalDate | undefined => {
  if (award.validThrough !== undefined) return award.validThrough
  const years = termYears(award, settings)
  if (years === undefined) return undefined
  const { year, month, day } = LocalDate.toParts(award.awardedOn)
  const anniversary = LocalDate.make(year + years, month, day).pipe(
    Result.getOrElse(() => LocalDate.makeUnsafe(year + years, month + 1, 1)),
  )
  return LocalDate.addDays(anniversary, -1)
}

/**
 * The award that decides the category on `date`: the latest one awarded on or before it
 * (the higher one when two share a date). A later award replaces an earlier one, so an
 * older award that would still run does not outlive its replacement.
 */
export const latestAwardOn = (
  holder: CategoryHolder,
  date: LocalDate.LocalDate,
): CategoryAward | undefined => {
  let latest: CategoryAward | undefined
  for (const award of holder.categories) {
    if (award.awardedOn > date) continue
    if (
      latest === undefined ||
      award.awardedOn > latest.awardedOn ||
      (award.awardedOn === latest.awardedOn && rank(award.category) > rank(latest.category))
    ) {
      latest = award
    }
  }
  return latest
}

/** The award that gives the category valid on `date`, or `undefined` when there is none. */
export const awardOn = (
  holder: CategoryHolder,
  date: LocalDate.LocalDate,
  settings: QualificationSettings,
): CategoryAward | undefined => {
  const latest = latestAwardOn(holder, date)
  return latest !== undefined && isValidOn(latest, date, settings) ? latest : undefined
}

/**
 * The category valid on `date`: that of the latest award when it has not run out,
 * `none` otherwise.
 *
 * @example
 * categoryOn({ categories: [{ category: "highest", awardedOn: "2019-03-28" }] }, "2024-03-28", federalSettings)
 * // "none": a pre-2023 category ran for five years, through 2024-03-27
 */
export const categoryOn = (
  holder: CategoryHolder,
  date: LocalDate.LocalDate,
  settings: QualificationSettings,
): Category => awardOn(holder, date, settings)?.category ?? "none"

/** The 2023 qualifications held on `date`; each lasts while its holder keeps the highest category. */
export const qualificationsOn = (
  holder: QualificationHolder,
  date: LocalDate.LocalDate,
  settings: QualificationSettings,
): ReadonlyArray<QualificationKind> => {
  if (categoryOn(holder, date, settings) !== "highest") return []
  const held = new Set<QualificationKind>()
  for (const q of holder.qualifications) if (q.awardedOn <= date) held.add(q.qualification)
  return [...held]
}

/** A 2023 qualification for someone who does not hold the highest category that day. */
export class QualificationRequiresHighestCategory extends Schema.TaggedError<QualificationRequiresHighestCategory>()(
  "QualificationRequiresHighestCategory",
  {
    qualification: QualificationKind,
    awardedOn: LocalDate.LocalDate,
    category: Category,
  },
) {
  override get message(): string {
    return `the qualification "${this.qualification}" (${this.awardedOn}) needs the highest category that day; the holder's category was ${this.category}`
  }
}

/** A 2023 qualification dated before the attestation order that introduced it. */
export class QualificationBeforeCutOver extends Schema.TaggedError<QualificationBeforeCutOver>()(
  "QualificationBeforeCutOver",
  {
    qualification: QualificationKind,
    awardedOn: LocalDate.LocalDate,
    cutOver: LocalDate.LocalDate,
  },
) {
  override get message(): string {
    return `the qualification "${this.qualification}" cannot be awarded on ${this.awardedOn}: it exists only from ${this.cutOver}`
  }
}

/** Why a 2023 qualification cannot be awarded. */
export type QualificationError = QualificationRequiresHighestCategory | QualificationBeforeCutOver

/** Checks one 2023 qualification against its holder's categories. */
export const checkQualification = (
  holder: CategoryHolder,
  award: QualificationAward,
  settings: QualificationSettings,
): Result.Result<QualificationAward, QualificationError> => {
  if (award.awardedOn < settings.cutOver) {
    return Result.fail(
      new QualificationBeforeCutOver({
        qualification: award.qualification,
        awardedOn: award.awardedOn,
        cutOver: settings.cutOver,
      }),
    )
  }
  const category = categoryOn(holder, award.awardedOn, settings)
  return category === "highest"
    ? Result.succeed(award)
    : Result.fail(
        new QualificationRequiresHighestCategory({
          qualification: award.qualification,
          awardedOn: award.awardedOn,
          category,
        }),
      )
}

/**
 * Awards a 2023 qualification: the holder with the new award, or a typed refusal when
 * the holder does not hold the highest category on the award date.
 */
export const awardQualification = <H extends QualificationHolder>(
  holder: H,
  award: QualificationAward,
  settings: QualificationSettings,
): Result.Result<H, QualificationError> =>
  Result.map(checkQualification(holder, award, settings), (a) => ({
    ...holder,
    qualifications: [...holder.qualifications, a],
  }))

/**
 * A schema check that every 2023 qualification of a holder is backed by the highest
 * category on its award date, so decoding refuses one that is not.
 */
export const qualificationsBackedByHighest = (settings: QualificationSettings) =>
  Schema.makeFilter((holder: QualificationHolder) => {
    const problems: Array<{ readonly path: ReadonlyArray<PropertyKey>; readonly issue: string }> =
      []
    holder.qualifications.forEach((award, i) => {
      const checked = checkQualification(holder, award, settings)
      if (Result.isFailure(checked)) {
        problems.push({ path: ["qualifications", i], issue: checked.failure.message })
      }
    })
    return problems
  })
