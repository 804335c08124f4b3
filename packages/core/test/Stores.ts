/**
 * Test helper: the in-memory store with some of its `EventStore` operations wrapped,
 * to count calls, force interleaving or inject failures. Not part of the public API.
 */
import { Effect, Layer } from "effect"
import { EventStore } from "../src/EventStore.ts"
import * as InMemory from "../src/InMemory.ts"
import type { Outbox } from "../src/Outbox.ts"

export const decoratedMemory = (
  wrap: (store: EventStore["Service"]) => Partial<EventStore["Service"]>,
): Layer.Layer<EventStore | Outbox> =>
  Layer.effect(
    EventStore,
    Effect.map(Effect.service(EventStore), (store) => EventStore.of({ ...store, ...wrap(store) })),
  ).pipe(Layer.provideMerge(InMemory.layer))
