/**
 * Production calendar 2022 (official).
 *
 * Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»:
 * 1 January → 3 May, 2 January → 10 May, Saturday 5 March (a working day) → 7 March.
 * 1 May and 12 June fall on Sundays and move by art. 112 part 2.
 *
 * @module
 */
import type { YearData } from "../ProductionCalendar.ts"
import { article112Part2, governmentDecree, holidaysOf, transfer } from "./Article112.ts"

const decree = governmentDecree(
  "Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»",
)

/** The federal production calendar of 2022. */
export const year2022: YearData = {
  year: 2022,
  status: "official",
  sources: [decree],
  holidays: holidaysOf(2022),
  transfers: [
    transfer("2022-01-01", "2022-05-03", decree),
    transfer("2022-01-02", "2022-05-10", decree),
    transfer("2022-03-05", "2022-03-07", decree),
    transfer("2022-05-01", "2022-05-02", article112Part2),
    transfer("2022-06-12", "2022-06-13", article112Part2),
  ],
  nonWorkingPeriods: [],
}
