import { Asset, Presets } from "@metodika/core"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, it } from "vitest"
import * as A from "./Asset.ts"

describe("asset arbitraries (the schema is the oracle)", () => {
  it("generates only valid activities", () => {
    fc.assert(fc.property(A.activity, Schema.is(Asset.Activity.Activity)), { numRuns: 500 })
  })

  it("generates only valid explanations", () => {
    const rules = Presets.partizansky.regulation.versions[0].content
    fc.assert(fc.property(A.explanation(rules), Schema.is(Asset.Explanation.Explanation)), {
      numRuns: 500,
    })
  })
})
