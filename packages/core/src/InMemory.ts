/**
 * An in-memory `EventStore` and `Outbox` over one shared state, for tests, prototypes
 * and simulations. Every operation runs as one synchronous step, so it is atomic under
 * any number of concurrent fibers; time comes from the Effect `Clock`.
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

interface State {
  readonly events: Array<StoredEvent>
  readonly streams: Map<StreamId, Array<StoredEvent>>
  readonly eventIds: Map<EventId, StoredEvent>
  readonly outbox: Map<MessageId, OutboxMessage>
}

const emptyState = (): State => ({
  events: [],
  streams: new Map(),
  eventIds: new Map(),
  outbox: new Map(),
})

const enqueueInto = (
  state: State,
  messages: ReadonlyArray<NewOutboxMessage>,
  now: DateTime.Utc,
) => {
  for (const m of messages) {
    if (state.outbox.has(m.id)) continue
    state.outbox.set(m.id, {
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

const makeState = (state: State) => {
  const append = (
    request: AppendRequest,
  ): Effect.Effect<AppendResult, VersionConflict | DuplicateEvent> =>
    Effect.flatMap(
      Clock.currentTimeMillis,
      (millis): Effect.Effect<AppendResult, VersionConflict | DuplicateEvent> => {
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
        enqueueInto(state, request.outbox ?? [], recordedAt)
        const result: AppendResult = {
          streamId: request.streamId,
          version: stream.length,
          positions,
        }
        return Effect.succeed(result)
      },
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
  ): Effect.Effect<void, LeaseLost> =>
    Effect.suspend(() => {
      const m = state.outbox.get(id)
      if (!holds(m, workerId)) return Effect.fail(new LeaseLost({ messageId: id, workerId }))
      state.outbox.set(id, update(m))
      return Effect.void
    })

  const withoutClaim = (m: OutboxMessage): OutboxMessage => {
    const { claimedBy: _c, leaseUntil: _l, ...rest } = m
    return rest
  }

  const outbox = Outbox.of({
    enqueue: (messages) =>
      Effect.map(Clock.currentTimeMillis, (millis) =>
        enqueueInto(state, messages, DateTime.makeUnsafe(millis)),
      ),
    claim: (options: ClaimOptions) =>
      Effect.map(Clock.currentTimeMillis, (millis) => {
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
          state.outbox.set(m.id, next)
          claimed.push(next)
        }
        return claimed
      }),
    markDelivered: (id, workerId) =>
      settle(id, workerId, (m) => ({ ...withoutClaim(m), status: "delivered" })),
    markFailed: (id, workerId, error, outcome: FailureOutcome) =>
      settle(id, workerId, (m) =>
        outcome._tag === "Dead"
          ? { ...withoutClaim(m), status: "dead", lastError: error }
          : { ...withoutClaim(m), status: "pending", lastError: error, nextAttemptAt: outcome.at },
      ),
    release: (id, workerId) =>
      Effect.sync(() => {
        const m = state.outbox.get(id)
        if (holds(m, workerId)) state.outbox.set(id, { ...withoutClaim(m), status: "pending" })
      }),
    get: (id) => Effect.sync(() => state.outbox.get(id)),
    list: (status: OutboxStatus, limit = Number.MAX_SAFE_INTEGER) =>
      Effect.sync(() =>
        [...state.outbox.values()].filter((m) => m.status === status).slice(0, limit),
      ),
  })

  return { eventStore, outbox }
}

/**
 * Makes a fresh in-memory store: the `EventStore` and the `Outbox` share one state,
 * so an append and its outbox messages land together.
 */
export const make = (): {
  readonly eventStore: EventStore["Service"]
  readonly outbox: Outbox["Service"]
} => makeState(emptyState())

/**
 * A layer providing both `EventStore` and `Outbox` from one fresh in-memory state.
 * Each time the layer is built (each `Effect.runPromise` that provides it) the state
 * starts empty.
 */
export const layer: Layer.Layer<EventStore | Outbox> = Layer.effectContext(
  Effect.sync(() => {
    const { eventStore, outbox } = make()
    return Context.add(EventStore.context(eventStore), Outbox, outbox)
  }),
)
