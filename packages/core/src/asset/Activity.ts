/**
 * What the members of the municipal methodical asset do (ASSET-4.1), recorded against
 * the teachers and schools they serve: deficits found, consultations, help to teachers
 * with low results, trainings organised, support of young teachers and mentoring,
 * support of individual educational routes, tutoring, spreading current directions and
 * distance professional development.
 *
 * Every activity names the teachers and organisations it served and its date, and the
 * deficits found carry the competence area that progress tracking uses, so a teacher's
 * history can be followed from the asset into their individual educational route.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { ActivityId, OrganisationId, PersonId } from "../Ids.ts"
import { Name } from "../kernel/Text.ts"
import { DeficitArea } from "../unified-day/Deficit.ts"

const common = {
  id: ActivityId,
  on: LocalDate.LocalDate,
  /** The teachers served (personal data is looked up, and shown, only by the read model). */
  teachers: Schema.Array(PersonId),
  /** The organisations served. */
  organisations: Schema.Array(OrganisationId),
  topic: Name,
}

/** How a deficit came to light. */
export const DeficitMethod = Schema.Literals([
  "diagnostics",
  "lesson-visit",
  "self-assessment",
  "consultation",
])
/** @see DeficitMethod */
export type DeficitMethod = typeof DeficitMethod.Type

/** A professional deficit (профессиональный дефицит) of one teacher. */
export const FoundDeficit = Schema.Struct({
  personId: PersonId,
  area: DeficitArea,
  description: Name,
})
/** @see FoundDeficit */
export type FoundDeficit = typeof FoundDeficit.Type

/** Выявление профессиональных дефицитов: deficits of the teachers served. */
export const DeficitsFound = Schema.TaggedStruct("DeficitsFound", {
  ...common,
  method: DeficitMethod,
  deficits: Schema.NonEmptyArray(FoundDeficit),
})
/** @see DeficitsFound */
export type DeficitsFound = typeof DeficitsFound.Type

/** Индивидуальная или групповая консультация по профессиональным затруднениям. */
export const Consultation = Schema.TaggedStruct("Consultation", {
  ...common,
  format: Schema.Literals(["individual", "group"]),
})
/** @see Consultation */
export type Consultation = typeof Consultation.Type

/** Методическая помощь учителям с низкими результатами обучения. */
export const LowResultsHelp = Schema.TaggedStruct("LowResultsHelp", common)
/** @see LowResultsHelp */
export type LowResultsHelp = typeof LowResultsHelp.Type

/** The forms of trainings the asset organises. */
export const TrainingFormat = Schema.Literals([
  "training",
  "master-class",
  "webinar",
  "practicum",
  "seminar",
])
/** @see TrainingFormat */
export type TrainingFormat = typeof TrainingFormat.Type

/** Организация участия в тренингах, мастер-классах, вебинарах, практикумах. */
export const TrainingOrganised = Schema.TaggedStruct("TrainingOrganised", {
  ...common,
  format: TrainingFormat,
})
/** @see TrainingOrganised */
export type TrainingOrganised = typeof TrainingOrganised.Type

/** Поддержка молодых педагогов и реализация программы наставничества. */
export const YoungTeacherSupport = Schema.TaggedStruct("YoungTeacherSupport", {
  ...common,
  /** Whether it is part of a mentoring programme (наставничество). */
  mentoring: Schema.Boolean,
})
/** @see YoungTeacherSupport */
export type YoungTeacherSupport = typeof YoungTeacherSupport.Type

/** Сопровождение индивидуальных образовательных маршрутов (ИОМ). */
export const RouteSupport = Schema.TaggedStruct("RouteSupport", common)
/** @see RouteSupport */
export type RouteSupport = typeof RouteSupport.Type

/** Тьюторское сопровождение с целью устранения выявленных дефицитов. */
export const Tutoring = Schema.TaggedStruct("Tutoring", {
  ...common,
  areas: Schema.NonEmptyArray(DeficitArea),
})
/** @see Tutoring */
export type Tutoring = typeof Tutoring.Type

