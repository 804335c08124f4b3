/**
 * Professional deficits (профессиональные дефициты) found by the unified methodical
 * day (EMD-2.1): gaps in the methodical competence of leaders and teachers, noted in a
 * day's decision or in a monthly progress sheet. They are recorded in the shape that
 * progress tracking (a teacher's individual educational route) reads: who, which area,
 * what, when it was found and where it comes from, so one teacher's deficits can be
 * followed across every format.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { OrganisationId, PersonId } from "../Ids.ts"
import { Name } from "../kernel/Text.ts"
import { YearMonth } from "./YearMonth.ts"

/**
 * The competence area a deficit lies in.
 *
 * - `methodical`: методическая компетентность
 * - `subject`: предметная компетентность
 * - `psychological-pedagogical`: психолого-педагогическая
 * - `assessment`: оценочная (оценивание образовательных результатов)
 * - `digital`: цифровая
 * - `managerial`: управленческая (руководители)
 * - `communicative`: коммуникативная
 */
export const DeficitArea = Schema.Literals([
  "methodical",
  "subject",
  "psychological-pedagogical",
  "assessment",
  "digital",
  "managerial",
  "communicative",
])
/** @see DeficitArea */
export type DeficitArea = typeof DeficitArea.Type

/** A deficit as noted in a day's decision or a progress sheet (EMD-2.1). */
export const DeficitNote = Schema.Struct({
  personId: PersonId,
  area: DeficitArea,
  description: Name,
})
/** @see DeficitNote */
export type DeficitNote = typeof DeficitNote.Type

/** Where a deficit was found: a school's unified methodical day, or a month's progress sheet. */
export const DeficitSource = Schema.Union([
  Schema.TaggedStruct("EmdDay", { schoolId: OrganisationId, date: LocalDate.LocalDate }),
  Schema.TaggedStruct("ProgressSheet", { schoolId: OrganisationId, month: YearMonth }),
])
/** @see DeficitSource */
export type DeficitSource = typeof DeficitSource.Type

/**
 * A professional deficit found (профессиональный дефицит), as progress tracking records
 * it: the person, the area, what is lacking, the local date it was found, and its source.
 */
export const Deficit = Schema.Struct({
  personId: PersonId,
  area: DeficitArea,
  description: Name,
  foundOn: LocalDate.LocalDate,
  source: DeficitSource,
})
/** @see Deficit */
export type Deficit = typeof Deficit.Type

/** The deficits of `notes` found on `foundOn` at `source` (EMD-2.1). */
export const fromNotes = (
  notes: ReadonlyArray<DeficitNote>,
  foundOn: LocalDate.LocalDate,
  source: DeficitSource,
): ReadonlyArray<Deficit> =>
  notes.map((n) => ({
    personId: n.personId,
    area: n.area,
    description: n.description,
    foundOn,
    source,
  }))
