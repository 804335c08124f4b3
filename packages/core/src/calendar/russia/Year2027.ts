/**
 * Production calendar 2027 (PROJECTED, not official).
 *
 * The government's decree on transfers of days off in 2027 is not encoded: it was not
 * known with certainty when this data was written. Only the Labour Code is applied: the
 * holidays of art. 112 part 1 and the automatic moves of part 2 (1 May, 9 May and 12 June
 * fall on weekends → 3 May, 10 May, 14 June). The decree will also move the two January
 * weekend days that coincide with holidays (2 and 3 January 2027) to other dates, and may
 * replace the automatic moves, so until then some days shown as working (for example
 * 5 November or 31 December 2027) may turn out to be days off. When the decree appears,
 * replace this year with `ProductionCalendar.withYears` or a library update.
 *
 * @module
 */
import type { Source, YearData } from "../ProductionCalendar.ts"
import { article112Part2, holidaysOf, transfer } from "./Article112.ts"

const projection: Source = {
  kind: "projection",
  citation:
    "Проект: постановление Правительства РФ о переносе выходных дней в 2027 году не учтено; применены только ст. 112 ТК РФ",
}

/** The federal production calendar of 2027, projected from the Labour Code alone. */
export const year2027: YearData = {
  year: 2027,
  status: "projected",
  sources: [projection, article112Part2],
  holidays: holidaysOf(2027),
  transfers: [
    transfer("2027-05-01", "2027-05-03", article112Part2),
    transfer("2027-05-09", "2027-05-10", article112Part2),
    transfer("2027-06-12", "2027-06-14", article112Part2),
  ],
  nonWorkingPeriods: [],
  note: "Projected: the government decree on 2027 transfers is not encoded; January 2 and 3 are not yet moved.",
}
