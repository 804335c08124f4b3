/**
 * The engine runs a command against a decider: read the stream, fold `evolve`,
 * `decide`, then append the new events at the expected version together with the
 * outbox messages the notification policy asks for, in one unit of work. A concurrent
 * writer makes the append fail with `VersionConflict`; the engine then retries from a
 * fresh read, a bounded number of times, so nothing is lost and nothing is doubled.
 *
 * Time comes from the Effect `Clock`, ids from `IdGenerator`, and the regulation in
 * force from the resolver the engine is made with; tests and simulations control all
 * three.
 *
 * Several commands run inside `UnitOfWork.run` commit together: the engine needs nothing
 * more for that, it appends through the unit's `EventStore` like through any other.
 *
 * @module
 */
import { DateTime, Effect, Option, Result, Schema } from "effect"
import type { Actor } from "./Actor.ts"
import type { DecisionContext, Definition } from "./Decider.ts"
import { fold } from "./Decider.ts"
import {
  CorruptData,
  type DuplicateEvent,
  EventStore,
  type NewEvent,
  type StoredEvent,
  type StoreError,
  type VersionConflict,
} from "./EventStore.ts"
import { IdGenerator } from "./IdGenerator.ts"
import { type DistrictId, EventId, type StreamId } from "./Ids.ts"
import { NotificationPolicy } from "./NotificationPolicy.ts"
import * as UnitOfWork from "./UnitOfWork.ts"

/** How the engine finds the regulation settings in force for a district at an instant. */
export type RegulationResolver<Settings, E> = (
  districtId: DistrictId,
  at: DateTime.Utc,
) => Effect.Effect<Settings, E>

/** Settings of an engine. */
export interface EngineOptions<Settings, E> {
  /** Resolves the regulation in force when a command is decided. */
  readonly regulationFor: RegulationResolver<Settings, E>
  /** How many times a command is retried after a version conflict (default 8). */
  readonly maxConflictRetries?: number
  /**
   * Keep the state and version of up to this many recently used streams in memory, so a
   * command on a known stream skips the read and the fold. Safe with other writers: the
   * append still carries the expected version, so a stale entry ends in a version
   * conflict, which evicts it and retries from a fresh read; a refusal decided on a
   * cached state is checked again on a fresh read before it is returned; what a unit of
   * work wrote is forgotten when the unit rolls back. Off when absent.
   */
  readonly cacheStreams?: number
}

/** Per-command options. */
export interface ExecuteOptions {
  /** Recorded with the events; ties together everything one request caused. */
  readonly correlationId?: string
}

/** What a command did. */
export interface Executed<Event, State> {
  /** The events recorded (empty when the decision changed nothing). */
  readonly events: ReadonlyArray<Event>
  /** The stream's state after them. */
  readonly state: State
  /** The stream's version after them. */
  readonly version: number
  /** Global positions of the recorded events. */
  readonly positions: ReadonlyArray<number>
}

/** Every failure of `execute` other than the decider's own refusals. */
export type EngineError = VersionConflict | DuplicateEvent | StoreError

/** The engine made by {@link make}. */
export interface Engine<Settings, RegulationError> {
  /** Runs one command for one stream. */
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
    options?: ExecuteOptions,
  ) => Effect.Effect<Executed<Event, State>, Error | RegulationError | EngineError, EventStore>
  /** Reads a stream and folds it into its current state and version. */
  readonly load: <
    Command extends { readonly _tag: string },
    Event extends { readonly _tag: string },
    State,
    Error,
  >(
    definition: Definition<Command, Event, State, Error, DecisionContext<Settings>>,
    streamId: StreamId,
  ) => Effect.Effect<
    { readonly state: State; readonly version: number; readonly events: ReadonlyArray<Event> },
    StoreError,
    EventStore
  >
}

/** Decodes stored events with a definition's schema; corrupt data is a typed error. */
export const decodeEvents = <Event>(
  schema: Schema.Codec<Event, unknown>,
  stored: ReadonlyArray<StoredEvent>,
): Effect.Effect<ReadonlyArray<Event>, CorruptData> =>
  Effect.suspend(() => {
    const decode = Schema.decodeUnknownResult(schema)
    const out: Array<Event> = []
    for (const e of stored) {
      const r = decode(e.data)
      if (Result.isFailure(r)) {
        return Effect.fail(
          new CorruptData({
            detail: `event ${e.id} (${e.type}) at ${e.streamId} v${e.version}: ${r.failure.message}`,
            cause: r.failure,
          }),
        )
      }
      out.push(r.success)
    }
    return Effect.succeed(out)
  })

const encoders = new WeakMap<object, (event: unknown) => unknown>()

/** The encoder of a definition's event schema, made once per schema. */
const encoderOf = <Event>(schema: Schema.Codec<Event, unknown>): ((event: Event) => unknown) => {
  let encode = encoders.get(schema)
  if (encode === undefined) {
    encode = Schema.encodeSync(schema) as (event: unknown) => unknown
    encoders.set(schema, encode)
  }
  return encode
}

const isVersionConflict = (e: unknown): boolean =>
  typeof e === "object" && e !== null && "_tag" in e && e._tag === "VersionConflict"

