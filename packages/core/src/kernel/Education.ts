/**
 * Teachers' education (образование) as dated records, so a rule judged on a date sees
 * only the education completed by then.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { Name } from "./Text.ts"

/**
 * The level and profile of an education.
 *
 * - `higher-pedagogical`: высшее педагогическое образование
 * - `higher-non-pedagogical`: высшее непедагогическое образование
 * - `higher-with-pedagogical-retraining`: высшее образование и профессиональная
 *   переподготовка по педагогическому профилю
 * - `secondary-vocational-pedagogical`: среднее профессиональное педагогическое образование
 * - `secondary-vocational-non-pedagogical`: среднее профессиональное непедагогическое образование
 */
export const EducationLevel = Schema.Literals([
  "higher-pedagogical",
  "higher-non-pedagogical",
  "higher-with-pedagogical-retraining",
  "secondary-vocational-pedagogical",
  "secondary-vocational-non-pedagogical",
])
/** @see EducationLevel */
export type EducationLevel = typeof EducationLevel.Type

/** One completed education: its level and the date of the diploma. */
export const Education = Schema.Struct({
  level: EducationLevel,
  completedOn: LocalDate.LocalDate,
  institution: Schema.optionalKey(Name),
  speciality: Schema.optionalKey(Name),
})
/** @see Education */
export type Education = typeof Education.Type

/** The first education of one of `levels` completed on or before `date`, if any. */
export const findOn = (
  records: ReadonlyArray<Education>,
  levels: ReadonlyArray<EducationLevel>,
  date: LocalDate.LocalDate,
): Education | undefined => records.find((e) => e.completedOn <= date && levels.includes(e.level))
