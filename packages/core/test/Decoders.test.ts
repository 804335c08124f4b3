import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Membership from "../src/asset/Membership.ts"
import * as Cycle from "../src/unified-day/Cycle.ts"
import * as HelpPlan from "../src/unified-day/HelpPlan.ts"
import * as ProgressSheet from "../src/unified-day/ProgressSheet.ts"
import * as TeacherPractice from "../src/unified-day/TeacherPractice.ts"
import * as Year from "../src/unified-day/Year.ts"

// Commands and events arrive from other systems and from storage: decoding junk must
// end in a typed SchemaError with a message, never in a thrown exception.
const decoders: ReadonlyArray<readonly [string, Schema.Top]> = [
  ["EMD cycle commands", Cycle.commandSchema],
  ["EMD cycle events", Cycle.definition.eventSchema],
  ["EMD year commands", Year.commandSchema],
  ["EMD year events", Year.definition.eventSchema],
  ["progress-sheet commands", ProgressSheet.SheetCommand],
  ["progress-sheet events", ProgressSheet.definition.eventSchema],
  ["help-plan commands", HelpPlan.HelpPlanCommand],
  ["help-plan events", HelpPlan.definition.eventSchema],
  ["teacher-practice commands", TeacherPractice.PracticeCommand],
  ["teacher-practice events", TeacherPractice.definition.eventSchema],
  ["asset membership commands", Membership.commandSchema],
  ["asset membership events", Membership.definition.eventSchema],
]

const junk = fc.oneof(
  fc.anything(),
  fc.record({ _tag: fc.constantFrom("OpenCycle", "SubmitQuestions", "Nominate", "YearPlanned") }),
  fc.record({ _tag: fc.string(), data: fc.anything() }),
)

describe("decoders refuse junk with a typed error", () => {
  for (const [label, schema] of decoders) {
    it(`${label}: any input decodes or fails with a SchemaError, never throws`, () => {
      const decode = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)
      fc.assert(
        fc.property(junk, (input) => {
          const r = decode(input)
          if (Result.isFailure(r)) {
            expect(r.failure._tag).toBe("SchemaError")
            expect(r.failure.message.length).toBeGreaterThan(0)
          }
        }),
        { numRuns: 400 },
      )
    })
  }
})
