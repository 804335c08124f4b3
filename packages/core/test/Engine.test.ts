import { DateTime, Effect, Exit, Layer, Result } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import * as Actor from "../src/Actor.ts"
import * as Engine from "../src/Engine.ts"
import { EventStore, VersionConflict } from "../src/EventStore.ts"
import * as Facade from "../src/Facade.ts"
import { IdGenerator, sequential } from "../src/IdGenerator.ts"
import { DistrictId, EventId, MessageId, PersonId, StreamId } from "../src/Ids.ts"
import * as InMemory from "../src/InMemory.ts"
import { NotificationPolicy } from "../src/NotificationPolicy.ts"
import { Outbox } from "../src/Outbox.ts"
import { Comment, Draft, definition, Publish, Submit } from "./ReviewDecider.ts"
import { decoratedMemory } from "./Stores.ts"

const district = DistrictId.make("omsk-poltava")
const teacher = Actor.make(PersonId.make("t-1"), district, ["teacher"])
const stream = StreamId.make("review:doc-1")
const engine = Engine.make({ regulationFor: () => Effect.succeed({}) })

let interleavedAppends = 0
/** A store whose reads yield to other fibers, so concurrent commands really interleave. */
const interleavingStore = decoratedMemory((store) => ({
  readStream: (id) => Effect.andThen(Effect.yieldNow, store.readStream(id)),
  append: (request) =>
    Effect.andThen(
      Effect.sync(() => interleavedAppends++),
      Effect.andThen(Effect.yieldNow, store.append(request)),
    ),
}))

describe("Engine", () => {
  it("records the decided events with versions, positions and the actor", async () => {
    const program = Effect.gen(function* () {
      yield* engine.execute(definition, stream, new Draft({ title: "План" }), teacher)
      const done = yield* engine.execute(definition, stream, new Submit({}), teacher)
      const stored = yield* EventStore.use((s) => s.readStream(stream))
      return { done, stored }
    })
    const { done, stored } = await Effect.runPromise(program.pipe(Effect.provide(InMemory.layer)))
    expect(done.version).toBe(2)
    expect(done.state.status).toBe("submitted")
    expect(stored.map((e) => [e.version, e.type, e.metadata.actorId])).toEqual([
      [1, "Drafted", "t-1"],
      [2, "Submitted", "t-1"],
    ])
  })

  it("refuses a command whose actor lacks the role, naming the role needed", async () => {
    const exit = await Effect.runPromiseExit(
      engine
        .execute(definition, stream, new Publish({}), teacher)
        .pipe(Effect.provide(InMemory.layer)),
    )
    expect(Exit.isFailure(exit)).toBe(true)
    const error = await Effect.runPromise(
      Effect.flip(engine.execute(definition, stream, new Publish({}), teacher)).pipe(
        Effect.provide(InMemory.layer),
      ),
    )
    expect(error._tag).toBe("Forbidden")
    expect(error instanceof Actor.Forbidden && error.needed).toEqual(["municipal-coordinator"])
  })

  it("takes the instant from the clock and ids from the IdGenerator", async () => {
    const program = Effect.gen(function* () {
      yield* TestClock.setTime(Date.UTC(2025, 8, 4, 5, 0))
      yield* engine.execute(definition, stream, new Draft({ title: "x" }), teacher)
      return yield* EventStore.use((s) => s.readStream(stream))
    })
    const [event] = await Effect.runPromise(
      program.pipe(
        Effect.provideService(IdGenerator, sequential("ev")),
        Effect.provide(Layer.mergeAll(InMemory.layer, TestClock.layer())),
      ),
    )
    expect(event?.id).toBe(EventId.make("ev-1"))
    expect(event && new Date(DateTime.toEpochMillis(event.recordedAt)).toISOString()).toBe(
      "2025-09-04T05:00:00.000Z",
    )
  })

  it("records the policy's outbox messages with the events", async () => {
    const policy = {
      messagesFor: () => [
        { id: MessageId.make("m-1"), channel: "email", recipient: "a@b.ru", payload: { n: 1 } },
      ],
    }
    const program = Effect.gen(function* () {
      yield* engine.execute(definition, stream, new Draft({ title: "x" }), teacher)
      return yield* Outbox.use((o) => o.list("pending"))
    })
    const pending = await Effect.runPromise(
      program.pipe(
        Effect.provideService(NotificationPolicy, policy),
        Effect.provide(InMemory.layer),
      ),
    )
    expect(pending.map((m) => m.id)).toEqual(["m-1"])
  })

  it("lands or refuses each of 50 concurrent commands on one stream, with no gap, duplicate or loss", async () => {
    const program = Effect.gen(function* () {
      yield* engine.execute(definition, stream, new Draft({ title: "x" }), teacher)
      const results = yield* Effect.all(
        Array.from({ length: 50 }, (_, i) =>
          Effect.result(
            engine.execute(definition, stream, new Comment({ text: `c${i}` }), teacher),
          ),
        ),
        { concurrency: "unbounded" },
      )
      const stored = yield* EventStore.use((s) => s.readStream(stream))
      return { results, stored }
    })
    const { results, stored } = await Effect.runPromise(
      program.pipe(Effect.provide(interleavingStore)),
    )
    const landed = results.filter(Result.isSuccess)
    const failed = results.filter(Result.isFailure)
    for (const f of failed) expect(f.failure._tag).toBe("VersionConflict")
    expect(landed.length + failed.length).toBe(50)
    expect(landed.length).toBeGreaterThan(0)
    expect(stored.map((e) => e.version)).toEqual(stored.map((_, i) => i + 1))
    expect(stored.length).toBe(1 + landed.length)
    const texts = stored.slice(1).map((e) => (e.data as { text: string }).text)
    expect(new Set(texts).size).toBe(texts.length)
    expect(new Set(landed.map((r) => r.success.version)).size).toBe(landed.length)
    // The interleaving made commands collide, so the retry path really ran.
    expect(interleavedAppends).toBeGreaterThan(51)
  })

  it("gives up after the configured number of conflict retries with a typed VersionConflict", async () => {
    let appends = 0
    const alwaysConflicting = decoratedMemory(() => ({
      append: (request) =>
        Effect.suspend(() => {
          appends++
          return Effect.fail(
            new VersionConflict({
              streamId: request.streamId,
              expectedVersion: request.expectedVersion,
              actualVersion: request.expectedVersion + 1,
            }),
          )
        }),
    }))
    const strict = Engine.make({ regulationFor: () => Effect.succeed({}), maxConflictRetries: 2 })
    const error = await Effect.runPromise(
      Effect.flip(strict.execute(definition, stream, new Draft({ title: "x" }), teacher)).pipe(
        Effect.provide(alwaysConflicting),
      ),
    )
    expect(error._tag).toBe("VersionConflict")
    expect(appends).toBe(3)
  })
})

