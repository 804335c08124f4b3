/**
 * Read models of the unified methodical day are pure folds over stored events in global
 * order: `project(state, storedEvent)`. This module decodes a stored event of any EMD
 * stream with its schema, and runs a read model from zero against an `EventStore`, so
 * every view can be rebuilt from the log (and run by a SQL projection runner, which
 * stores the state with the read model's `stateSchema`).
 *
 * @module
 */
import { Effect, Result, Schema } from "effect"
import { EventStore, type StoredEvent, type StoreError } from "../EventStore.ts"
import type { StreamId } from "../Ids.ts"
import * as Cycle from "./Cycle.ts"
import * as HelpPlan from "./HelpPlan.ts"
import * as ProgressSheet from "./ProgressSheet.ts"
import * as TeacherPractice from "./TeacherPractice.ts"
import * as Year from "./Year.ts"

/** A stored EMD event, decoded, with the stream it belongs to. */
export type EmdEvent =
  | { readonly kind: "year"; readonly streamId: StreamId; readonly event: Year.YearEvent }
  | { readonly kind: "cycle"; readonly streamId: StreamId; readonly event: Cycle.CycleEvent }
  | {
      readonly kind: "sheet"
      readonly streamId: StreamId
      readonly event: ProgressSheet.SheetEvent
    }
  | {
      readonly kind: "help-plan"
      readonly streamId: StreamId
      readonly event: HelpPlan.HelpPlanEvent
    }
  | {
      readonly kind: "practice"
      readonly streamId: StreamId
      readonly event: TeacherPractice.PracticeEvent
    }

const kinds = {
  [Year.streamType]: "year",
  [Cycle.streamType]: "cycle",
  [ProgressSheet.streamType]: "sheet",
  [HelpPlan.streamType]: "help-plan",
  [TeacherPractice.streamType]: "practice",
} as const

type Decoder = (u: unknown) => Result.Result<EmdEvent["event"], Schema.SchemaError>

const decoders: { readonly [K in keyof typeof kinds]: Decoder } = {
  [Year.streamType]: Schema.decodeUnknownResult(Year.YearEvent),
  [Cycle.streamType]: Schema.decodeUnknownResult(Cycle.CycleEvent),
  [ProgressSheet.streamType]: Schema.decodeUnknownResult(ProgressSheet.SheetEvent),
  [HelpPlan.streamType]: Schema.decodeUnknownResult(HelpPlan.HelpPlanEvent),
  [TeacherPractice.streamType]: Schema.decodeUnknownResult(TeacherPractice.PracticeEvent),
}

/** The stream types of the unified methodical day. */
export const streamTypes: ReadonlyArray<string> = Object.keys(kinds)

/**
 * Decodes a stored event of an EMD stream: `undefined` for other formats' streams, a
 * readable problem for data that does not decode.
 */
export const decodeStored = (stored: StoredEvent): Result.Result<EmdEvent | undefined, string> => {
  const type = stored.streamType as keyof typeof kinds
  if (!Object.hasOwn(kinds, type)) return Result.succeed(undefined)
  const decode = decoders[type]
  const decoded = decode(stored.data)
  if (Result.isFailure(decoded)) {
    return Result.fail(
      `event ${stored.id} (${stored.type}) at ${stored.streamId} v${stored.version}: ${decoded.failure.message}`,
    )
  }
  return Result.succeed({
    kind: kinds[type],
    streamId: stored.streamId,
    event: decoded.success,
  } as EmdEvent)
}

/** A stored event a read model could not decode, kept so a rebuild reports it. */
export const Skipped = Schema.Struct({ position: Schema.Number, problem: Schema.String })
/** @see Skipped */
export type Skipped = typeof Skipped.Type

/** What every EMD read model's state carries: the last position folded, undecodable events. */
export interface Checkpointed {
  readonly position: number
  readonly skipped: ReadonlyArray<Skipped>
}

/** A read model: a pure fold over stored events in global order, with its state's schema. */
export interface ReadModel<State extends Checkpointed> {
  /** A stable name, used as the projection's key by a projection runner. */
  readonly name: string
  /** The state before any event. */
  readonly initialState: State
  /** Folds one stored event (of any stream) into the state. */
  readonly project: (state: State, stored: StoredEvent) => State
  /** Encodes the state to JSON and back, for runners that store it. */
  readonly stateSchema: Schema.Codec<State, unknown>
}

/**
 * Builds `project` from a fold over decoded EMD events: events of other formats only
 * move the checkpoint; undecodable ones are recorded in `skipped`.
 */
export const projector =
  <State extends Checkpointed>(apply: (state: State, event: EmdEvent) => State) =>
  (state: State, stored: StoredEvent): State => {
    if (stored.position <= state.position) return state
    const decoded = decodeStored(stored)
    if (Result.isFailure(decoded)) {
      return {
        ...state,
        position: stored.position,
        skipped: [...state.skipped, { position: stored.position, problem: decoded.failure }],
      }
    }
    const next = decoded.success === undefined ? state : apply(state, decoded.success)
    return { ...next, position: stored.position }
  }

/** Folds stored events into a read model from its initial state. */
export const rebuild = <State extends Checkpointed>(
  model: ReadModel<State>,
  events: Iterable<StoredEvent>,
): State => {
  let state = model.initialState
  for (const e of events) state = model.project(state, e)
  return state
}

/**
 * Runs a read model from zero (or from `from`) against the event store, reading the
 * global order in pages.
 */
export const catchUp = <State extends Checkpointed>(
  model: ReadModel<State>,
  from: State = model.initialState,
  pageSize = 1000,
): Effect.Effect<State, StoreError, EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore
    let state = from
    for (;;) {
      const page = yield* store.readAll({ after: state.position, limit: pageSize })
      for (const e of page) state = model.project(state, e)
      if (page.length < pageSize) return state
    }
  })
