/**
 * Fixtures for the tests and examples of the unified methodical day: a district in the
 * Omsk zone on the federal production calendar with the seed regulation's settings, and
 * actors holding the roles of the weekly cycle. Not part of the public API.
 *
 * @module
 */
import { DateTime } from "effect"
import * as Actor from "../Actor.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import { DistrictId, OrganisationId, PersonId } from "../Ids.ts"
import { defaultSettings, type EmdRegulation } from "./Regulation.ts"

/** The district of the fixtures. */
export const district = DistrictId.make("poltava")

/** The seed regulation in the Omsk zone (UTC+6, no daylight saving). */
export const regulation: EmdRegulation = {
  calendar: { timeZone: DateTime.zoneMakeNamedUnsafe("Asia/Omsk"), regionalAdditions: [] },
  emd: defaultSettings,
}

/** The same regulation in another zone. */
export const inZone = (zone: string): EmdRegulation => ({
  ...regulation,
  calendar: { ...regulation.calendar, timeZone: DateTime.zoneMakeNamedUnsafe(zone) },
})

/** A school id. */
export const school = (id: string): OrganisationId => OrganisationId.make(id)

/** A person id. */
export const person = (id: string): PersonId => PersonId.make(id)

/** A date from trusted text. */
export const date = (text: string): LocalDate.LocalDate => LocalDate.unsafeFromString(text)

/** An instant from an ISO text. */
export const at = (iso: string): DateTime.Utc => DateTime.makeUnsafe(iso)

/** The municipal coordinator, district-wide. */
export const coordinator = Actor.make(person("coordinator"), district, ["municipal-coordinator"])

/** A methodist of the methodical department, district-wide. */
export const methodist = Actor.make(person("methodist"), district, ["methodist"])

/** A department specialist, district-wide. */
export const specialist = Actor.make(person("specialist"), district, ["department-specialist"])

/** The leader of `schoolId`. */
export const leaderOf = (schoolId: OrganisationId, id = `leader-${schoolId}`) =>
  Actor.make(person(id), district, [{ role: "school-leader", organisationId: schoolId }])

/** The person responsible for the day in `schoolId` (EMD-1.5). */
export const responsibleOf = (schoolId: OrganisationId, id = `responsible-${schoolId}`) =>
  Actor.make(person(id), district, [{ role: "day-responsible", organisationId: schoolId }])

/** A teacher of `schoolId`. */
export const teacherOf = (schoolId: OrganisationId, id = `teacher-${schoolId}`) =>
  Actor.make(person(id), district, [{ role: "teacher", organisationId: schoolId }])

/** The curator of `schoolId` (EMD-2.3). */
export const curatorOf = (schoolId: OrganisationId, id = `curator-${schoolId}`) =>
  Actor.make(person(id), district, [{ role: "curator", organisationId: schoolId }])
