/**
 * An in-memory `EventStore`, `Outbox` and `UnitOfWork` over one shared state, for tests,
 * prototypes and simulations. Every operation runs as one synchronous step, so it is
 * atomic under any number of concurrent fibers; time comes from the Effect `Clock`.
 *
 * A unit of work keeps an undo log of what it changed and takes the state's write gate:
 * writers outside the unit wait until it ends, readers do not (they see its writes
 * before it commits: "read uncommitted", enough for tests and simulations).
 *
 * @module
 */
import { Clock, Context, DateTime, Effect, Layer } from "effect"
import {
  type AppendRequest,
  type AppendResult,
  DuplicateEvent,
  EventStore,
  type StoredEvent,
  StoreUnavailable,
  VersionConflict,
} from "./EventStore.ts"
import type { EventId, MessageId, StreamId } from "./Ids.ts"
import {
  type ClaimOptions,
  type FailureOutcome,
  LeaseLost,
  type NewOutboxMessage,
  Outbox,
  type OutboxMessage,
  type OutboxStatus,
} from "./Outbox.ts"
import * as UnitOfWork from "./UnitOfWork.ts"

interface State {
  readonly events: Array<StoredEvent>
  readonly streams: Map<StreamId, Array<StoredEvent>>
  readonly eventIds: Map<EventId, StoredEvent>
  readonly outbox: Map<MessageId, OutboxMessage>
  /** The unit of work that may write now (`undefined`: anyone outside a unit). */
  writer: Unit | undefined
  /** Fibers waiting for the write gate; each re-checks when woken. */
  readonly waiters: Array<() => void>
}

/** A unit of work of the in-memory store: its undo log. */
interface Unit {
  readonly undo: Array<() => void>
  /** Set when the unit has committed or rolled back: its services refuse to run after. */
  ended: boolean
}

const emptyState = (): State => ({
  events: [],
  streams: new Map(),
  eventIds: new Map(),
  outbox: new Map(),
  writer: undefined,
  waiters: [],
})

/**
 * Runs `write` once the gate is open to `unit` (the caller's level of nesting). `write`
 * must change the state when called, not in an effect it returns, so the check and the
 * change are one synchronous step.
 */
const gated = <A, E>(
  state: State,
  unit: Unit | undefined,
  write: () => Effect.Effect<A, E>,
): Effect.Effect<A, E | StoreUnavailable> =>
  Effect.suspend(() =>
    unit?.ended === true
      ? Effect.fail(
          new StoreUnavailable({
            operation: "unit of work",
            cause: new Error(
              "the unit of work has ended: its services cannot be used after it commits or rolls back",
            ),
          }),
        )
      : state.writer === unit
        ? write()
        : Effect.andThen(
            Effect.callback<void>((resume) => {
              state.waiters.push(() => resume(Effect.void))
            }),
            gated(state, unit, write),
          ),
  )

const openGate = (state: State, to: Unit | undefined) => {
  state.writer = to
  for (const wake of state.waiters.splice(0)) wake()
}

/** Sets a message, logging how to put back what was there when inside a unit. */
const setMessage = (state: State, unit: Unit | undefined, m: OutboxMessage) => {
  if (unit !== undefined) {
    const before = state.outbox.get(m.id)
    unit.undo.push(() => {
      if (before === undefined) state.outbox.delete(m.id)
      else state.outbox.set(m.id, before)
    })
  }
  state.outbox.set(m.id, m)
}

const enqueueInto = (
  state: State,
  unit: Unit | undefined,
  messages: ReadonlyArray<NewOutboxMessage>,
  now: DateTime.Utc,
) => {
  for (const m of messages) {
    if (state.outbox.has(m.id)) continue
    setMessage(state, unit, {
      ...m,
      status: "pending",
      attempts: 0,
      nextAttemptAt: m.notBefore ?? now,
      createdAt: now,
    })
  }
}

