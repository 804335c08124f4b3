import { InMemory } from "@metodika/core"
import * as EventStoreSuite from "./EventStoreSuite.ts"
import * as OutboxSuite from "./OutboxSuite.ts"
import * as UnitOfWorkSuite from "./UnitOfWorkSuite.ts"

EventStoreSuite.suite("in-memory", () => InMemory.layer)
OutboxSuite.suite("in-memory", () => InMemory.layer)
UnitOfWorkSuite.suite("in-memory", () => InMemory.layer, { readsUncommitted: true })
