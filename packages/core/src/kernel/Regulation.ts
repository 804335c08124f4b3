/**
 * Regulations (положения, регламенты, программы) as versioned documents. Each version is
 * approved by an order and takes effect on a date; on any date at most one version is
 * in force, the latest that has taken effect (MDAY-5: a regulation changes only by an
 * order).
 *
 * @module
 */
import { Result, Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { DistrictId, RegulationId } from "../Ids.ts"
import { Order } from "./Order.ts"
import { Name } from "./Text.ts"

/** One version of a regulation: its content, the order that approved it, its effective date. */
export interface Version<A> {
  readonly effectiveFrom: LocalDate.LocalDate
  readonly approvedBy: Order
  readonly content: A
}

/** A regulation with its versions, ordered by effective date, no two on the same date. */
export interface Regulation<A> {
  readonly id: RegulationId
  readonly districtId: DistrictId
  readonly title: string
  readonly versions: readonly [Version<A>, ...Array<Version<A>>]
}

/** The problem with a list of versions, or `undefined` when they are in order. */
const orderProblem = (
  versions: ReadonlyArray<{ readonly effectiveFrom: LocalDate.LocalDate }>,
): { readonly index: number; readonly previous: LocalDate.LocalDate } | undefined => {
  for (let i = 1; i < versions.length; i++) {
    const previous = versions[i - 1]!.effectiveFrom
    if (versions[i]!.effectiveFrom <= previous) return { index: i, previous }
  }
  return undefined
}

interface VersionsOnly {
  readonly versions: ReadonlyArray<{ readonly effectiveFrom: LocalDate.LocalDate }>
}

const versionsInOrder = (
  versions: ReadonlyArray<{ readonly effectiveFrom: LocalDate.LocalDate }>,
): Schema.FilterOutput => {
  const problem = orderProblem(versions)
  return (
    problem === undefined || {
      path: ["versions", problem.index, "effectiveFrom"],
      issue: `versions must take effect in order, each later than the one before (${problem.previous})`,
    }
  )
}

/** The schema of one version whose content is decoded by `content`. */
export const versionSchema = <S extends Schema.Top>(content: S) =>
  Schema.Struct({
    effectiveFrom: LocalDate.LocalDate,
    approvedBy: Order,
    content,
  })

/**
 * The schema of a regulation whose versions' content is decoded by `content`. Decoding
 * refuses versions that are not in strictly increasing order of effective date.
 */
export const schema = <S extends Schema.Top>(content: S) =>
  Schema.Struct({
    id: RegulationId,
    districtId: DistrictId,
    title: Name,
    versions: Schema.NonEmptyArray(versionSchema(content)),
  }).check(
    // The content type is generic, so the check reads the one field it needs by its shape.
    Schema.makeFilter((r: unknown) => versionsInOrder((r as VersionsOnly).versions)),
  )

/** No version of a regulation is in force on a date: the first one takes effect later. */
export class NoRegulationInForce extends Schema.TaggedError<NoRegulationInForce>()(
  "NoRegulationInForce",
  {
    regulationId: RegulationId,
    date: LocalDate.LocalDate,
    firstEffectiveFrom: LocalDate.LocalDate,
  },
) {
  override get message(): string {
    return `no version of regulation ${this.regulationId} is in force on ${this.date}: the first takes effect on ${this.firstEffectiveFrom}`
  }
}

/** A version that does not take effect after every earlier one. */
export class VersionsOutOfOrder extends Schema.TaggedError<VersionsOutOfOrder>()(
  "VersionsOutOfOrder",
  {
    regulationId: RegulationId,
    effectiveFrom: LocalDate.LocalDate,
    previousEffectiveFrom: LocalDate.LocalDate,
  },
) {
  override get message(): string {
    return `a version of regulation ${this.regulationId} taking effect on ${this.effectiveFrom} must come after the version of ${this.previousEffectiveFrom}`
  }
}

/**
 * Makes a regulation, refusing versions that are not in strictly increasing order of
 * effective date.
 */
export const make = <A>(fields: {
  readonly id: RegulationId
  readonly districtId: DistrictId
  readonly title: string
  readonly versions: readonly [Version<A>, ...Array<Version<A>>]
}): Result.Result<Regulation<A>, VersionsOutOfOrder> => {
  const problem = orderProblem(fields.versions)
  return problem === undefined
    ? Result.succeed({ ...fields })
    : Result.fail(
        new VersionsOutOfOrder({
          regulationId: fields.id,
          effectiveFrom: fields.versions[problem.index]!.effectiveFrom,
          previousEffectiveFrom: problem.previous,
        }),
      )
}

/**
 * Adds a new version, which must take effect after every existing one (an amendment
 * approved by a new order).
 */
export const amend = <A>(
  regulation: Regulation<A>,
  version: Version<A>,
): Result.Result<Regulation<A>, VersionsOutOfOrder> => {
  const last = regulation.versions[regulation.versions.length - 1]!
  return version.effectiveFrom > last.effectiveFrom
    ? Result.succeed({ ...regulation, versions: [...regulation.versions, version] })
    : Result.fail(
        new VersionsOutOfOrder({
          regulationId: regulation.id,
          effectiveFrom: version.effectiveFrom,
          previousEffectiveFrom: last.effectiveFrom,
        }),
      )
}

/**
 * The version in force on `date`: the latest that has taken effect on or before it, or
 * {@link NoRegulationInForce} when the date is before the first version.
 */
export const inForce = <A>(
  regulation: Regulation<A>,
  date: LocalDate.LocalDate,
): Result.Result<Version<A>, NoRegulationInForce> => {
  const { versions } = regulation
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i]!
    if (version.effectiveFrom <= date) return Result.succeed(version)
  }
  return Result.fail(
    new NoRegulationInForce({
      regulationId: regulation.id,
      date,
      firstEffectiveFrom: versions[0].effectiveFrom,
    }),
  )
}
