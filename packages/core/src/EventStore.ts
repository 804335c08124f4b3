/**
 * The `EventStore` port: append events to a stream with an expected version, read a
 * stream, read everything from a global position. Appends may carry outbox messages
 * that are recorded in the same transaction, so an event that notifies someone can
 * never be recorded without its message, or the other way round.
 *
 * Adapters: the in-memory store of this package (`InMemory`), and the SQLite and
 * PostgreSQL stores of `@metodika/storage-sql`. All of them pass the contract suite in
 * `@metodika/testing`.
 *
 * @module
 */
import { Context, Data, type DateTime, type Effect } from "effect"
import type { EventId, PersonId, StreamId } from "./Ids.ts"
import type { NewOutboxMessage } from "./Outbox.ts"

/** What is recorded with every event besides its data. */
export interface EventMetadata {
  /** The person whose command produced the event. */
  readonly actorId?: PersonId
  /** The command's tag. */
  readonly command?: string
  /** Ties together everything one request caused. */
  readonly correlationId?: string
  /** The id of the command or event that caused this one. */
  readonly causationId?: string
}

/** An event to append: its id makes a re-append of the same batch idempotent. */
export interface NewEvent {
  readonly id: EventId
  /** The event's tag (`"QuestionsSubmitted"`). */
  readonly type: string
  /** The event encoded as JSON-safe data. */
  readonly data: unknown
  readonly metadata: EventMetadata
}

/** An event as stored: with its stream, its version in the stream and its global position. */
export interface StoredEvent extends NewEvent {
  /** Position in the global order, strictly increasing across the store (1, 2, …). */
  readonly position: number
  readonly streamId: StreamId
  readonly streamType: string
  /** Version in the stream: the first event of a stream is version 1. */
  readonly version: number
  /** When the store recorded it. */
  readonly recordedAt: DateTime.Utc
}

/** One append: events for one stream, expected at a version, with outbox messages. */
export interface AppendRequest {
  readonly streamId: StreamId
  readonly streamType: string
  /** The stream's current version as the caller saw it: 0 for a new stream. */
  readonly expectedVersion: number
  readonly events: ReadonlyArray<NewEvent>
  /** Messages recorded in the same transaction as the events. */
  readonly outbox?: ReadonlyArray<NewOutboxMessage>
}

/** What an append recorded. */
export interface AppendResult {
  readonly streamId: StreamId
  /** The stream's version after the append. */
  readonly version: number
  /** Global positions of the appended events, in order. */
  readonly positions: ReadonlyArray<number>
}

/** Options of {@link EventStore.readAll}. */
export interface ReadAllOptions {
  /** Return events with a position strictly greater than this (0 = from the start). */
  readonly after: number
  /** At most this many events. */
  readonly limit: number
}

/**
 * The stream has moved on since the caller read it: another writer appended first.
 * The engine retries from a fresh read.
 */
export class VersionConflict extends Data.TaggedError("VersionConflict")<{
  readonly streamId: StreamId
  readonly expectedVersion: number
  readonly actualVersion: number
}> {
  override get message(): string {
    return `stream ${this.streamId} is at version ${this.actualVersion}, expected ${this.expectedVersion}`
  }
}

/**
 * An event id that is already stored somewhere else than this exact append: ids are
 * unique across the store, and only the same batch at the same place may be re-sent.
 */
export class DuplicateEvent extends Data.TaggedError("DuplicateEvent")<{
  readonly eventId: EventId
  readonly streamId: StreamId
}> {
  override get message(): string {
    return `event ${this.eventId} is already stored and is not part of the same append to ${this.streamId}`
  }
}

/** The store could not be reached or failed; `cause` keeps the driver's error. */
export class StoreUnavailable extends Data.TaggedError("StoreUnavailable")<{
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    const detail = this.cause instanceof Error ? `: ${this.cause.message}` : ""
    return `event store unavailable during ${this.operation}${detail}`
  }
}

/** Stored data that cannot be read back as what it claims to be. */
export class CorruptData extends Data.TaggedError("CorruptData")<{
  readonly detail: string
  readonly cause?: unknown
}> {
  override get message(): string {
    return `corrupt stored data: ${this.detail}`
  }
}

/** Every error an event store operation may fail with. */
export type StoreError = StoreUnavailable | CorruptData

/** The event store port. */
export class EventStore extends Context.Service<
  EventStore,
  {
    /**
     * Appends events at `expectedVersion` with their outbox messages, atomically. Fails
     * with `VersionConflict` when the stream is elsewhere. Re-sending a batch whose
     * event ids are already stored at the same place succeeds and records nothing new.
     */
    readonly append: (
      request: AppendRequest,
    ) => Effect.Effect<AppendResult, VersionConflict | DuplicateEvent | StoreError>
    /** The events of one stream in version order (empty for an unknown stream). */
    readonly readStream: (
      streamId: StreamId,
    ) => Effect.Effect<ReadonlyArray<StoredEvent>, StoreError>
    /** Events of all streams in global order, after a position. */
    readonly readAll: (
      options: ReadAllOptions,
    ) => Effect.Effect<ReadonlyArray<StoredEvent>, StoreError>
  }
>()("@metodika/core/EventStore") {}
