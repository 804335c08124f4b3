import { EventStoreSuite, OutboxSuite, UnitOfWorkSuite } from "@metodika/testing"
import { DIALECTS } from "./dialects.ts"

for (const dialect of DIALECTS) {
  EventStoreSuite.suite(dialect.name, dialect.makeLayer)
  OutboxSuite.suite(dialect.name, dialect.makeLayer)
  UnitOfWorkSuite.suite(dialect.name, dialect.makeLayer, { numRuns: 10, timeout: 60_000 })
}
