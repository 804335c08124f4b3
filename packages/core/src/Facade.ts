/**
 * A plain promise-based facade over the engine, for callers who do not use Effect.
 * Failures reject with the same typed error objects the Effect API fails with
 * (`Forbidden`, `VersionConflict`, a decider's refusal …), so `err._tag` tells them apart.
 *
 * @example
 * const metodika = Facade.make({ layer: InMemory.layer, regulationFor: () => Effect.succeed(settings) })
 * const { events } = await metodika.execute(UnifiedDay.definition, streamId, command, actor)
 * await metodika.dispose()
 *
 * @module
 */
import { Cause, type Effect, Exit, type Layer, ManagedRuntime } from "effect"
import type { Actor } from "./Actor.ts"
import type { DecisionContext, Definition } from "./Decider.ts"
import * as Engine from "./Engine.ts"
import { EventStore, type ReadAllOptions, type StoredEvent } from "./EventStore.ts"
import type { StreamId } from "./Ids.ts"

/** Settings of the facade. */
export interface FacadeOptions<Settings, RegulationError, LayerError>
  extends Engine.EngineOptions<Settings, RegulationError> {
  /** The layer providing the `EventStore` (and whatever else the program needs). */
  readonly layer: Layer.Layer<EventStore, LayerError>
}

/** The promise-based API. */
export interface Facade<Settings> {
  /** Runs one command; rejects with the typed error on refusal or failure. */
  readonly execute: <
    Command extends { readonly _tag: string },
    Event extends { readonly _tag: string },
    State,
    Error,
  >(
    definition: Definition<Command, Event, State, Error, DecisionContext<Settings>>,
    streamId: StreamId,
    command: Command,
    actor: Actor,
    options?: Engine.ExecuteOptions,
  ) => Promise<Engine.Executed<Event, State>>
  /** The current state and version of a stream. */
  readonly load: <
    Command extends { readonly _tag: string },
    Event extends { readonly _tag: string },
    State,
    Error,
  >(
    definition: Definition<Command, Event, State, Error, DecisionContext<Settings>>,
    streamId: StreamId,
  ) => Promise<{ readonly state: State; readonly version: number }>
  /** Events of all streams in global order after a position. */
  readonly readAll: (options: ReadAllOptions) => Promise<ReadonlyArray<StoredEvent>>
  /** Releases the layer's resources (database connections). */
  readonly dispose: () => Promise<void>
}

const run = async <A, E>(
  runtime: ManagedRuntime.ManagedRuntime<EventStore, unknown>,
  effect: Effect.Effect<A, E, EventStore>,
): Promise<A> => {
  const exit = await runtime.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  // Reject with the typed failure itself rather than a wrapper, so callers can match on `_tag`.
  const failure = exit.cause.reasons.find(Cause.isFailReason)
  throw failure === undefined ? Cause.squash(exit.cause) : failure.error
}

/** Makes the facade; call `dispose` when done. */
export const make = <Settings, RegulationError, LayerError>(
  options: FacadeOptions<Settings, RegulationError, LayerError>,
): Facade<Settings> => {
  const runtime = ManagedRuntime.make(options.layer)
  const engine = Engine.make(options)
  return {
    execute: (definition, streamId, command, actor, executeOptions) =>
      run(runtime, engine.execute(definition, streamId, command, actor, executeOptions)),
    load: (definition, streamId) => run(runtime, engine.load(definition, streamId)),
    readAll: (readOptions) =>
      run(
        runtime,
        EventStore.use((store) => store.readAll(readOptions)),
      ),
    dispose: () => runtime.dispose(),
  }
}
