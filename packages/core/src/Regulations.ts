/**
 * The engine's regulation resolver over versioned regulations: for a district and an
 * instant, the content of the version in force on that instant's date in the
 * district's time zone. A rule is thereby always evaluated with the version in force on
 * the day in question, and an amendment takes effect at local midnight of its date.
 *
 * @module
 */
import { Effect, Result, Schema } from "effect"
import { localDateOf } from "./calendar/Deadline.ts"
import type { RegulationResolver } from "./Engine.ts"
import { DistrictId } from "./Ids.ts"
import type { District } from "./kernel/District.ts"
import { inForce, type NoRegulationInForce, type Regulation } from "./kernel/Regulation.ts"

/** A district and the regulation it runs under. */
export interface DistrictRegulation<A> {
  readonly district: District
  readonly regulation: Regulation<A>
}

/** A command came from a district the resolver has no regulation for. */
export class UnknownDistrict extends Schema.TaggedError<UnknownDistrict>()("UnknownDistrict", {
  districtId: DistrictId,
}) {
  override get message(): string {
    return `no regulation is registered for district ${this.districtId}`
  }
}

/**
 * Makes the engine's resolver from the regulations of one or more districts (a preset,
 * or a district's copy of one).
 *
 * @example
 * const engine = Engine.make({ regulationFor: Regulations.resolver([Presets.poltavsky]) })
 */
export const resolver = <A>(
  entries: Iterable<DistrictRegulation<A>>,
): RegulationResolver<A, NoRegulationInForce | UnknownDistrict> => {
  const byDistrict = new Map<string, DistrictRegulation<A>>()
  for (const entry of entries) byDistrict.set(entry.district.id, entry)
  return (districtId, at) => {
    const entry = byDistrict.get(districtId)
    if (entry === undefined) return Effect.fail(new UnknownDistrict({ districtId }))
    const version = inForce(entry.regulation, localDateOf(at, entry.district.timeZone))
    return Result.isSuccess(version)
      ? Effect.succeed(version.success.content)
      : Effect.fail(version.failure)
  }
}
