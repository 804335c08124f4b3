/**
 * The decider: a format's state machine as three pure functions. `decide` turns a
 * command into events or a typed refusal, `evolve` folds an event into the state.
 * Nothing here reads the clock or does I/O: the engine passes the instant, the actor
 * and the regulation in through the decision context.
 *
 * @module
 */
import type { DateTime, Result, Schema } from "effect"
import type { Actor } from "./Actor.ts"

/** What a decision may depend on besides the command and the state. */
export interface DecisionContext<Settings> {
  /** The instant the command is decided at (from the engine's clock). */
  readonly now: DateTime.Utc
  /** Who issued the command. */
  readonly actor: Actor
  /** The regulation settings in force for the actor's district at `now`. */
  readonly regulation: Settings
}

/**
 * A decider over one stream: `decide` is pure and refuses with a typed error;
 * `evolve` is pure and total.
 */
export interface Decider<Command, Event, State, Error, Context> {
  /** The state of a stream that has no events yet. */
  readonly initialState: State
  /** Decides what happens: the events to record, or a typed refusal. */
  readonly decide: (
    command: Command,
    state: State,
    context: Context,
  ) => Result.Result<ReadonlyArray<Event>, Error>
  /** Applies one event to the state. */
  readonly evolve: (state: State, event: Event) => State
}

/**
 * A decider the engine can run against an event store: it names its stream type and
 * gives the schema its events are stored with (encoded to JSON, decoded on read).
 */
export interface Definition<
  Command extends { readonly _tag: string },
  Event extends { readonly _tag: string },
  State,
  Error,
  Context,
> extends Decider<Command, Event, State, Error, Context> {
  /** A stable name of the stream type, stored with every event (`"emd-cycle"`). */
  readonly streamType: string
  /** The schema of the events, used to encode them to JSON and to decode stored ones. */
  readonly eventSchema: Schema.Codec<Event, unknown>
}

/** The state after applying `events` in order to the decider's initial state. */
export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State, unknown, unknown>, "initialState" | "evolve">,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState
  for (const event of events) state = decider.evolve(state, event)
  return state
}
