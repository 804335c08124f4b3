/**
 * fast-check arbitraries for the municipal methodical asset of `@metodika/core`: its
 * activities (ASSET-4.1) and eligibility explanations (ASSET-3.1). Each generates only
 * valid values; the tests assert `Schema.is` on every one.
 *
 * @module
 */
import { Asset, Criteria, Ids, UnifiedDay } from "@metodika/core"
import * as fc from "fast-check"
import * as K from "./Kernel.ts"

const teachers = fc.uniqueArray(K.personId, { minLength: 1, maxLength: 4 })
const organisations = fc.array(K.organisationId, { maxLength: 2 })
const activityId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/).map((s) => Ids.ActivityId.make(s))
const area = fc.constantFrom(...UnifiedDay.Deficit.DeficitArea.literals)

const common = fc.record({
  id: activityId,
  on: K.localDate(),
  teachers,
  organisations,
  topic: K.name,
})

/** An activity of the asset of any kind, serving the teachers it names. */
export const activity: fc.Arbitrary<Asset.Activity.Activity> = fc.oneof(
  fc
    .tuple(common, fc.constantFrom(...Asset.Activity.DeficitMethod.literals), area, K.name)
    .map(([c, method, a, description]) => ({
      _tag: "DeficitsFound" as const,
      ...c,
      method,
      deficits: [{ personId: c.teachers[0]!, area: a, description }] as const,
    })),
  fc.tuple(common, fc.boolean()).map(([c, individual]) => ({
    _tag: "Consultation" as const,
    ...c,
    teachers: individual ? c.teachers.slice(0, 1) : c.teachers,
    format: individual ? ("individual" as const) : ("group" as const),
  })),
  common.map((c) => ({ _tag: "LowResultsHelp" as const, ...c })),
  fc
    .tuple(common, fc.constantFrom(...Asset.Activity.TrainingFormat.literals))
    .map(([c, format]) => ({ _tag: "TrainingOrganised" as const, ...c, format })),
  fc
    .tuple(common, fc.boolean())
    .map(([c, mentoring]) => ({ _tag: "YoungTeacherSupport" as const, ...c, mentoring })),
  common.map((c) => ({ _tag: "RouteSupport" as const, ...c })),
  fc
    .tuple(common, area)
    .map(([c, a]) => ({ _tag: "Tutoring" as const, ...c, areas: [a] as const })),
  common.map((c) => ({ _tag: "DirectionsSpread" as const, ...c })),
  fc
    .tuple(common, K.name)
    .map(([c, course]) => ({ _tag: "DistanceDevelopment" as const, ...c, course })),
)

/**
 * The explanation the seed rules give for a random teacher on a random date: eligible or
 * not, with evidence or failures, exactly as `Eligibility.evaluate` produces them.
 */
export const explanation = (
  rules: Asset.Eligibility.Rules,
): fc.Arbitrary<Asset.Explanation.Explanation> =>
  fc
    .tuple(K.teacher({ min: K.DEFAULT_RANGE.min, max: K.DEFAULT_RANGE.max }), K.localDate())
    .map(([t, date]) => Asset.Eligibility.evaluate(t, date, rules))

/** A basis code. */
export const basisId: fc.Arbitrary<Criteria.BasisId> = fc
  .stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/)
  .map((s) => Criteria.BasisId.make(s))
