/**
 * The notification policy the engine asks, for each decision, which outbox messages
 * the new events cause. The engine records them in the same transaction as the events.
 * The default policy sends nothing; `@metodika/notify` provides the real one.
 *
 * @module
 */

import type { DateTime } from "effect"
import { Context } from "effect"
import type { Actor } from "./Actor.ts"
import type { StreamId } from "./Ids.ts"
import type { NewOutboxMessage } from "./Outbox.ts"

/** What a policy sees of one decision. */
export interface DecisionRecord {
  readonly streamType: string
  readonly streamId: StreamId
  /** The new events, decoded, in order, with the ids they are stored under. */
  readonly events: ReadonlyArray<{ readonly id: string; readonly event: { readonly _tag: string } }>
  /** The stream's state after the events. */
  readonly state: unknown
  readonly now: DateTime.Utc
  readonly actor: Actor
  /** The regulation settings in force for the decision. */
  readonly regulation: unknown
}

/** A pure mapping from a decision to the messages it causes. */
export interface Policy {
  readonly messagesFor: (decision: DecisionRecord) => ReadonlyArray<NewOutboxMessage>
}

/** The policy in effect; none by default. */
export const NotificationPolicy = Context.Reference<Policy>("@metodika/core/NotificationPolicy", {
  defaultValue: () => ({ messagesFor: () => [] }),
})
