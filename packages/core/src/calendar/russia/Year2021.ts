/**
 * Production calendar 2021 (official).
 *
 * Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»:
 * 2 January → 5 November, 3 January → 31 December, Saturday 20 February (a working day)
 * → 22 February. 1 May, 9 May and 12 June fall on weekends and move by art. 112 part 2.
 * Presidential decrees made 4–7 May (№ 242) and 30 October – 7 November (№ 595)
 * non-working days with pay.
 *
 * @module
 */
import * as LocalDate from "../LocalDate.ts"
import type { YearData } from "../ProductionCalendar.ts"
import {
  article112Part2,
  governmentDecree,
  holidaysOf,
  presidentialDecree,
  transfer,
} from "./Article112.ts"

const d = LocalDate.unsafeFromString

const decree = governmentDecree(
  "Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»",
)
const ukaz242 = presidentialDecree(
  "Указ Президента РФ от 23.04.2021 № 242 «Об установлении на территории Российской Федерации нерабочих дней в мае 2021 г.»",
)
const ukaz595 = presidentialDecree(
  "Указ Президента РФ от 20.10.2021 № 595 «Об установлении на территории Российской Федерации нерабочих дней в октябре — ноябре 2021 г.»",
)

/** The federal production calendar of 2021. */
export const year2021: YearData = {
  year: 2021,
  status: "official",
  sources: [decree, ukaz242, ukaz595],
  holidays: holidaysOf(2021),
  transfers: [
    transfer("2021-01-02", "2021-11-05", decree),
    transfer("2021-01-03", "2021-12-31", decree),
    transfer("2021-02-20", "2021-02-22", decree),
    transfer("2021-05-01", "2021-05-03", article112Part2),
    transfer("2021-05-09", "2021-05-10", article112Part2),
    transfer("2021-06-12", "2021-06-14", article112Part2),
  ],
  nonWorkingPeriods: [
    {
      from: d("2021-05-04"),
      to: d("2021-05-07"),
      reason: "нерабочие дни с сохранением заработной платы (COVID-19)",
      source: ukaz242,
    },
    {
      from: d("2021-10-30"),
      to: d("2021-11-07"),
      reason: "нерабочие дни с сохранением заработной платы (COVID-19)",
      source: ukaz595,
    },
  ],
}
