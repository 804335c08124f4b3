/**
 * Who is who, for the notification policy: the people holding a role in an
 * organisation or district-wide, their names and their addresses on each channel, and
 * the names of organisations as texts print them. The integrator implements
 * {@link Directory} over their own records (an HR system, a school register);
 * {@link fromList} builds one from plain data, for tests and small deployments.
 *
 * The policy runs inside the engine's decision, synchronously and without I/O, so a
 * directory answers from memory (a snapshot the integrator refreshes).
 *
 * @module
 */
import type { Actor, Ids } from "@metodika/core"
import type { Locale } from "./Templates.ts"

/** A person the policy can notify. Their addresses are personal data. */
export interface Contact {
  readonly personId: Ids.PersonId
  /** How the person is addressed in a greeting («Мария Петровна»). */
  readonly name?: string
  /** The full name as lists print it («Иванова Мария Петровна»). */
  readonly fullName?: string
  /** The language of the person's messages (the policy's default when absent). */
  readonly locale?: Locale
  /** The person's address on each channel they can be reached by: `{ email: "…" }`. */
  readonly addresses: Readonly<Record<string, string>>
}

/** The directory the policy reads. */
export interface Directory {
  /**
   * The people of `districtId` holding `role`: in `organisationId` when given (a grant
   * without an organisation counts for every one), anywhere in the district otherwise.
   */
  readonly withRole: (
    districtId: Ids.DistrictId,
    role: Actor.Role,
    organisationId?: Ids.OrganisationId,
  ) => ReadonlyArray<Contact>
  /** One person, by id. */
  readonly person: (personId: Ids.PersonId) => Contact | undefined
  /** An organisation's name as texts print it («МБОУ СОШ № 7»). */
  readonly organisationName: (organisationId: Ids.OrganisationId) => string | undefined
}

/** A person as {@link fromList} takes them: a contact with the district and roles. */
export interface Entry extends Contact {
  readonly districtId: Ids.DistrictId
  readonly roles: ReadonlyArray<Actor.RoleGrant>
}

/**
 * A directory over plain lists.
 *
 * @example
 * const directory = Directory.fromList(
 *   [{ personId, districtId, roles: [{ role: "school-leader", organisationId: school }],
 *      name: "Мария Петровна", addresses: { email: "ivanova@school.example" } }],
 *   { [school]: "МБОУ СОШ № 7" },
 * )
 */
export const fromList = (
  people: ReadonlyArray<Entry>,
  organisations: Readonly<Record<string, string>> = {},
): Directory => {
  const byId = new Map(people.map((p) => [p.personId as string, p]))
  return {
    withRole: (districtId, role, organisationId) =>
      people.filter(
        (p) =>
          p.districtId === districtId &&
          p.roles.some(
            (g) =>
              g.role === role &&
              (organisationId === undefined ||
                g.organisationId === undefined ||
                g.organisationId === organisationId),
          ),
      ),
    person: (personId) => byId.get(personId),
    organisationName: (organisationId) => organisations[organisationId],
  }
}
