/**
 * A small decider for the storage tests: each stream is a counter and every
 * `Increment` records `Incremented { n }` with `n` = the previous count + 1. Because
 * `n` must equal the event's version, a lost or doubled append shows at once.
 *
 * @module
 */
import { Actor, type Decider, Engine, Ids } from "@metodika/core"
import { Effect, Result, Schema } from "effect"

/** The one event. */
export const Incremented = Schema.TaggedStruct("Incremented", { n: Schema.Int, by: Schema.String })
/** @see Incremented */
export type Incremented = typeof Incremented.Type

/** The one command. */
export interface Increment {
  readonly _tag: "Increment"
  readonly by: string
}

/** The counter as a definition the engine runs. */
export const definition: Decider.Definition<
  Increment,
  Incremented,
  number,
  never,
  Decider.DecisionContext<null>
> = {
  streamType: "counter",
  eventSchema: Incremented,
  initialState: 0,
  decide: (command, state) =>
    Result.succeed([{ _tag: "Incremented", n: state + 1, by: command.by }]),
  evolve: (_state, event) => event.n,
}

/** An engine with no regulation. */
export const engine = (maxConflictRetries?: number) =>
  Engine.make({
    regulationFor: () => Effect.succeed(null),
    ...(maxConflictRetries === undefined ? {} : { maxConflictRetries }),
  })

/** The actor of every test command. */
export const actor = Actor.make(Ids.PersonId.make("tester"), Ids.DistrictId.make("district-1"), [
  "system",
])

/** The stream id of counter `i`. */
export const streamId = (i: number) => Ids.StreamId.make(`counter-${i}`)
