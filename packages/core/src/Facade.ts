/**
 * A plain promise-based facade over the engine, for callers who do not use Effect.
 * Failures reject with the same typed error objects the Effect API fails with
 * (`Forbidden`, `VersionConflict`, a decider's refusal …), so `err._tag` tells them apart.
 *
 * @example
 * const metodika = Facade.make({ layer: InMemory.layer, regulationFor: () => Effect.succeed(settings) })
 * const { events } = await metodika.execute(UnifiedDay.definition, streamId, command, actor)
 * // Several commands that commit together, or not at all:
 * await metodika.unitOfWork(async (tx) => {
 *   await tx.execute(Year.definition, yearStream, appoint, leader)
 *   await tx.execute(Year.definition, yearStream, assignTopic, coordinator)
 * })
 * await metodika.dispose()
 *
 * @module
 */
import { Cause, Effect, Exit, type Layer, ManagedRuntime } from "effect"
import type { Actor } from "./Actor.ts"
import type { DecisionContext, Definition } from "./Decider.ts"
import * as Engine from "./Engine.ts"
import { EventStore, type ReadAllOptions, type StoredEvent } from "./EventStore.ts"
import type { StreamId } from "./Ids.ts"
import * as UnitOfWork from "./UnitOfWork.ts"

/** Settings of the facade. */
export interface FacadeOptions<Settings, RegulationError, LayerError>
  extends Engine.EngineOptions<Settings, RegulationError> {
  /** The layer providing the `EventStore` (and whatever else the program needs). */
  readonly layer: Layer.Layer<EventStore, LayerError>
}

/**
 * What a unit of work's callback may do: the facade's commands and reads, inside the
 * unit. Use these, not the facade's own methods, inside the callback: those are outside
 * the unit and wait for it to end (on SQLite and in memory: for ever).
 */
export type FacadeUnit<Settings> = Pick<Facade<Settings>, "execute" | "load" | "readAll">

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
  /**
   * Runs `work` as one unit of work: the commands it runs through `tx` commit together
   * when its promise resolves, and none of them when it rejects (the promise returned
   * rejects with the same reason). Reads through `tx` see the unit's own writes. Where
   * the store provides no `UnitOfWork`, each command commits on its own.
   */
  readonly unitOfWork: <A>(work: (tx: FacadeUnit<Settings>) => Promise<A>) => Promise<A>
  /** Releases the layer's resources (database connections). */
  readonly dispose: () => Promise<void>
}

const settle = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isSuccess(exit)) return exit.value
  // Reject with the typed failure itself rather than a wrapper, so callers can match on `_tag`.
  const failure = exit.cause.reasons.find(Cause.isFailReason)
  throw failure === undefined ? Cause.squash(exit.cause) : failure.error
}

const run = async <A, E>(
  runtime: ManagedRuntime.ManagedRuntime<EventStore, unknown>,
  effect: Effect.Effect<A, E, EventStore>,
): Promise<A> => settle(await runtime.runPromiseExit(effect))

/** Makes the facade; call `dispose` when done. */
export const make = <Settings, RegulationError, LayerError>(
  options: FacadeOptions<Settings, RegulationError, LayerError>,
): Facade<Settings> => {
  const runtime = ManagedRuntime.make(options.layer)
  const engine = Engine.make(options)
  /** The commands and reads, each run by `runEffect`. */
  const api = (
    runEffect: <A, E>(effect: Effect.Effect<A, E, EventStore>) => Promise<A>,
  ): FacadeUnit<Settings> => ({
    execute: (definition, streamId, command, actor, executeOptions) =>
      runEffect(engine.execute(definition, streamId, command, actor, executeOptions)),
    load: (definition, streamId) => runEffect(engine.load(definition, streamId)),
    readAll: (readOptions) => runEffect(EventStore.use((store) => store.readAll(readOptions))),
  })
  return {
    ...api((effect) => run(runtime, effect)),
    unitOfWork: (work) =>
      run(
        runtime,
        UnitOfWork.run(
          Effect.gen(function* () {
            // The unit's services (its EventStore, its Outbox …), for the callback's commands.
            const context = yield* Effect.context<EventStore | UnitOfWork.Current>()
            const inUnit = async <A, E>(effect: Effect.Effect<A, E, EventStore>) =>
              settle(await Effect.runPromiseExitWith(context)(effect))
            return yield* Effect.tryPromise({
              try: () => work(api(inUnit)),
              catch: (reason) => reason,
            })
          }),
        ),
      ),
    dispose: () => runtime.dispose(),
  }
}
