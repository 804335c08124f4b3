/**
 * Organisations of a district: schools, kindergartens, additional education, the hub
 * school, the municipal methodical centre, the education department and social partners.
 *
 * @module
 */
import { Schema } from "effect"
import { DistrictId, OrganisationId } from "../Ids.ts"
import { Name } from "./Text.ts"

/**
 * The kind of an organisation.
 *
 * - `school`: общеобразовательная организация (школа)
 * - `kindergarten`: дошкольная образовательная организация (ДОО)
 * - `additional-education`: организация дополнительного образования (УДО)
 * - `hub-school`: опорная школа
 * - `municipal-centre`: муниципальный методический центр, ЦОКО
 * - `department`: управление (комитет) образования
 * - `social-partner`: социальный партнёр
 */
export const OrganisationKind = Schema.Literals([
  "school",
  "kindergarten",
  "additional-education",
  "hub-school",
  "municipal-centre",
  "department",
  "social-partner",
])
/** @see OrganisationKind */
export type OrganisationKind = typeof OrganisationKind.Type

/** The kinds that teach pupils and so can be flagged as low-results organisations. */
export const educationalKinds: ReadonlyArray<OrganisationKind> = [
  "school",
  "kindergarten",
  "additional-education",
  "hub-school",
]

/**
 * An organisation (образовательная организация, ОО, or another body of the district).
 * `lowResults` marks a school with low educational results (школа с низкими
 * образовательными результатами, ШНОР; "ОО, повышающие свои результаты"; project "500+"),
 * which gets a curator; only organisations that teach pupils can carry it.
 */
export const Organisation = Schema.Struct({
  id: OrganisationId,
  districtId: DistrictId,
  name: Name,
  kind: OrganisationKind,
  lowResults: Schema.Boolean,
}).check(
  Schema.makeFilter(
    (o: { readonly kind: OrganisationKind; readonly lowResults: boolean }) =>
      !o.lowResults ||
      educationalKinds.includes(o.kind) || {
        path: ["lowResults"],
        issue: `only an organisation that teaches pupils can be a low-results school, not a ${o.kind}`,
      },
  ),
)
/** @see Organisation */
export type Organisation = typeof Organisation.Type
