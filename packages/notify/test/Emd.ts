/**
 * Fixtures for driving the unified methodical day of `@metodika/core` in notify's tests:
 * a district in the Omsk zone with the library's default regulation (the kernel's
 * `Settings`), the actors of a school's cycle, and an engine over that regulation.
 */
import { Actor, Engine, Ids, LocalDate, Presets, type Settings } from "@metodika/core"
import { DateTime, Effect } from "effect"
import type * as Policy from "../src/Policy.ts"

/** The district of the fixtures. */
export const district = Ids.DistrictId.make("poltava")

/** A school id. */
export const school = (id: string) => Ids.OrganisationId.make(id)

/** A person id. */
export const person = (id: string) => Ids.PersonId.make(id)

/** A date from trusted text. */
export const date = (text: string) => LocalDate.unsafeFromString(text)

/** The municipal coordinator, district-wide. */
export const coordinator = Actor.make(person("coordinator"), district, ["municipal-coordinator"])

/** The leader of a school, `leader-<school>`. */
export const leaderOf = (schoolId: Ids.OrganisationId) =>
  Actor.make(person(`leader-${schoolId}`), district, [
    { role: "school-leader", organisationId: schoolId },
  ])

/** The library's default regulation in the Omsk zone, with the given reminders. */
export const regulation = (reminders: ReadonlyArray<Policy.Reminder>): Settings.Settings => {
  const base = Presets.defaults(DateTime.zoneMakeNamedUnsafe("Asia/Omsk"))
  return {
    ...base,
    notifications: {
      reminders: reminders as Settings.Settings["notifications"]["reminders"],
    },
  }
}

/** An engine whose regulation in force is always `settings`. */
export const engine = (settings: Settings.Settings) =>
  Engine.make<Settings.Settings, never>({ regulationFor: () => Effect.succeed(settings) })
