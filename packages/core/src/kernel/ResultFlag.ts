/**
 * Teachers' results and roles that rules of the methodical work look at, as dated
 * records, so each can be judged on a given date: stably high results of pupils, a passed
 * competence assessment, headship of a city subject association, membership of the
 * municipal educational-methodical association, experience of support in project "500+".
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { periodFields, periodInOrder } from "./Period.ts"
import { Name } from "./Text.ts"

/**
 * Stably high results of pupils (стабильно высокие результаты обучающихся), as
 * established for a period (by monitoring, exam results); `to` is absent while it holds.
 */
export const StablyHighResults = Schema.TaggedStruct("StablyHighResults", periodFields).check(
  periodInOrder(),
)
/** @see StablyHighResults */
export type StablyHighResults = typeof StablyHighResults.Type

/**
 * A passed assessment of subject and methodical competences under the requirements of
 * the federal information system of education quality assessment (оценка предметных и
 * методических компетенций, ФИС ОКО), on `passedOn`.
 */
export const CompetenceAssessment = Schema.TaggedStruct("CompetenceAssessment", {
  passedOn: LocalDate.LocalDate,
  subject: Schema.optionalKey(Name),
})
/** @see CompetenceAssessment */
export type CompetenceAssessment = typeof CompetenceAssessment.Type

/** Headship of a city subject association (руководитель городского предметного объединения). */
export const SubjectAssociationHead = Schema.TaggedStruct("SubjectAssociationHead", {
  ...periodFields,
  subject: Name,
}).check(periodInOrder())
/** @see SubjectAssociationHead */
export type SubjectAssociationHead = typeof SubjectAssociationHead.Type

/**
 * Membership of the municipal educational-methodical association for general education
 * (член муниципального учебно-методического объединения по общему образованию).
 */
export const MethodicalAssociationMember = Schema.TaggedStruct(
  "MethodicalAssociationMember",
  periodFields,
).check(periodInOrder())
/** @see MethodicalAssociationMember */
export type MethodicalAssociationMember = typeof MethodicalAssociationMember.Type

/** The role in which a leader supported teachers in project "500+". */
export const SupportRole = Schema.Literals(["leader", "deputy-leader"])
/** @see SupportRole */
export type SupportRole = typeof SupportRole.Type

/**
 * Support of teachers in project "Адресная методическая помощь «500+»" as a leader
 * (руководитель) or deputy leader (заместитель руководителя) of an organisation.
 */
export const Support500Plus = Schema.TaggedStruct("Support500Plus", {
  ...periodFields,
  role: SupportRole,
}).check(periodInOrder())
/** @see Support500Plus */
export type Support500Plus = typeof Support500Plus.Type

/** One dated result or role of a teacher. */
export const ResultFlag = Schema.Union([
  StablyHighResults,
  CompetenceAssessment,
  SubjectAssociationHead,
  MethodicalAssociationMember,
  Support500Plus,
])
/** @see ResultFlag */
export type ResultFlag = typeof ResultFlag.Type

/** The kinds of result flags, as their tags. */
export type ResultFlagKind = ResultFlag["_tag"]

/** The day a flag begins: its `from`, or the day an assessment was passed. */
export const beginsOn = (flag: ResultFlag): LocalDate.LocalDate =>
  flag._tag === "CompetenceAssessment" ? flag.passedOn : flag.from

/** The last day a flag holds, or `undefined` when it has no end (an assessment stays passed). */
export const endsOn = (flag: ResultFlag): LocalDate.LocalDate | undefined =>
  flag._tag === "CompetenceAssessment" ? undefined : flag.to

/** Whether a flag holds on `date`: begun on or before it and not ended before it. */
export const holdsOn = (flag: ResultFlag, date: LocalDate.LocalDate): boolean => {
  if (beginsOn(flag) > date) return false
  const end = endsOn(flag)
  return end === undefined || date <= end
}