/** The least recently used streams' states, by stream id, for one decider each. */
class StreamCache {
  readonly #entries = new Map<
    StreamId,
    {
      readonly definition: object
      readonly state: unknown
      readonly version: number
      /** The unit of work that wrote this state, when it may not have committed yet. */
      readonly unit: object | undefined
    }
  >()
  readonly #max: number
  constructor(max: number) {
    this.#max = Math.max(1, Math.floor(max))
  }
  get<State>(
    definition: { readonly initialState: State },
    streamId: StreamId,
  ):
    | { readonly state: State; readonly version: number; readonly unit: object | undefined }
    | undefined {
    const entry = this.#entries.get(streamId)
    if (entry === undefined || entry.definition !== definition) return undefined
    this.#entries.delete(streamId)
    this.#entries.set(streamId, entry)
    return { state: entry.state as State, version: entry.version, unit: entry.unit }
  }
  set(
    definition: object,
    streamId: StreamId,
    state: unknown,
    version: number,
    unit: object | undefined,
  ): void {
    this.#entries.delete(streamId)
    this.#entries.set(streamId, { definition, state, version, unit })
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
  }
  delete(streamId: StreamId): void {
    this.#entries.delete(streamId)
  }
}

/**
 * Makes an engine.
 *
 * @example
 * const engine = Engine.make({ regulationFor: (district, at) => Effect.succeed(settings) })
 * const program = engine.execute(UnifiedDay.definition, streamId, command, actor)
 * await Effect.runPromise(program.pipe(Effect.provide(InMemory.layer)))
 */
export const make = <Settings, RegulationError>(
  options: EngineOptions<Settings, RegulationError>,
): Engine<Settings, RegulationError> => {
  const maxRetries = options.maxConflictRetries ?? 8
  const cache =
    options.cacheStreams === undefined ? undefined : new StreamCache(options.cacheStreams)

  const load: Engine<Settings, RegulationError>["load"] = (definition, streamId) =>
    Effect.gen(function* () {
      const store = yield* EventStore
      const stored = yield* store.readStream(streamId)
      const events = yield* decodeEvents(definition.eventSchema, stored)
      return { state: fold(definition, events), version: stored.length, events }
    })

  const execute: Engine<Settings, RegulationError>["execute"] = (
    definition,
    streamId,
    command,
    actor,
    executeOptions,
  ) => {
    type Event = Parameters<typeof definition.evolve>[1]
    type State = typeof definition.initialState
    const encode = encoderOf(definition.eventSchema)
    const attempt = Effect.gen(function* () {
      const store = yield* EventStore
      const ids = yield* IdGenerator
      const policy = yield* NotificationPolicy
      // Only the stream cache cares which unit of work (if any) a command runs in.
      const current =
        cache === undefined ? Option.none() : yield* Effect.serviceOption(UnitOfWork.Current)
      const unit =
        Option.isSome(current) && current.value !== UnitOfWork.detached ? current.value : undefined
      const cached = cache?.get<State>(definition, streamId)
      let { state, version } = cached ?? (yield* load(definition, streamId))
      const now = yield* DateTime.now
      const regulation = yield* options.regulationFor(actor.districtId, now)
      let decided = definition.decide(command, state, { now, actor, regulation })
      if (
        cached !== undefined &&
        (Result.isFailure(decided) ||
          // "Nothing to do" on a state another unit of work wrote, perhaps not committed yet.
          (decided.success.length === 0 && cached.unit !== undefined && cached.unit !== unit))
      ) {
        // Refuse only on what the store holds now, not on what this process last saw.
        cache?.delete(streamId)
        ;({ state, version } = yield* load(definition, streamId))
        decided = definition.decide(command, state, { now, actor, regulation })
      }
      if (Result.isFailure(decided)) return yield* Effect.fail(decided.failure)
      const events: ReadonlyArray<Event> = decided.success
      if (events.length === 0) {
        const unchanged: Executed<Event, State> = { events, state, version, positions: [] }
        return unchanged
      }
      const metadata = {
        actorId: actor.personId,
        command: command._tag,
        ...(executeOptions?.correlationId === undefined
          ? {}
          : { correlationId: executeOptions.correlationId }),
      }
      const newEvents: Array<NewEvent> = []
      const recorded: Array<{ readonly id: string; readonly event: Event }> = []
      for (const event of events) {
        const id = EventId.make(yield* ids.next)
        newEvents.push({ id, type: event._tag, data: encode(event), metadata })
        recorded.push({ id, event })
      }
      const next = events.reduce(definition.evolve, state)
      const outbox = policy.messagesFor({
        streamType: definition.streamType,
        streamId,
        events: recorded,
        state: next,
        now,
        actor,
        regulation,
      })
      const appended = yield* store.append({
        streamId,
        streamType: definition.streamType,
        expectedVersion: version,
        events: newEvents,
        outbox,
      })
      if (cache !== undefined) {
        cache.set(definition, streamId, next, appended.version, unit)
        // Inside a unit of work the append is not durable yet: forget it if the unit rolls back.
        if (unit !== undefined) unit.onRollback(() => cache.delete(streamId))
      }
      const done: Executed<Event, State> = {
        events,
        state: next,
        version: appended.version,
        positions: appended.positions,
      }
      return done
    })
    return attempt.pipe(
      Effect.tapError((e) =>
        Effect.sync(() => {
          if (isVersionConflict(e)) cache?.delete(streamId)
        }),
      ),
      Effect.retry({
        while: isVersionConflict,
        times: maxRetries,
      }),
      Effect.withSpan(
        "metodika.execute",
        {
          attributes: { streamType: definition.streamType, command: command._tag },
        },
        // The stack would point here, at the engine, not at the caller: not worth an Error.
        { captureStackTrace: false },
      ),
    )
  }

  return { execute, load }
}
