/**
 * Production calendar 2024 (official).
 *
 * Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»:
 * 6 January → 10 May, 7 January → 31 December, Saturday 27 April → 29 April, Saturday
 * 2 November → 30 April, Saturday 28 December → 30 December. No holiday falls on a
 * weekend outside January, so art. 112 part 2 moves nothing.
 *
 * @module
 */
import type { YearData } from "../ProductionCalendar.ts"
import { governmentDecree, holidaysOf, transfer } from "./Article112.ts"

const decree = governmentDecree(
  "Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»",
)

/** The federal production calendar of 2024. */
export const year2024: YearData = {
  year: 2024,
  status: "official",
  sources: [decree],
  holidays: holidaysOf(2024),
  transfers: [
    transfer("2024-01-06", "2024-05-10", decree),
    transfer("2024-01-07", "2024-12-31", decree),
    transfer("2024-04-27", "2024-04-29", decree),
    transfer("2024-11-02", "2024-04-30", decree),
    transfer("2024-12-28", "2024-12-30", decree),
  ],
  nonWorkingPeriods: [],
}
