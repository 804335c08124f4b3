/**
 * Actors and roles. Every command names its actor; a command whose actor lacks the
 * role it needs is refused with {@link Forbidden}, which names that role.
 *
 * @module
 */
import { Result, Schema } from "effect"
import { DistrictId, OrganisationId, PersonId } from "./Ids.ts"

/**
 * The roles of district methodical work (DOMAIN.md, "Shared kernel").
 *
 * - `department-specialist`: специалист управления (комитета) образования
 * - `municipal-coordinator`: муниципальный координатор
 * - `methodist`: методист муниципального методического центра
 * - `council-member`: член районного методического совета
 * - `hub-school-representative`: представитель опорной школы
 * - `social-partner-representative`: представитель социального партнёра
 * - `school-leader`: руководитель образовательной организации
 * - `deputy-leader`: заместитель руководителя
 * - `day-responsible`: ответственный за проведение ЕМД в ОО, назначенный приказом руководителя
 * - `teacher`: педагогический работник
 * - `curator`: куратор школы с низкими образовательными результатами
 * - `asset-member`: член муниципального методического актива
 * - `mentor`: наставник
 * - `system`: an automated process of the embedding system (timers, imports)
 */
export const Role = Schema.Literals([
  "department-specialist",
  "municipal-coordinator",
  "methodist",
  "council-member",
  "hub-school-representative",
  "social-partner-representative",
  "school-leader",
  "deputy-leader",
  "day-responsible",
  "teacher",
  "curator",
  "asset-member",
  "mentor",
  "system",
])
/** @see Role */
export type Role = typeof Role.Type

/**
 * A role held by a person, district-wide or within one organisation (a school leader
 * leads one school; a coordinator acts for the whole district).
 */
export const RoleGrant = Schema.Struct({
  role: Role,
  organisationId: Schema.optionalKey(OrganisationId),
})
/** @see RoleGrant */
export type RoleGrant = typeof RoleGrant.Type

/** Who issues a command: a person of a district with the roles granted to them. */
export const Actor = Schema.Struct({
  personId: PersonId,
  districtId: DistrictId,
  roles: Schema.Array(RoleGrant),
})
/** @see Actor */
export type Actor = typeof Actor.Type

/**
 * A command refused because its actor lacks every role that may issue it.
 * `needed` lists the roles any one of which would have been enough.
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  command: Schema.String,
  personId: PersonId,
  needed: Schema.Array(Role),
  organisationId: Schema.optionalKey(OrganisationId),
}) {
  override get message(): string {
    const scope = this.organisationId === undefined ? "" : ` in ${this.organisationId}`
    return `${this.command} needs the role ${this.needed.join(" or ")}${scope}; ${this.personId} has none of them`
  }
}

/** Builds an actor; a convenience for tests, examples and integrators' adapters. */
export const make = (
  personId: PersonId,
  districtId: DistrictId,
  roles: ReadonlyArray<Role | RoleGrant>,
): Actor => ({
  personId,
  districtId,
  roles: roles.map((r) => (typeof r === "string" ? { role: r } : r)),
})

/**
 * Whether the actor holds `role`, district-wide or for `organisationId` when given.
 * A grant without an organisation covers every organisation of the district.
 */
export const hasRole = (actor: Actor, role: Role, organisationId?: OrganisationId): boolean =>
  actor.roles.some(
    (g) =>
      g.role === role &&
      (g.organisationId === undefined ||
        organisationId === undefined ||
        g.organisationId === organisationId),
  )

/**
 * For each command tag of a decider, the roles any one of which may issue it.
 * Listing every tag is enforced by the type, so a new command cannot be left open.
 */
export type PermissionTable<Tag extends string> = { readonly [K in Tag]: ReadonlyArray<Role> }

/**
 * Checks the actor against the permission table for one command.
 *
 * @example
 * const table: PermissionTable<"IssueMaterials"> = { IssueMaterials: ["municipal-coordinator"] }
 * authorize(table, command, actor, schoolId) // Result<void, Forbidden>
 */
export const authorize = <Tag extends string>(
  table: PermissionTable<Tag>,
  command: { readonly _tag: Tag },
  actor: Actor,
  organisationId?: OrganisationId,
): Result.Result<void, Forbidden> => {
  const needed = table[command._tag]
  if (needed.some((role) => hasRole(actor, role, organisationId))) return Result.void
  return Result.fail(
    new Forbidden({
      command: command._tag,
      personId: actor.personId,
      needed: [...needed],
      ...(organisationId === undefined ? {} : { organisationId }),
    }),
  )
}
