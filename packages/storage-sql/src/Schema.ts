/**
 * The tables of the store, one logical schema for SQLite and PostgreSQL: events,
 * outbox messages and projection checkpoints. Column types differ only where the
 * dialects do (JSON is `TEXT` on SQLite and `jsonb` on PostgreSQL; integers are
 * `INTEGER` and `bigint`); names, keys and meanings are the same.
 *
 * Instants are stored as epoch milliseconds (an integer) in both dialects, taken from
 * the Effect `Clock` of the caller, never from the database's `now()`: a simulation or a
 * test with `TestClock` sees the same instants in every store.
 *
 * Global order. The events' `position` is assigned so that positions become visible in
 * increasing order and a reader of `readAll` never skips an event that commits later
 * with a lower position:
 * - on SQLite there is one writer at a time, and `position` is the `INTEGER PRIMARY KEY`
 *   (the rowid), so it grows with every commit;
 * - on PostgreSQL every append takes its positions from the single row of
 *   `metodika_event_position` with an `UPDATE … RETURNING`. The row stays locked until
 *   the append commits, so appends assign positions in commit order; a rolled-back
 *   append rolls the counter back too, so positions have no gaps. Appends to different
 *   streams still run concurrently up to that last statement; only the position
 *   assignment and the commit are serialised.
 *
 * @module
 */
import type { ColumnType, Generated } from "kysely"

/** The two SQL dialects the store supports. */
export type Dialect = "sqlite" | "postgres"

/** Names of the tables, for integrators who inspect them or grant rights on them. */
export const tables = {
  events: "metodika_events",
  eventPosition: "metodika_event_position",
  outbox: "metodika_outbox",
  projections: "metodika_projections",
  migrations: "metodika_migration",
  migrationLock: "metodika_migration_lock",
} as const

/**
 * A 64-bit integer column: a number on SQLite; on PostgreSQL `pg` returns `bigint` as a
 * string unless its parser is changed, so readers accept both.
 */
type BigIntColumn = ColumnType<number | string, number, number>

/** One row of `metodika_events`. */
export interface EventsTable {
  /** Global position, strictly increasing in commit order. */
  readonly position: ColumnType<number | string, number | undefined, never>
  /** The event id, unique across the store. */
  readonly event_id: string
  readonly stream_id: string
  readonly stream_type: string
  /** Version in the stream; `(stream_id, version)` is unique. */
  readonly version: number
  readonly event_type: string
  /** JSON text on SQLite, `jsonb` on PostgreSQL. */
  readonly data: unknown
  readonly metadata: unknown
  /** Epoch milliseconds from the appender's Clock. */
  readonly recorded_at: BigIntColumn
}

/** The single row of `metodika_event_position` (PostgreSQL only). */
export interface EventPositionTable {
  readonly id: number
  readonly last_position: BigIntColumn
}

/** One row of `metodika_outbox`. */
export interface OutboxTable {
  /** Insertion order, for "oldest first". */
  readonly seq: Generated<number | string>
  /** The idempotency key. */
  readonly message_id: string
  readonly channel: string
  readonly recipient: string
  readonly payload: unknown
  readonly not_before: BigIntColumn | null
  readonly status: "pending" | "claimed" | "delivered" | "dead"
  readonly attempts: number
  readonly next_attempt_at: BigIntColumn
  readonly last_error: string | null
  readonly claimed_by: string | null
  readonly lease_until: BigIntColumn | null
  readonly created_at: BigIntColumn
}

/** One row of `metodika_projections`: a read model's checkpoint and, for state projections, its state. */
export interface ProjectionsTable {
  readonly name: string
  /** The global position of the last event applied (0 = none). */
  readonly position: BigIntColumn
  /** The state of a state projection as JSON; null for table projections. */
  readonly state: unknown
  readonly updated_at: BigIntColumn
}

/** The Kysely database type of the store's own tables. */
export interface MetodikaDatabase {
  readonly metodika_events: EventsTable
  readonly metodika_event_position: EventPositionTable
  readonly metodika_outbox: OutboxTable
  readonly metodika_projections: ProjectionsTable
}
