/**
 * Production calendar 2026 (official).
 *
 * Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»:
 * 3 January → 9 January, 4 January → 31 December. 8 March and 9 May fall on weekends and
 * move to 9 March and 11 May by art. 112 part 2.
 *
 * @module
 */
import type { YearData } from "../ProductionCalendar.ts"
import { article112Part2, governmentDecree, holidaysOf, transfer } from "./Article112.ts"

const decree = governmentDecree(
  "Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»",
)

/** The federal production calendar of 2026. */
export const year2026: YearData = {
  year: 2026,
  status: "official",
  sources: [decree],
  holidays: holidaysOf(2026),
  transfers: [
    transfer("2026-01-03", "2026-01-09", decree),
    transfer("2026-01-04", "2026-12-31", decree),
    transfer("2026-03-08", "2026-03-09", article112Part2),
    transfer("2026-05-09", "2026-05-11", article112Part2),
  ],
  nonWorkingPeriods: [],
}
