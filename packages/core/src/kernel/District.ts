/**
 * Districts: the tenants of the library. A district has its own time zone, in which every
 * due time of its formats is computed, and its own regulations.
 *
 * @module
 */
import { Schema } from "effect"
import { DistrictId } from "../Ids.ts"
import { Name } from "./Text.ts"

/**
 * A district (муниципальный район, муниципальный округ, городской округ): its name, its
 * region (субъект Российской Федерации) and its IANA time zone. Decoding refuses a zone
 * name that is not in the IANA database; it is encoded back as the name.
 */
export const District = Schema.Struct({
  id: DistrictId,
  name: Name,
  region: Name,
  timeZone: Schema.TimeZoneNamedFromString,
})
/** @see District */
export type District = typeof District.Type
