/**
 * People of a district: their names and contact. Personal data lives here only, so
 * read models can show it to those allowed to see it and hide it from everyone else.
 *
 * @module
 */
import { Schema } from "effect"
import { DistrictId, PersonId } from "../Ids.ts"
import { Name } from "./Text.ts"

/** A person's full name (ФИО): surname, given name and, when there is one, patronymic. */
export const FullName = Schema.Struct({
  surname: Name,
  name: Name,
  patronymic: Schema.optionalKey(Name),
})
/** @see FullName */
export type FullName = typeof FullName.Type

/** An e-mail address, checked only for its shape (one `@`, no spaces). */
export const Email = Schema.String.check(
  Schema.isMaxLength(320, { message: "must be at most 320 characters" }),
  Schema.isPattern(/^[^\s@]+@[^\s@]+$/, { message: "must be an e-mail address" }),
)
/** @see Email */
export type Email = typeof Email.Type

/** A person (работник, участник) of a district: teacher, leader, methodist, partner. */
export const Person = Schema.Struct({
  id: PersonId,
  districtId: DistrictId,
  fullName: FullName,
  email: Schema.optionalKey(Email),
})
/** @see Person */
export type Person = typeof Person.Type

/** The name as it is written in Russian lists: «Иванова Мария Петровна». */
export const formatFullName = (name: FullName): string =>
  name.patronymic === undefined
    ? `${name.surname} ${name.name}`
    : `${name.surname} ${name.name} ${name.patronymic}`
