import { join } from "node:path"
import { EventStore, Ids, Outbox } from "@metodika/core"
import { Effect } from "effect"
import { sql } from "kysely"
import { describe, expect, it } from "vitest"
import { DIALECTS, scopedTempDir } from "../test/dialects.ts"
import * as Postgres from "./postgres.ts"
import { SqlDatabase } from "./SqlDatabase.ts"
import * as Sqlite from "./sqlite.ts"

const append = (id: string, type = "Noted") =>
  Effect.flatMap(EventStore.EventStore, (store) =>
    store.append({
      streamId: Ids.StreamId.make("route-1"),
      streamType: "route",
      expectedVersion: 0,
      events: [
        {
          id: Ids.EventId.make(id),
          type,
          data: { тема: "Функциональная грамотность" },
          metadata: {},
        },
      ],
      outbox: [
        {
          id: Ids.MessageId.make(`${id}-mail`),
          channel: "email",
          recipient: "a@school.example",
          payload: {},
        },
      ],
    }),
  )

const execute = (statement: ReturnType<typeof sql>) =>
  Effect.flatMap(SqlDatabase, (database) =>
    Effect.promise(() => statement.execute(database.kysely)),
  )

for (const dialect of DIALECTS) {
  describe(`SQL event store (${dialect.name})`, () => {
    it("a stored event that no longer decodes fails reads with CorruptData naming the row and the column", async () => {
      const errors = await Effect.runPromise(
        Effect.gen(function* () {
          yield* append("e1")
          yield* execute(
            dialect.dialect === "sqlite"
              ? sql`update metodika_events set data = '{"тема": "обрыв' where event_id = 'e1'`
              : sql`update metodika_events set metadata = '[1, 2]'::jsonb where event_id = 'e1'`,
          )
          const store = yield* EventStore.EventStore
          return [
            yield* Effect.flip(store.readStream(Ids.StreamId.make("route-1"))),
            yield* Effect.flip(store.readAll({ after: 0, limit: 10 })),
          ]
        }).pipe(Effect.provide(dialect.makeLayer())),
      )
      for (const error of errors) {
        expect(error._tag).toBe("CorruptData")
        expect(error.message).toMatch(/event row position=\d+ event_id=e1/)
        expect(error.message).toContain(
          dialect.dialect === "sqlite" ? "data is not valid JSON" : "metadata is not an object",
        )
      }
      if (dialect.dialect === "sqlite") expect(errors[0]!.cause).toBeInstanceOf(SyntaxError)
    })

    it("an append whose transaction fails after its outbox rows leaves neither, and keeps the database's error", async () => {
      const result = await Effect.runPromise(
        Effect.gen(function* () {
          yield* execute(
            dialect.dialect === "sqlite"
              ? sql`create trigger refuse_boom before insert on metodika_events when new.event_type = 'Boom'
                    begin select raise(abort, 'refused by a trigger'); end`
              : sql`create function refuse_boom() returns trigger language plpgsql as $$
                    begin if new.event_type = 'Boom' then raise exception 'refused by a trigger'; end if; return new; end $$`,
          )
          if (dialect.dialect === "postgres") {
            yield* execute(
              sql`create trigger refuse_boom before insert on metodika_events for each row execute function refuse_boom()`,
            )
          }
          const error = yield* Effect.flip(append("e1", "Boom"))
          const store = yield* EventStore.EventStore
          const outbox = yield* Outbox.Outbox
          return {
            error,
            events: yield* store.readAll({ after: 0, limit: 10 }),
            message: yield* outbox.get(Ids.MessageId.make("e1-mail")),
            next: yield* append("e2"),
          }
        }).pipe(Effect.provide(dialect.makeLayer())),
      )
      expect(result.error._tag).toBe("StoreUnavailable")
      expect(result.error.message).toContain("refused by a trigger")
      expect(result.error).toHaveProperty("cause")
      expect(result.events).toEqual([])
      expect(result.message).toBeUndefined()
      expect(result.next.version).toBe(1)
    })
  })
}

describe("an unreachable database", () => {
  it("PostgreSQL: building the layer fails with StoreUnavailable keeping the driver's error", async () => {
    const error = await Effect.runPromise(
      Effect.flip(
        Effect.provide(
          Effect.void,
          Postgres.layer({
            url: "postgres://postgres@127.0.0.1:1/postgres",
            connectionTimeoutMillis: 2_000,
          }),
        ),
      ),
    )
    expect(error._tag).toBe("StoreUnavailable")
    expect((error.cause as { code?: string }).code).toBe("ECONNREFUSED")
  })

  it("SQLite: a file in a directory that does not exist fails with StoreUnavailable", async () => {
    const error = await Effect.runPromise(
      Effect.scoped(
        Effect.flatMap(scopedTempDir, (dir) =>
          Effect.flip(
            Effect.provide(Effect.void, Sqlite.layer({ filename: join(dir, "missing", "x.db") })),
          ),
        ),
      ),
    )
    expect(error).toMatchObject({ _tag: "StoreUnavailable", operation: "open" })
    expect(error.message).toContain("directory does not exist")
  })

  it("SQLite: an operation on a closed connection fails with StoreUnavailable", async () => {
    const error = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const store = yield* Sqlite.make({ filename: ":memory:" })
          store.database.ownedSqlite?.handle.close()
          return yield* Effect.flip(store.eventStore.readAll({ after: 0, limit: 1 }))
        }),
      ),
    )
    expect(error._tag).toBe("StoreUnavailable")
  })
})
