/**
 * Teachers (педагогические работники): a person's position in an organisation together
 * with the records that rules judge them on, namely categories and 2023 qualifications,
 * education, experience in the specialty and dated results.
 *
 * @module
 */
import { Schema } from "effect"
import { DistrictId, OrganisationId, PersonId } from "../Ids.ts"
import { Education } from "./Education.ts"
import { ExperienceRecord } from "./Experience.ts"
import {
  CategoryAward,
  federalSettings,
  QualificationAward,
  type QualificationSettings,
  qualificationsBackedByHighest,
} from "./Qualification.ts"
import { ResultFlag } from "./ResultFlag.ts"
import { Name } from "./Text.ts"

/**
 * The position (должность) a person holds in an organisation.
 *
 * - `teacher`: учитель
 * - `leader`: руководитель (директор, заведующий)
 * - `deputy-leader`: заместитель руководителя
 * - `methodist`: методист
 * - `educator`: воспитатель
 * - `senior-educator`: старший воспитатель
 * - `additional-education-teacher`: педагог дополнительного образования
 * - `psychologist`: педагог-психолог
 * - `speech-therapist`: учитель-логопед
 * - `social-pedagogue`: социальный педагог
 * - `tutor`: тьютор
 * - `upbringing-adviser`: советник директора по воспитанию
 */
export const Position = Schema.Literals([
  "teacher",
  "leader",
  "deputy-leader",
  "methodist",
  "educator",
  "senior-educator",
  "additional-education-teacher",
  "psychologist",
  "speech-therapist",
  "social-pedagogue",
  "tutor",
  "upbringing-adviser",
])
/** @see Position */
export type Position = typeof Position.Type

const fields = {
  personId: PersonId,
  districtId: DistrictId,
  organisationId: OrganisationId,
  position: Position,
  subjects: Schema.Array(Name),
  categories: Schema.Array(CategoryAward),
  qualifications: Schema.Array(QualificationAward),
  education: Schema.Array(Education),
  experience: Schema.Array(ExperienceRecord),
  results: Schema.Array(ResultFlag),
}

/**
 * The teacher schema under the given attestation settings: a 2023 qualification whose
 * holder lacks the highest category on its award date is refused.
 */
export const schema = (settings: QualificationSettings) =>
  Schema.Struct(fields).check(qualificationsBackedByHighest(settings))

/**
 * A teacher (педагогический работник) under the federal attestation settings. Use
 * {@link schema} with a district's settings where they differ.
 */
export const Teacher = schema(federalSettings)
/** @see Teacher */
export type Teacher = typeof Teacher.Type
