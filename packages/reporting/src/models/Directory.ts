/**
 * The directory a report model reads names from. Events and read models carry ids
 * (`s-07`, `p-1234`); documents show «МКОУ «СОШ № 7»» and «Иванова Мария Петровна». The
 * directory is plain data given with the options, so a model stays a pure function, and
 * an integrator fills it from their own register of organisations and people (or from
 * the kernel's records with {@link fromKernel}). An id the directory does not know is
 * printed as it is.
 */
import { type Organisation, Person } from "@metodika/core"

/** Names by id: schools (organisations) and people (full names, «Фамилия Имя Отчество»). */
export interface Directory {
  readonly schools: Readonly<Record<string, string>>
  readonly people: Readonly<Record<string, string>>
}

/** A directory from records of names by id; either may be left out. */
export const make = (input: {
  readonly schools?: Readonly<Record<string, string>>
  readonly people?: Readonly<Record<string, string>>
}): Directory => ({ schools: input.schools ?? {}, people: input.people ?? {} })

/** The directory that knows no name: every id prints as itself. */
export const empty: Directory = { schools: {}, people: {} }

/**
 * A directory from the kernel's records: each organisation's `name`, each person's full
 * name as Russian lists write it (`Person.formatFullName`).
 */
export const fromKernel = (input: {
  readonly organisations?: ReadonlyArray<Organisation.Organisation>
  readonly people?: ReadonlyArray<Person.Person>
}): Directory => ({
  schools: Object.fromEntries((input.organisations ?? []).map((o) => [o.id, o.name])),
  people: Object.fromEntries(
    (input.people ?? []).map((p) => [p.id, Person.formatFullName(p.fullName)]),
  ),
})

/** The name of a school, or its id when the directory does not know it. */
export const school = (directory: Directory, id: string): string =>
  Object.hasOwn(directory.schools, id) ? (directory.schools[id] ?? id) : id

/** The full name of a person, or their id when the directory does not know them. */
export const person = (directory: Directory, id: string): string =>
  Object.hasOwn(directory.people, id) ? (directory.people[id] ?? id) : id
