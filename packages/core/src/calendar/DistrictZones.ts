/**
 * The IANA time zones of the five seed districts. Russian districts span UTC+2 to UTC+12,
 * so every due time is computed in its district's zone; these constants name the zones
 * the examples and tests use. Any other district passes its own zone.
 *
 * @module
 */
import { DateTime } from "effect"

/** Kirov region (Кировская область): Europe/Kirov, UTC+3. */
export const KirovRegion: DateTime.TimeZone.Named = DateTime.zoneMakeNamedUnsafe("Europe/Kirov")

/** Omsk region (Омская область): Asia/Omsk, UTC+6. */
export const OmskRegion: DateTime.TimeZone.Named = DateTime.zoneMakeNamedUnsafe("Asia/Omsk")

/** Belgorod region (Белгородская область): Moscow time, Europe/Moscow, UTC+3. */
export const BelgorodRegion: DateTime.TimeZone.Named = DateTime.zoneMakeNamedUnsafe("Europe/Moscow")

/** Krasnoyarsk territory (Красноярский край): Asia/Krasnoyarsk, UTC+7. */
export const KrasnoyarskTerritory: DateTime.TimeZone.Named =
  DateTime.zoneMakeNamedUnsafe("Asia/Krasnoyarsk")

/** Primorsky territory (Приморский край): Asia/Vladivostok, UTC+10. */
export const PrimorskyTerritory: DateTime.TimeZone.Named =
  DateTime.zoneMakeNamedUnsafe("Asia/Vladivostok")

/** The five seed districts' zones, west to east. */
export const seedZones: ReadonlyArray<DateTime.TimeZone.Named> = [
  KirovRegion,
  BelgorodRegion,
  OmskRegion,
  KrasnoyarskTerritory,
  PrimorskyTerritory,
]
