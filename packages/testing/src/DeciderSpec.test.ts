import { AssertionError } from "node:assert"
import { Data, Result } from "effect"
import { describe, expect, it } from "vitest"
import { deciderSpec } from "./DeciderSpec.ts"

type Command = { readonly _tag: "Increment"; readonly by: number } | { readonly _tag: "Reset" }
type Event = { readonly _tag: "Incremented"; readonly to: number } | { readonly _tag: "WasReset" }
class TooLarge extends Data.TaggedError("TooLarge")<{ readonly limit: number }> {}
class AlreadyZero extends Data.TaggedError("AlreadyZero")<{}> {}

const counter = {
  initialState: 0,
  decide: (
    command: Command,
    state: number,
    context: { readonly limit: number },
  ): Result.Result<ReadonlyArray<Event>, TooLarge | AlreadyZero> => {
    switch (command._tag) {
      case "Increment":
        return state + command.by > context.limit
          ? Result.fail(new TooLarge({ limit: context.limit }))
          : Result.succeed([{ _tag: "Incremented", to: state + command.by }])
      case "Reset":
        if (state === 0) return Result.succeed([])
        return Result.succeed([{ _tag: "WasReset" }])
    }
  },
  evolve: (_state: number, event: Event): number => (event._tag === "Incremented" ? event.to : 0),
}

const spec = deciderSpec(counter)
const context = { limit: 10 }

describe("deciderSpec", () => {
  it("passes when the decision records the expected events and returns the next state", () => {
    const state = spec
      .given([{ _tag: "Incremented", to: 3 }])
      .when({ _tag: "Increment", by: 2 }, context)
      .then([{ _tag: "Incremented", to: 5 }])
    expect(state).toBe(5)
  })

  it("fails with a diff when other events are recorded", () => {
    expect(() =>
      spec
        .given([])
        .when({ _tag: "Increment", by: 2 }, context)
        .then([{ _tag: "Incremented", to: 3 }]),
    ).toThrow(AssertionError)
  })

  it("thenNothing passes for a decision that changes nothing", () => {
    expect(spec.given([]).when({ _tag: "Reset" }, context).thenNothing()).toBe(0)
    expect(() =>
      spec
        .given([{ _tag: "Incremented", to: 1 }])
        .when({ _tag: "Reset" }, context)
        .thenNothing(),
    ).toThrow(AssertionError)
  })

  it("thenFails returns the typed refusal for further checks", () => {
    const error = spec
      .given([{ _tag: "Incremented", to: 9 }])
      .when({ _tag: "Increment", by: 2 }, context)
      .thenFails("TooLarge")
    expect(error.limit).toBe(10)
  })

  it("thenFails fails when the command succeeds or is refused with another error", () => {
    expect(() =>
      spec.given([]).when({ _tag: "Increment", by: 1 }, context).thenFails("TooLarge"),
    ).toThrow(/expected a refusal with TooLarge, but the command recorded 1 event/)
    expect(() =>
      spec.given([]).when({ _tag: "Increment", by: 11 }, context).thenFails("AlreadyZero"),
    ).toThrow(/expected a refusal with AlreadyZero, got TooLarge/)
  })

  it("then fails when the command is refused", () => {
    expect(() => spec.given([]).when({ _tag: "Increment", by: 11 }, context).then([])).toThrow(
      /refused with TooLarge/,
    )
  })
})
