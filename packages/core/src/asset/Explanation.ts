/**
 * The explanation of an eligibility decision (ASSET-3.1): either the basis that holds
 * with the evidence each of its criteria rests on, or, for every basis, each criterion
 * that failed and why. Explanations are plain data with schemas, so they are stored in
 * events, sent as JSON and rendered as text by `Messages`.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { BasisId } from "../kernel/Criteria.ts"
import { EducationLevel } from "../kernel/Education.ts"
import { Experience } from "../kernel/Experience.ts"
import { AwardedCategory, Category, QualificationKind } from "../kernel/Qualification.ts"
import { SupportRole } from "../kernel/ResultFlag.ts"
import { Name } from "../kernel/Text.ts"

const Index = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
const from = LocalDate.LocalDate
const to = Schema.optionalKey(LocalDate.LocalDate)

/** What a criterion that held rests on: the record it found, with its dates. */
export const Evidence = Schema.Union([
  Schema.TaggedStruct("StablyHighResults", { from, to }),
  Schema.TaggedStruct("CategoryAtLeast", {
    category: AwardedCategory,
    awardedOn: LocalDate.LocalDate,
    validThrough: Schema.optionalKey(LocalDate.LocalDate),
  }),
  Schema.TaggedStruct("EducationIn", { level: EducationLevel, completedOn: LocalDate.LocalDate }),
  Schema.TaggedStruct("ExperienceAtLeast", {
    experience: Experience,
    years: Schema.Int,
    months: Schema.Int,
  }),
  Schema.TaggedStruct("CompetenceAssessmentPassed", { passedOn: LocalDate.LocalDate }),
  Schema.TaggedStruct("SubjectAssociationHead", { from, to, subject: Name }),
  Schema.TaggedStruct("MethodicalAssociationMember", { from, to }),
  Schema.TaggedStruct("Support500PlusExperience", { role: SupportRole, from, to }),
  Schema.TaggedStruct("QualificationHeld", {
    qualification: QualificationKind,
    awardedOn: LocalDate.LocalDate,
  }),
])
/** @see Evidence */
export type Evidence = typeof Evidence.Type

/**
 * Why a simple criterion failed. `index` is its position in the basis (or among the
 * alternatives of an `AnyOf`).
 */
export const SimpleFailure = Schema.Union([
  Schema.TaggedStruct("StablyHighResults", { index: Index }),
  Schema.TaggedStruct("CategoryAtLeast", {
    index: Index,
    required: AwardedCategory,
    /** The category valid on the date. */
    category: Category,
    /** When the latest award has run out: its category and last day. */
    lapsed: Schema.optionalKey(
      Schema.Struct({ category: AwardedCategory, validThrough: LocalDate.LocalDate }),
    ),
  }),
  Schema.TaggedStruct("EducationIn", {
    index: Index,
    levels: Schema.NonEmptyArray(EducationLevel),
  }),
  Schema.TaggedStruct("ExperienceAtLeast", {
    index: Index,
    /** The experience in the specialty on the date. */
    experience: Experience,
    years: Schema.Int,
    months: Schema.Int,
  }),
  Schema.TaggedStruct("CompetenceAssessmentPassed", {
    index: Index,
    withinYears: Schema.optionalKey(Schema.Int),
    /** The latest assessment passed on or before the date, when it is too old. */
    lastPassedOn: Schema.optionalKey(LocalDate.LocalDate),
  }),
  Schema.TaggedStruct("SubjectAssociationHead", { index: Index }),
  Schema.TaggedStruct("MethodicalAssociationMember", { index: Index }),
  Schema.TaggedStruct("Support500PlusExperience", {
    index: Index,
    roles: Schema.NonEmptyArray(SupportRole),
  }),
  Schema.TaggedStruct("QualificationHeld", {
    index: Index,
    qualifications: Schema.NonEmptyArray(QualificationKind),
  }),
])
/** @see SimpleFailure */
export type SimpleFailure = typeof SimpleFailure.Type

/** Why a criterion failed: a simple one, or every alternative of an `AnyOf`. */
export const Failure = Schema.Union([
  SimpleFailure,
  Schema.TaggedStruct("AnyOf", { index: Index, failures: Schema.NonEmptyArray(SimpleFailure) }),
])
/** @see Failure */
export type Failure = typeof Failure.Type

/** The failed criteria of one basis, in the order the basis lists them. */
export const BasisFailures = Schema.Struct({
  basis: BasisId,
  failures: Schema.NonEmptyArray(Failure),
})
/** @see BasisFailures */
export type BasisFailures = typeof BasisFailures.Type

/**
 * Eligible on `date` on `basis` (the first in the regulation's order that holds), with
 * the evidence of each of its criteria, in order.
 */
export const Eligible = Schema.TaggedStruct("Eligible", {
  date: LocalDate.LocalDate,
  basis: BasisId,
  evidence: Schema.NonEmptyArray(Evidence),
})
/** @see Eligible */
export type Eligible = typeof Eligible.Type

/** Not eligible on `date`: for every basis, each criterion that failed. */
export const Ineligible = Schema.TaggedStruct("Ineligible", {
  date: LocalDate.LocalDate,
  bases: Schema.Array(BasisFailures),
})
/** @see Ineligible */
export type Ineligible = typeof Ineligible.Type

/** The result of judging eligibility (ASSET-3.1) on a date. */
export const Explanation = Schema.Union([Eligible, Ineligible])
/** @see Explanation */
export type Explanation = typeof Explanation.Type
