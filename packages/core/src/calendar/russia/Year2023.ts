/**
 * Production calendar 2023 (official).
 *
 * Постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»:
 * 1 January → 24 February, 8 January → 8 May. 4 November falls on a Saturday and moves
 * to 6 November by art. 112 part 2.
 *
 * @module
 */
import type { YearData } from "../ProductionCalendar.ts"
import { article112Part2, governmentDecree, holidaysOf, transfer } from "./Article112.ts"

const decree = governmentDecree(
  "Постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»",
)

/** The federal production calendar of 2023. */
export const year2023: YearData = {
  year: 2023,
  status: "official",
  sources: [decree],
  holidays: holidaysOf(2023),
  transfers: [
    transfer("2023-01-01", "2023-02-24", decree),
    transfer("2023-01-08", "2023-05-08", decree),
    transfer("2023-11-04", "2023-11-06", article112Part2),
  ],
  nonWorkingPeriods: [],
}
