/**
 * Production calendar 2020 (official).
 *
 * Постановление Правительства РФ от 10.07.2019 № 875 «О переносе выходных дней в 2020 году»
 * moves 4 and 5 January to 4 and 5 May; 23 February, 8 March and 9 May fall on weekends
 * and move by art. 112 part 2. The presidential decrees of the COVID-19 spring made
 * 30 March – 8 May non-working (№ 206, № 239, № 294), and two one-off decrees made
 * 24 June (the Victory Parade) and 1 July (the vote on amendments to the Constitution)
 * non-working days.
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
  "Постановление Правительства РФ от 10.07.2019 № 875 «О переносе выходных дней в 2020 году»",
)
const ukaz206 = presidentialDecree(
  "Указ Президента РФ от 25.03.2020 № 206 «Об объявлении в Российской Федерации нерабочих дней»",
)
const ukaz239 = presidentialDecree(
  "Указ Президента РФ от 02.04.2020 № 239 «О мерах по обеспечению санитарно-эпидемиологического благополучия населения на территории Российской Федерации в связи с распространением новой коронавирусной инфекции (COVID-19)»",
)
const ukaz294 = presidentialDecree(
  "Указ Президента РФ от 28.04.2020 № 294 «О продлении действия мер по обеспечению санитарно-эпидемиологического благополучия населения в Российской Федерации в связи с распространением новой коронавирусной инфекции (COVID-19)»",
)
const ukaz345 = presidentialDecree(
  "Указ Президента РФ от 29.05.2020 № 345: 24 июня 2020 г. — нерабочий день (Парад Победы)",
)
const ukaz354 = presidentialDecree(
  "Указ Президента РФ от 01.06.2020 № 354 «Об определении даты проведения общероссийского голосования по вопросу одобрения изменений в Конституцию Российской Федерации»: 1 июля 2020 г. — нерабочий день",
)

/** The federal production calendar of 2020. */
export const year2020: YearData = {
  year: 2020,
  status: "official",
  sources: [decree, ukaz206, ukaz239, ukaz294, ukaz345, ukaz354],
  holidays: holidaysOf(2020),
  transfers: [
    transfer("2020-01-04", "2020-05-04", decree),
    transfer("2020-01-05", "2020-05-05", decree),
    transfer("2020-02-23", "2020-02-24", article112Part2),
    transfer("2020-03-08", "2020-03-09", article112Part2),
    transfer("2020-05-09", "2020-05-11", article112Part2),
  ],
  nonWorkingPeriods: [
    {
      from: d("2020-03-30"),
      to: d("2020-04-03"),
      reason: "нерабочие дни с сохранением заработной платы (COVID-19)",
      source: ukaz206,
    },
    {
      from: d("2020-04-04"),
      to: d("2020-04-30"),
      reason: "нерабочие дни с сохранением заработной платы (COVID-19)",
      source: ukaz239,
    },
    {
      from: d("2020-05-06"),
      to: d("2020-05-08"),
      reason: "нерабочие дни с сохранением заработной платы (COVID-19)",
      source: ukaz294,
    },
    {
      from: d("2020-06-24"),
      to: d("2020-06-24"),
      reason: "нерабочий день: Парад Победы",
      source: ukaz345,
    },
    {
      from: d("2020-07-01"),
      to: d("2020-07-01"),
      reason: "нерабочий день: общероссийское голосование по поправкам к Конституции",
      source: ukaz354,
    },
  ],
}
