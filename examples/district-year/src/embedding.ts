// The README's embedding example: the engine, a storage layer and one command of the
// unified methodical day. Type-checked with the example; run it with
// `node --conditions=@metodika/source src/embedding.ts`.
import { Actor, Engine, Ids, Presets, Regulations, UnifiedDay } from "@metodika/core"
import * as Sqlite from "@metodika/storage-sql/sqlite"
import { Effect } from "effect"

const { Year } = UnifiedDay
const engine = Engine.make({ regulationFor: Regulations.resolver([Presets.poltavsky]) })
const district = Presets.poltavsky.district.id
const coordinator = Actor.make(Ids.PersonId.make("coordinator"), district, [
  "municipal-coordinator",
])

// EMD-1.2: plan the school year 2025/26; the engine reads the clock, decides, appends.
const planYear = engine.execute(
  Year.definition,
  Year.streamId(district, 2025),
  new Year.PlanYear({ districtId: district, startYear: 2025 }),
  coordinator,
)

const store = Sqlite.layer({ filename: ":memory:" }) // or a file; Postgres.layer({ url }) alike
const { state } = await Effect.runPromise(planYear.pipe(Effect.provide(store)))
console.log(`unified methodical days planned: ${Year.heldDates(state).length}`)
