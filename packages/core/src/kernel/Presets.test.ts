import { DateTime, Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as K from "../../../testing/src/arbitraries/Kernel.ts"
import * as LocalDate from "../calendar/LocalDate.ts"
import * as Presets from "./Presets.ts"
import * as Regulation from "./Regulation.ts"
import { decodeSettings, encodeSettings, Settings } from "./Settings.ts"

const latest = (p: Presets.Preset) =>
  p.regulation.versions[p.regulation.versions.length - 1]!.content

describe("Presets", () => {
  it("has one preset per seed district, each in its real time zone", () => {
    const zones = Object.fromEntries(
      Presets.all.map((p) => [p.district.name, DateTime.zoneToString(p.district.timeZone)]),
    )
    expect(zones).toEqual({
      "Подосиновский район": "Europe/Kirov",
      "Полтавский муниципальный район": "Asia/Omsk",
      "Ровеньский район": "Europe/Moscow",
      "Назаровский район": "Asia/Krasnoyarsk",
      "Партизанский городской округ": "Asia/Vladivostok",
    })
    for (const p of Presets.all) {
      expect(DateTime.zoneToString(latest(p).calendar.timeZone)).toBe(
        DateTime.zoneToString(p.district.timeZone),
      )
    }
  })

  it("makes each preset a regulation approved by an order, valid as settings", () => {
    for (const p of Presets.all) {
      expect(Schema.is(Regulation.schema(Settings))(p.regulation)).toBe(true)
      const v = p.regulation.versions[0]
      expect(v.approvedBy.date <= v.effectiveFrom).toBe(true)
      expect(Result.isSuccess(Regulation.inForce(p.regulation, v.effectiveFrom))).toBe(true)
    }
  })

  it("COMM-order cites the Nazarovo order No. 91 of 4 June 2020", () => {
    const v = Presets.nazarovsky.regulation.versions[0]
    expect(v.approvedBy.number).toBe("91")
    expect(v.approvedBy.date).toBe("2020-06-04")
    expect(v.effectiveFrom).toBe("2020-06-04")
  })

  it("EMD-1.2/2.7/2.9/2.10 gives the Poltava preset Thursday, T−8, T−6 and T−3 by 11:00", () => {
    const emd = latest(Presets.poltavsky).emd
    expect(emd.weekday).toBe(4)
    expect(emd.materials.offsetDays).toBe(-8)
    expect(emd.videoconference.offsetDays).toBe(-6)
    expect(emd.questions).toEqual({ offsetDays: -3, time: { hour: 11, minute: 0 } })
    expect(emd.progressSheetDue).toBe("last-working-day")
  })

  it("ASSET-3.1 gives the Partizansk preset the four bases (a)–(d) and ASSET-3.2 no fixed size", () => {
    const asset = latest(Presets.partizansky).asset
    expect(asset.bases.map((b) => b.id)).toEqual(["a", "b", "c", "d"])
    expect(asset.bases[0]!.criteria).toContainEqual({ _tag: "ExperienceAtLeast", years: 5 })
    expect(asset.plannedSize).toBeUndefined()
  })

  it("uses the federal attestation rules: five years before 2023-09-01, no end after", () => {
    for (const p of Presets.all) {
      expect(latest(p).qualification).toEqual({
        legacyTermYears: 5,
        cutOver: LocalDate.unsafeFromString("2023-09-01"),
      })
    }
  })

  it("round-trips every preset through JSON", () => {
    for (const p of Presets.all) {
      const json = JSON.parse(JSON.stringify(encodeSettings(latest(p))))
      const back = decodeSettings(json)
      expect(Result.isSuccess(back) && encodeSettings(back.success)).toEqual(
        encodeSettings(latest(p)),
      )
    }
  })
})

describe("Presets.copy", () => {
  it("copies a preset unchanged without overrides", () => {
    const copied = Presets.copy(Presets.poltavsky)
    expect(Result.isSuccess(copied) && encodeSettings(copied.success)).toEqual(
      encodeSettings(latest(Presets.poltavsky)),
    )
  })

  it("changes any setting at any depth and keeps the rest", () => {
    const copied = Presets.copy(Presets.poltavsky, {
      calendar: { timeZone: "Asia/Novosibirsk", schoolYear: { end: "06-30" } },
      emd: { weekday: 3, questions: { time: { hour: 12 } } },
      qualification: { legacyTermYears: 4 },
      asset: { plannedSize: 25 },
    })
    if (Result.isFailure(copied)) throw copied.failure
    const s = copied.success
    expect(DateTime.zoneToString(s.calendar.timeZone)).toBe("Asia/Novosibirsk")
    expect(s.calendar.schoolYear).toEqual({ start: "09-01", end: "06-30" })
    expect(s.emd.weekday).toBe(3)
    expect(s.emd.questions).toEqual({ offsetDays: -3, time: { hour: 12, minute: 0 } })
    expect(s.emd.materials.offsetDays).toBe(-8)
    expect(s.qualification.legacyTermYears).toBe(4)
    expect(s.asset.plannedSize).toBe(25)
    expect(s.asset.bases.length).toBe(4)
  })

  it("ASSET-3.1 lets a district change a threshold or add a basis without code", () => {
    const bases = encodeSettings(latest(Presets.partizansky)).asset.bases
    // The district's JSON, as it would arrive from its editor.
    const overrides: unknown = {
      asset: {
        bases: [
          ...bases.map((b) =>
            b.id === "a"
              ? {
                  ...b,
                  criteria: b.criteria.map((c) =>
                    c._tag === "ExperienceAtLeast" ? { ...c, years: 3 } : c,
                  ),
                }
              : b,
          ),
          {
            id: "e",
            title: { ru: "педагог-наставник", en: "teacher-mentor" },
            criteria: [{ _tag: "QualificationHeld", qualifications: ["mentor"] }],
          },
        ],
      },
    }
    const copied = Presets.copy(Presets.partizansky, overrides as Presets.Overrides)
    if (Result.isFailure(copied)) throw copied.failure
    expect(copied.success.asset.bases.map((b) => b.id)).toEqual(["a", "b", "c", "d", "e"])
    expect(copied.success.asset.bases[0]!.criteria).toContainEqual({
      _tag: "ExperienceAtLeast",
      years: 3,
    })
  })

  it("refuses an invalid override with a typed error that names the setting", () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [{ emd: { weekday: 9 } }, "emd.weekday"],
      [{ calendar: { timeZone: "Mars/Olympus" } }, "calendar.timeZone"],
      [{ calendar: { schoolYear: { start: "02-30" } } }, "calendar.schoolYear.start"],
      [{ qualification: { cutOver: "2023-13-01" } }, "qualification.cutOver"],
      [{ emd: { colour: "red" } }, "emd.colour"],
      [JSON.parse('{"__proto__": {"x": 1}}'), "__proto__"],
    ]
    for (const [overrides, path] of cases) {
      const result = Presets.copy(Presets.poltavsky, overrides as Presets.Overrides)
      if (Result.isSuccess(result)) throw new Error(`accepted ${JSON.stringify(overrides)}`)
      expect(result.failure._tag).toBe("DecodeError")
      expect(result.failure.issues.map((i) => i.path).join(" ")).toContain(path)
    }
    const twiceJson: unknown = {
      asset: {
        bases: [
          ...encodeSettings(latest(Presets.partizansky)).asset.bases,
          encodeSettings(latest(Presets.partizansky)).asset.bases[0]!,
        ],
      },
    }
    const twice = Presets.copy(Presets.partizansky, twiceJson as Presets.Overrides)
    expect(Result.isFailure(twice) && twice.failure.message).toContain(
      'the basis code "a" is used twice',
    )
  })

  it("yields settings equal to the patched encoding for any valid settings (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Presets.all), K.settings, (preset, target) => {
        const copied = Presets.copy(preset, encodeSettings(target) as Presets.Overrides)
        expect(Result.isSuccess(copied) && encodeSettings(copied.success)).toEqual(
          encodeSettings(target),
        )
      }),
      { numRuns: 200 },
    )
  })
})
