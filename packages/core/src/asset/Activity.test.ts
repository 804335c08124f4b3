import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as LocalDate from "../calendar/LocalDate.ts"
import { ActivityId, PersonId } from "../Ids.ts"
import { DecodeError, decode } from "../kernel/Decode.ts"
import * as Activity from "./Activity.ts"

const decodeActivity = decode(Activity.Activity, "Activity")
const base = {
  id: "act-1",
  on: "2025-10-01",
  teachers: ["petrov"],
  organisations: ["school-2"],
  topic: "Формирующее оценивание",
}

describe("Activity (ASSET-4.1)", () => {
  it("ASSET-4.1 decodes each kind of the asset's activities", () => {
    const kinds: ReadonlyArray<Record<string, unknown>> = [
      {
        ...base,
        _tag: "DeficitsFound",
        method: "lesson-visit",
        deficits: [{ personId: "petrov", area: "assessment", description: "критерии оценивания" }],
      },
      { ...base, _tag: "Consultation", format: "individual" },
      { ...base, _tag: "LowResultsHelp" },
      { ...base, _tag: "TrainingOrganised", format: "master-class" },
      { ...base, _tag: "YoungTeacherSupport", mentoring: true },
      { ...base, _tag: "RouteSupport" },
      { ...base, _tag: "Tutoring", areas: ["methodical"] },
      { ...base, _tag: "DirectionsSpread", teachers: [] },
      { ...base, _tag: "DistanceDevelopment", course: "Функциональная грамотность" },
    ]
    for (const k of kinds) {
      const r = decodeActivity(k)
      if (Result.isFailure(r)) throw r.failure
    }
    expect(kinds.map((k) => k._tag)).toEqual(
      Activity.Activity.members.map((m) => m.fields._tag.schema.literal),
    )
  })

  it("refuses an individual consultation of several teachers, and an activity serving no one", () => {
    const group = decodeActivity({
      ...base,
      _tag: "Consultation",
      format: "individual",
      teachers: ["a", "b"],
    })
    expect(Result.isFailure(group) && group.failure.message).toContain("exactly one teacher")
    const none = decodeActivity({
      ...base,
      _tag: "LowResultsHelp",
      teachers: [],
      organisations: [],
    })
    expect(Result.isFailure(none) && none.failure.message).toContain(
      "at least one teacher or organisation",
    )
  })

  it("refuses a deficit of a teacher the activity does not name", () => {
    const r = decodeActivity({
      ...base,
      _tag: "DeficitsFound",
      method: "diagnostics",
      deficits: [{ personId: "sidorova", area: "digital", description: "ЦОР" }],
    })
    expect(Result.isFailure(r) && r.failure.issues[0]?.path).toBe("deficits[0].personId")
  })

  it("refuses arbitrary input with a typed error, never a throw", () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const r = decodeActivity(u)
        if (Result.isFailure(r)) expect(r.failure).toBeInstanceOf(DecodeError)
      }),
      { numRuns: 300 },
    )
  })

  it("gives deficits in the shape progress tracking reads, and the route step of each activity", () => {
    const found = Result.getOrThrow(
      decodeActivity({
        ...base,
        _tag: "DeficitsFound",
        method: "self-assessment",
        deficits: [{ personId: "petrov", area: "assessment", description: "критерии оценивания" }],
      }),
    )
    expect(Activity.deficitsOf(found, PersonId.make("ivanova"))).toEqual([
      {
        personId: "petrov",
        area: "assessment",
        description: "критерии оценивания",
        foundOn: LocalDate.unsafeFromString("2025-10-01"),
        source: {
          _tag: "AssetActivity",
          activityId: ActivityId.make("act-1"),
          memberId: "ivanova",
        },
      },
    ])
    expect(Activity.stepKind(found)).toBeUndefined()
    const webinar = Result.getOrThrow(
      decodeActivity({ ...base, _tag: "TrainingOrganised", format: "webinar" }),
    )
    const practicum = Result.getOrThrow(
      decodeActivity({ ...base, _tag: "TrainingOrganised", format: "practicum" }),
    )
    const mentoring = Result.getOrThrow(
      decodeActivity({ ...base, _tag: "YoungTeacherSupport", mentoring: true }),
    )
    expect([webinar, practicum, mentoring].map(Activity.stepKind)).toEqual([
      "course",
      "practice",
      "mentoring",
    ])
  })
})