/** A batch already stored at exactly the place it is re-sent to: the original result. */
const replayedAppend = (
  state: State,
  request: AppendRequest,
): AppendResult | DuplicateEvent | undefined => {
  const first = request.events[0]
  if (first === undefined) return undefined
  const seen = request.events.map((e) => state.eventIds.get(e.id))
  if (seen.every((e) => e === undefined)) return undefined
  const same = seen.every(
    (e, i) =>
      e !== undefined &&
      e.streamId === request.streamId &&
      e.version === request.expectedVersion + i + 1,
  )
  if (!same) {
    const clash = request.events.find((_, i) => seen[i] !== undefined) ?? first
    return new DuplicateEvent({ eventId: clash.id, streamId: request.streamId })
  }
  const stored = seen as ReadonlyArray<StoredEvent>
  return {
    streamId: request.streamId,
    version: request.expectedVersion + stored.length,
    positions: stored.map((e) => e.position),
  }
}

const makeState = (state: State, unit: Unit | undefined) => {
  const append = (
    request: AppendRequest,
  ): Effect.Effect<AppendResult, VersionConflict | DuplicateEvent | StoreUnavailable> =>
    Effect.flatMap(Clock.currentTimeMillis, (millis) =>
      gated(state, unit, (): Effect.Effect<AppendResult, VersionConflict | DuplicateEvent> => {
        const ids = new Set<EventId>()
        for (const e of request.events) {
          if (ids.has(e.id)) {
            return Effect.fail(new DuplicateEvent({ eventId: e.id, streamId: request.streamId }))
          }
          ids.add(e.id)
        }
        const replay = replayedAppend(state, request)
        if (replay instanceof DuplicateEvent) return Effect.fail(replay)
        if (replay !== undefined) return Effect.succeed(replay)
        const stream = state.streams.get(request.streamId) ?? []
        if (stream.length !== request.expectedVersion) {
          return Effect.fail(
            new VersionConflict({
              streamId: request.streamId,
              expectedVersion: request.expectedVersion,
              actualVersion: stream.length,
            }),
          )
        }
        const recordedAt = DateTime.makeUnsafe(millis)
        if (unit !== undefined) {
          const isNew = !state.streams.has(request.streamId)
          const count = request.events.length
          unit.undo.push(() => {
            state.events.length -= count
            stream.length -= count
            if (isNew) state.streams.delete(request.streamId)
            for (const e of request.events) state.eventIds.delete(e.id)
          })
        }
        const positions: Array<number> = []
        for (const [i, e] of request.events.entries()) {
          const stored: StoredEvent = {
            ...e,
            position: state.events.length + 1,
            streamId: request.streamId,
            streamType: request.streamType,
            version: request.expectedVersion + i + 1,
            recordedAt,
          }
          state.events.push(stored)
          stream.push(stored)
          state.eventIds.set(e.id, stored)
          positions.push(stored.position)
        }
        state.streams.set(request.streamId, stream)
        enqueueInto(state, unit, request.outbox ?? [], recordedAt)
        const result: AppendResult = {
          streamId: request.streamId,
          version: stream.length,
          positions,
        }
        return Effect.succeed(result)
      }),
    )

  const eventStore = EventStore.of({
    append,
    readStream: (streamId) => Effect.sync(() => [...(state.streams.get(streamId) ?? [])]),
    readAll: ({ after, limit }) =>
      Effect.sync(() => state.events.slice(Math.max(0, after), Math.max(0, after) + limit)),
  })

  const holds = (m: OutboxMessage | undefined, workerId: string): m is OutboxMessage =>
    m !== undefined && m.status === "claimed" && m.claimedBy === workerId

  const settle = (
    id: MessageId,
    workerId: string,
    update: (m: OutboxMessage) => OutboxMessage,
  ): Effect.Effect<void, LeaseLost | StoreUnavailable> =>
    gated(state, unit, () => {
      const m = state.outbox.get(id)
      if (!holds(m, workerId)) return Effect.fail(new LeaseLost({ messageId: id, workerId }))
      setMessage(state, unit, update(m))
      return Effect.void
    })

  const withoutClaim = (m: OutboxMessage): OutboxMessage => {
    const { claimedBy: _c, leaseUntil: _l, ...rest } = m
    return rest
  }

  const outbox = Outbox.of({
    enqueue: (messages) =>
      Effect.flatMap(Clock.currentTimeMillis, (millis) =>
        gated(state, unit, () => {
          enqueueInto(state, unit, messages, DateTime.makeUnsafe(millis))
          return Effect.void
        }),
      ),
    claim: (options: ClaimOptions) =>
      Effect.flatMap(Clock.currentTimeMillis, (millis) =>
        gated(state, unit, () => {
          const now = DateTime.makeUnsafe(millis)
          const leaseUntil = DateTime.makeUnsafe(millis + options.leaseMillis)
          const claimed: Array<OutboxMessage> = []
          for (const m of state.outbox.values()) {
            if (claimed.length >= options.limit) break
            if (options.channels !== undefined && !options.channels.includes(m.channel)) continue
            const due =
              (m.status === "pending" && DateTime.toEpochMillis(m.nextAttemptAt) <= millis) ||
              (m.status === "claimed" &&
                m.leaseUntil !== undefined &&
                DateTime.toEpochMillis(m.leaseUntil) <= millis)
            if (!due) continue
            const next: OutboxMessage = {
              ...m,
              status: "claimed",
              attempts: m.attempts + 1,
              claimedBy: options.workerId,
              leaseUntil,
              nextAttemptAt: now,
            }
            setMessage(state, unit, next)
            claimed.push(next)
          }
          return Effect.succeed(claimed)
        }),
      ),
    markDelivered: (id, workerId) =>
      settle(id, workerId, (m) => ({ ...withoutClaim(m), status: "delivered" })),
    markFailed: (id, workerId, error, outcome: FailureOutcome) =>
      settle(id, workerId, (m) =>
        outcome._tag === "Dead"
          ? { ...withoutClaim(m), status: "dead", lastError: error }
          : { ...withoutClaim(m), status: "pending", lastError: error, nextAttemptAt: outcome.at },
      ),
    release: (id, workerId) =>
      gated(state, unit, () => {
        const m = state.outbox.get(id)
        if (holds(m, workerId)) setMessage(state, unit, { ...withoutClaim(m), status: "pending" })
        return Effect.void
      }),
    get: (id) => Effect.sync(() => state.outbox.get(id)),
    list: (status: OutboxStatus, limit = Number.MAX_SAFE_INTEGER) =>
      Effect.sync(() =>
        [...state.outbox.values()].filter((m) => m.status === status).slice(0, limit),
      ),
  })

  const unitOfWork: UnitOfWork.UnitOfWork["Service"] = UnitOfWork.make(
    Effect.acquireRelease(
      gated(state, unit, () => {
        const inner: Unit = { undo: [], ended: false }
        openGate(state, inner)
        return Effect.succeed(inner)
      }),
      (inner) =>
        Effect.sync(() => {
          inner.ended = true
          openGate(state, unit)
        }),
    ).pipe(
      Effect.map((inner): UnitOfWork.Transaction => {
        const bound = makeState(state, inner)
        return {
          context: bound.context,
          commit: Effect.sync(() => {
            if (unit !== undefined) unit.undo.push(...inner.undo)
            inner.undo.length = 0
          }),
          rollback: Effect.sync(() => {
            for (let i = inner.undo.length - 1; i >= 0; i--) inner.undo[i]!()
            inner.undo.length = 0
          }),
        }
      }),
    ),
  )

  const context = Context.make(EventStore, eventStore).pipe(
    Context.add(Outbox, outbox),
    Context.add(UnitOfWork.UnitOfWork, unitOfWork),
  )

  return { eventStore, outbox, unitOfWork, context }
}

/**
 * Makes a fresh in-memory store: the `EventStore`, the `Outbox` and the `UnitOfWork`
 * share one state, so an append and its outbox messages land together, and a unit of
 * work's appends land together.
 */
export const make = (): {
  readonly eventStore: EventStore["Service"]
  readonly outbox: Outbox["Service"]
  readonly unitOfWork: UnitOfWork.UnitOfWork["Service"]
} => {
  const { eventStore, outbox, unitOfWork } = makeState(emptyState(), undefined)
  return { eventStore, outbox, unitOfWork }
}

/**
 * A layer providing `EventStore`, `Outbox` and `UnitOfWork` from one fresh in-memory
 * state. Each time the layer is built (each `Effect.runPromise` that provides it) the
 * state starts empty.
 */
export const layer: Layer.Layer<EventStore | Outbox | UnitOfWork.UnitOfWork> = Layer.effectContext(
  Effect.sync(() => makeState(emptyState(), undefined).context),
)