describe("Facade", () => {
  it("runs commands with promises and rejects with the typed error", async () => {
    const metodika = Facade.make({ layer: InMemory.layer, regulationFor: () => Effect.succeed({}) })
    const done = await metodika.execute(definition, stream, new Draft({ title: "x" }), teacher)
    expect(done.state.status).toBe("draft")
    await expect(
      metodika.execute(definition, stream, new Draft({ title: "y" }), teacher),
    ).rejects.toMatchObject({ _tag: "WrongState", status: "draft" })
    expect((await metodika.load(definition, stream)).version).toBe(1)
    expect((await metodika.readAll({ after: 0, limit: 10 })).length).toBe(1)
    await metodika.dispose()
  })

  it("runs a unit of work: its commands commit together, or none when the callback rejects", async () => {
    const metodika = Facade.make({ layer: InMemory.layer, regulationFor: () => Effect.succeed({}) })
    const a = StreamId.make("review:a")
    const b = StreamId.make("review:b")
    const c = StreamId.make("review:c")
    const seen = await metodika.unitOfWork(async (tx) => {
      await tx.execute(definition, a, new Draft({ title: "a" }), teacher)
      await tx.execute(definition, b, new Draft({ title: "b" }), teacher)
      // The unit reads its own writes.
      return (await tx.load(definition, b)).version
    })
    expect(seen).toBe(1)
    await expect(
      metodika.unitOfWork(async (tx) => {
        await tx.execute(definition, c, new Draft({ title: "c" }), teacher)
        // Refused: `a` is a draft already; the draft of `c` goes with it.
        await tx.execute(definition, a, new Draft({ title: "again" }), teacher)
      }),
    ).rejects.toMatchObject({ _tag: "WrongState", status: "draft" })
    await expect(
      metodika.unitOfWork(async () => {
        throw new Error("the caller changed its mind")
      }),
    ).rejects.toThrow("the caller changed its mind")
    expect((await metodika.load(definition, c)).version).toBe(0)
    const all = await metodika.readAll({ after: 0, limit: 10 })
    expect(all.map((e) => e.streamId)).toEqual([a, b])
    await metodika.dispose()
  })
})

describe("InMemory store", () => {
  it("refuses a batch that repeats an event id, as the SQL stores do", async () => {
    const id = EventId.make("same")
    const event = { id, type: "Drafted", data: { title: "x" }, metadata: {} }
    const error = await Effect.runPromise(
      Effect.flip(
        EventStore.use((s) =>
          s.append({
            streamId: stream,
            streamType: "review",
            expectedVersion: 0,
            events: [event, event],
          }),
        ),
      ).pipe(Effect.provide(InMemory.layer)),
    )
    expect(error._tag).toBe("DuplicateEvent")
  })
})
