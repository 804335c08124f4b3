/**
 * Short texts of the domain: names and titles as they appear in orders and lists, and
 * texts kept in both supported languages (Russian by default, English as the other locale).
 *
 * @module
 */
import { Schema } from "effect"

/** A name or title: not empty, no leading or trailing spaces, at most 500 characters. */
export const Name = Schema.String.check(
  Schema.isMinLength(1, { message: "must not be empty" }),
  Schema.isMaxLength(500, { message: "must be at most 500 characters" }),
  Schema.isTrimmed({ message: "must not start or end with spaces" }),
)
/** @see Name */
export type Name = typeof Name.Type

/** The languages texts for people are written in: Russian by default, English. */
export const Locale = Schema.Literals(["ru", "en"])
/** @see Locale */
export type Locale = typeof Locale.Type

/** A text in both locales, such as the title of an eligibility basis. */
export const Localised = Schema.Struct({ ru: Name, en: Name })
/** @see Localised */
export type Localised = typeof Localised.Type
