import { InMemory } from "@metodika/core"
import * as EventStoreSuite from "./EventStoreSuite.ts"
import * as OutboxSuite from "./OutboxSuite.ts"

EventStoreSuite.suite("in-memory", () => InMemory.layer)
OutboxSuite.suite("in-memory", () => InMemory.layer)