/** Распространение актуальных направлений развития системы образования. */
export const DirectionsSpread = Schema.TaggedStruct("DirectionsSpread", common)
/** @see DirectionsSpread */
export type DirectionsSpread = typeof DirectionsSpread.Type

/** Содействие повышению квалификации посредством дистанционных образовательных технологий. */
export const DistanceDevelopment = Schema.TaggedStruct("DistanceDevelopment", {
  ...common,
  course: Name,
})
/** @see DistanceDevelopment */
export type DistanceDevelopment = typeof DistanceDevelopment.Type

const served = (a: {
  readonly teachers: ReadonlyArray<unknown>
  readonly organisations: ReadonlyArray<unknown>
}): true | string =>
  a.teachers.length + a.organisations.length > 0 ||
  "an activity serves at least one teacher or organisation"

/**
 * An activity of the asset (вид деятельности методического актива, ASSET-4.1). Every one
 * serves someone; an individual consultation serves exactly one teacher; deficits and
 * tutoring concern teachers the activity names.
 */
export const Activity = Schema.Union([
  DeficitsFound,
  Consultation,
  LowResultsHelp,
  TrainingOrganised,
  YoungTeacherSupport,
  RouteSupport,
  Tutoring,
  DirectionsSpread,
  DistanceDevelopment,
]).check(
  Schema.makeFilter(
    (a: {
      readonly _tag: string
      readonly teachers: ReadonlyArray<string>
      readonly organisations: ReadonlyArray<string>
      readonly format?: string
      readonly deficits?: ReadonlyArray<{ readonly personId: string }>
    }) => {
      const problem = served(a)
      if (problem !== true) return problem
      if (a._tag === "Consultation" && a.format === "individual" && a.teachers.length !== 1) {
        return {
          path: ["teachers"],
          issue: "an individual consultation serves exactly one teacher",
        }
      }
      if (a.deficits !== undefined) {
        const i = a.deficits.findIndex((d) => !a.teachers.includes(d.personId))
        if (i >= 0) {
          return {
            path: ["deficits", i, "personId"],
            issue: "a deficit must belong to one of the teachers the activity names",
          }
        }
      }
      return true
    },
  ),
)
/** @see Activity */
export type Activity = typeof Activity.Type

/**
 * The kind of step of an individual educational route an activity counts as, for
 * progress tracking: `consultation`, `mentoring`, `course` or `practice`; `undefined`
 * for activities that are not a step of a teacher's route (finding deficits, spreading
 * directions).
 */
export type StepKind = "consultation" | "mentoring" | "course" | "practice"

/** The route step an activity counts as for the teachers it served. */
export const stepKind = (activity: Activity): StepKind | undefined => {
  switch (activity._tag) {
    case "Consultation":
    case "LowResultsHelp":
    case "Tutoring":
    case "RouteSupport":
      return "consultation"
    case "YoungTeacherSupport":
      return "mentoring"
    case "TrainingOrganised":
      return activity.format === "master-class" || activity.format === "practicum"
        ? "practice"
        : "course"
    case "DistanceDevelopment":
      return "course"
    case "DeficitsFound":
    case "DirectionsSpread":
      return undefined
  }
}

/**
 * A deficit found by the asset, in the shape progress tracking reads: who, which area,
 * what, when, and where it comes from (the activity and the member).
 */
export interface AssetDeficit extends FoundDeficit {
  readonly foundOn: LocalDate.LocalDate
  readonly source: {
    readonly _tag: "AssetActivity"
    readonly activityId: ActivityId
    readonly memberId: PersonId
  }
}

/** The deficits an activity found, attributed to the member who recorded it. */
export const deficitsOf = (activity: Activity, memberId: PersonId): ReadonlyArray<AssetDeficit> =>
  activity._tag === "DeficitsFound"
    ? activity.deficits.map((d) => ({
        ...d,
        foundOn: activity.on,
        source: { _tag: "AssetActivity", activityId: activity.id, memberId },
      }))
    : []
