import {
  Criteria,
  District,
  Education,
  Experience,
  Order,
  Organisation,
  Person,
  Qualification,
  Regulation,
  ResultFlag,
  Settings,
  Teacher,
  Text,
} from "@metodika/core"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "./Kernel.ts"

const oracle = <A>(label: string, schema: Schema.Top, arb: fc.Arbitrary<A>) =>
  it(`generates only valid ${label}`, () => {
    const is = Schema.is(schema)
    fc.assert(
      fc.property(arb, (value) => is(value)),
      { numRuns: 300 },
    )
  })

describe("kernel arbitraries (the schema is the oracle)", () => {
  oracle("districts", District.District, K.district)
  oracle("organisations", Organisation.Organisation, K.organisation)
  oracle("people", Person.Person, K.person)
  oracle("category awards", Qualification.CategoryAward, K.categoryAward())
  oracle("education records", Education.Education, K.education())
  oracle("experience records", Experience.ExperienceRecord, K.experienceRecord())
  oracle("result flags", ResultFlag.ResultFlag, K.resultFlag())
  oracle("teachers", Teacher.Teacher, K.teacher())
  oracle("orders", Order.Order, K.order)
  oracle("criteria", Criteria.Criterion, K.criterion)
  oracle("bases", Criteria.Bases, K.bases)
  oracle("month-days", Settings.MonthDay, K.monthDay)
  oracle("attestation settings", Qualification.QualificationSettings, K.qualificationSettings)
  oracle("settings", Settings.Settings, K.settings)
  oracle("regulations", Regulation.schema(Settings.Settings), K.regulation(K.settings))
  oracle("lengths of experience", Experience.Experience, K.experience)
  oracle("texts in both locales", Text.Localised, K.localised)
  oracle("calendar settings", Settings.CalendarSettings, K.calendarSettings)
  oracle("notification settings", Settings.NotificationSettings, K.notificationSettings)
  oracle("asset settings", Settings.AssetSettings, K.assetSettings)
  oracle("full names", Person.FullName, K.fullName)
  oracle("names", Text.Name, K.name)
  oracle("periods", Experience.ExperienceRecord, K.period())

  it("generates teachers valid under the attestation settings they were made with", () => {
    fc.assert(
      fc.property(
        K.qualificationSettings.chain((q) =>
          K.teacher({ qualification: q }).map((t) => [q, t] as const),
        ),
        ([q, t]) => Schema.is(Teacher.schema(q))(t),
      ),
      { numRuns: 200 },
    )
  })

  it("generates teachers that hold 2023 qualifications some of the time", () => {
    const teachers = fc.sample(K.teacher(), 2000)
    expect(teachers.some((t) => t.qualifications.length > 0)).toBe(true)
  })
})
