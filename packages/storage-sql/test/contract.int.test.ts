import { EventStoreSuite, OutboxSuite } from "@metodika/testing"
import { DIALECTS } from "./dialects.ts"

for (const dialect of DIALECTS) {
  EventStoreSuite.suite(dialect.name, dialect.makeLayer)
  OutboxSuite.suite(dialect.name, dialect.makeLayer)
}
