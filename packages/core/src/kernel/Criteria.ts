/**
 * A closed vocabulary of criteria over a teacher's records, as data. A regulation combines
 * them into bases (основания): a basis holds on a date when every one of its criteria
 * holds that day. Because criteria and their parameters are data, a district changes a
 * threshold or adds a basis in its regulation, without code; the municipal methodical
 * asset's eligibility (ASSET-3.1) is the first user.
 *
 * @module
 */
import { Schema } from "effect"
import { EducationLevel } from "./Education.ts"
import { AwardedCategory, QualificationKind } from "./Qualification.ts"
import { SupportRole } from "./ResultFlag.ts"
import { Localised } from "./Text.ts"

const nonNegativeInt = (maximum: number) =>
  Schema.Int.check(Schema.isBetween({ minimum: 0, maximum }))

/** Stably high results of pupils hold on the date (стабильно высокие результаты). */
export const StablyHighResults = Schema.TaggedStruct("StablyHighResults", {})
/** @see StablyHighResults */
export type StablyHighResults = typeof StablyHighResults.Type

/** The category valid on the date is at least `category` (первая or высшая). */
export const CategoryAtLeast = Schema.TaggedStruct("CategoryAtLeast", {
  category: AwardedCategory,
})
/** @see CategoryAtLeast */
export type CategoryAtLeast = typeof CategoryAtLeast.Type

/** An education of one of `levels` was completed on or before the date. */
export const EducationIn = Schema.TaggedStruct("EducationIn", {
  levels: Schema.NonEmptyArray(EducationLevel),
})
/** @see EducationIn */
export type EducationIn = typeof EducationIn.Type

/** Experience in the specialty on the date is at least `years` and `months` (0 when absent). */
export const ExperienceAtLeast = Schema.TaggedStruct("ExperienceAtLeast", {
  years: nonNegativeInt(60),
  months: Schema.optionalKey(nonNegativeInt(11)),
})
/** @see ExperienceAtLeast */
export type ExperienceAtLeast = typeof ExperienceAtLeast.Type

/**
 * A competence assessment (ФИС ОКО) was passed on or before the date and, when
 * `withinYears` is given, less than that many years before it.
 */
export const CompetenceAssessmentPassed = Schema.TaggedStruct("CompetenceAssessmentPassed", {
  withinYears: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 20 }))),
})
/** @see CompetenceAssessmentPassed */
export type CompetenceAssessmentPassed = typeof CompetenceAssessmentPassed.Type

/** The teacher heads a city subject association on the date. */
export const SubjectAssociationHead = Schema.TaggedStruct("SubjectAssociationHead", {})
/** @see SubjectAssociationHead */
export type SubjectAssociationHead = typeof SubjectAssociationHead.Type

/** The teacher is a member of the municipal educational-methodical association on the date. */
export const MethodicalAssociationMember = Schema.TaggedStruct("MethodicalAssociationMember", {})
/** @see MethodicalAssociationMember */
export type MethodicalAssociationMember = typeof MethodicalAssociationMember.Type

/** The teacher supported teachers in project "500+" in one of `roles`, begun on or before the date. */
export const Support500PlusExperience = Schema.TaggedStruct("Support500PlusExperience", {
  roles: Schema.NonEmptyArray(SupportRole),
})
/** @see Support500PlusExperience */
export type Support500PlusExperience = typeof Support500PlusExperience.Type

/** The teacher holds one of the 2023 `qualifications` on the date. */
export const QualificationHeld = Schema.TaggedStruct("QualificationHeld", {
  qualifications: Schema.NonEmptyArray(QualificationKind),
})
/** @see QualificationHeld */
export type QualificationHeld = typeof QualificationHeld.Type

/** A single criterion, without alternatives. */
export const Simple = Schema.Union([
  StablyHighResults,
  CategoryAtLeast,
  EducationIn,
  ExperienceAtLeast,
  CompetenceAssessmentPassed,
  SubjectAssociationHead,
  MethodicalAssociationMember,
  Support500PlusExperience,
  QualificationHeld,
])
/** @see Simple */
export type Simple = typeof Simple.Type

/** Alternatives: holds when any one of `anyOf` holds ("a head … or a member …"). */
export const AnyOf = Schema.TaggedStruct("AnyOf", {
  anyOf: Schema.NonEmptyArray(Simple),
})
/** @see AnyOf */
export type AnyOf = typeof AnyOf.Type

/** A criterion (критерий) of the vocabulary: a simple one, or alternatives of simple ones. */
export const Criterion = Schema.Union([Simple, AnyOf])
/** @see Criterion */
export type Criterion = typeof Criterion.Type

/** The short code of a basis, as the regulation letters it: `a`, `b`, `c-2025`. */
export const BasisId = Schema.String.check(
  Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,19}$/, {
    message:
      "a basis code is 1–20 lowercase letters, digits or dashes, starting with a letter or digit",
  }),
).pipe(Schema.brand("BasisId"))
/** @see BasisId */
export type BasisId = typeof BasisId.Type

/**
 * A basis (основание): a named combination of criteria that must all hold on the same
 * date.
 */
export const Basis = Schema.Struct({
  id: BasisId,
  title: Localised,
  criteria: Schema.NonEmptyArray(Criterion),
})
/** @see Basis */
export type Basis = typeof Basis.Type

/** A list of bases whose codes are unique, in the order the regulation gives them. */
export const Bases = Schema.NonEmptyArray(Basis).check(
  Schema.makeFilter((bases: ReadonlyArray<{ readonly id: string }>) => {
    const seen = new Set<string>()
    for (let i = 0; i < bases.length; i++) {
      const id = bases[i]!.id
      if (seen.has(id)) return { path: [i, "id"], issue: `the basis code "${id}" is used twice` }
      seen.add(id)
    }
    return true
  }),
)
/** @see Bases */
export type Bases = typeof Bases.Type
