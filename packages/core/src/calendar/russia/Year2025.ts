/**
 * Production calendar 2025 (official).
 *
 * Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»:
 * 4 January → 2 May, 5 January → 31 December, Sunday 23 February → 8 May, Saturday
 * 8 March → 13 June, Saturday 1 November (a working day) → 3 November. The decree itself
 * moves the days off of 23 February and 8 March, so 24 February and 10 March stay
 * working days: art. 112 part 5 lets the government override part 2.
 *
 * @module
 */
import type { YearData } from "../ProductionCalendar.ts"
import { governmentDecree, holidaysOf, transfer } from "./Article112.ts"

const decree = governmentDecree(
  "Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»",
)

/** The federal production calendar of 2025. */
export const year2025: YearData = {
  year: 2025,
  status: "official",
  sources: [decree],
  holidays: holidaysOf(2025),
  transfers: [
    transfer("2025-01-04", "2025-05-02", decree),
    transfer("2025-01-05", "2025-12-31", decree),
    transfer("2025-02-23", "2025-05-08", decree),
    transfer("2025-03-08", "2025-06-13", decree),
    transfer("2025-11-01", "2025-11-03", decree),
  ],
  nonWorkingPeriods: [],
}
