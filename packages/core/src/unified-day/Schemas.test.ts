import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import * as UnifiedDay from "./index.ts"

const unions = {
  "Cycle commands": UnifiedDay.Cycle.CycleCommand,
  "Cycle events": UnifiedDay.Cycle.CycleEvent,
  "Year commands": UnifiedDay.Year.YearCommand,
  "Year events": UnifiedDay.Year.YearEvent,
  "Sheet commands": UnifiedDay.ProgressSheet.SheetCommand,
  "Sheet events": UnifiedDay.ProgressSheet.SheetEvent,
  "Help-plan commands": UnifiedDay.HelpPlan.HelpPlanCommand,
  "Help-plan events": UnifiedDay.HelpPlan.HelpPlanEvent,
  "Practice commands": UnifiedDay.TeacherPractice.PracticeCommand,
  "Practice events": UnifiedDay.TeacherPractice.PracticeEvent,
}

describe("Schemas (EMD-1.2–2.18)", () => {
  it("EMD-1.2–2.18 every command and event union exports as a JSON Schema with one branch per tag", () => {
    for (const [name, schema] of Object.entries(unions)) {
      const doc = Schema.toJsonSchemaDocument(schema as Schema.Top)
      const text = JSON.stringify(doc)
      for (const tag of schema.discriminants as ReadonlyArray<string>) {
        expect(text, `${name}: ${tag}`).toContain(`"${tag}"`)
      }
    }
  })
})
