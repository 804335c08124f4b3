/**
 * From a decision to a parsed e-mail: the engine records the unified day's events with
 * the messages the policy asks for, the dispatcher sends them over SMTP to a real
 * server started here, and the message is read back with mailparser: subject, bodies,
 * recipients and the `.ics` invite, whose start is checked as an instant in UTC.
 */
import { type Actor, Ids, InMemory, Notifier, Outbox, UnifiedDay } from "@metodika/core"
import { DateTime, Effect, Layer, Logger } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import * as F from "../test/Emd.ts"
import * as SmtpReceiver from "../test/SmtpReceiver.ts"
import * as Directory from "./Directory.ts"
import * as Dispatcher from "./Dispatcher.ts"
import * as EmailChannel from "./EmailChannel.ts"
import * as ICalendar from "./ICalendar.ts"
import * as Policy from "./Policy.ts"
import * as UnifiedDayPolicy from "./UnifiedDayPolicy.ts"

const S = F.school("school-7")
const T = F.date("2025-10-16")

const { Cycle } = UnifiedDay

const regulation = F.regulation([{ target: "emd.questions", hoursBefore: 24 }])

const directory = Directory.fromList(
  [
    {
      personId: F.person("coordinator"),
      districtId: F.district,
      roles: [{ role: "municipal-coordinator" }],
      addresses: { email: "coordinator@mmc.example" },
    },
    {
      personId: F.person(`leader-${S}`),
      districtId: F.district,
      roles: [{ role: "school-leader", organisationId: S }],
      name: "Мария Петровна",
      fullName: "Иванова Мария Петровна",
      addresses: { email: "ivanova@school7.example" },
    },
  ],
  { [S]: "МБОУ СОШ № 7" },
)

/** The UTC instant of a `DTSTART;TZID=…:YYYYMMDDTHHMMSS` line, using the invite's own VTIMEZONE. */
const startInUtc = (lines: ReadonlyArray<string>) => {
  const start = lines.find((l) => l.startsWith("DTSTART;TZID="))!
  const [, zone, local] = /^DTSTART;TZID=([^:]+):(\d{8}T\d{6})$/.exec(start)!
  const tzStart = lines.indexOf(`TZID:${zone}`)
  const offset = lines
    .slice(tzStart)
    .find((l) => l.startsWith("TZOFFSETTO:"))!
    .slice(11)
  const sign = offset.startsWith("-") ? -1 : 1
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)))
  const wall = Date.UTC(
    Number(local!.slice(0, 4)),
    Number(local!.slice(4, 6)) - 1,
    Number(local!.slice(6, 8)),
    Number(local!.slice(9, 11)),
    Number(local!.slice(11, 13)),
  )
  return { zone, utc: new Date(wall - minutes * 60_000).toISOString() }
}

describe("end to end", () => {
  it("EMD-2.7 the materials e-mail arrives over SMTP with its invite at Monday 11:00 Omsk = 05:00 UTC", async () => {
    const { mails, outbox } = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const smtp = yield* SmtpReceiver.start
          const email = yield* EmailChannel.make({
            from: { name: "Методический центр", address: "mmc@edu.example.ru" },
            smtp: { host: "127.0.0.1", port: smtp.port, ignoreTLS: true },
          })
          const engine = F.engine(regulation)
          const cycle = (
            command: UnifiedDay.Cycle.CycleCommand,
            actor: Actor.Actor,
            when: string,
          ) =>
            Effect.andThen(
              TestClock.setTime(Date.parse(when)),
              engine.execute(Cycle.definition, Cycle.streamId(S, T), command, actor),
            )
          yield* cycle(
            new Cycle.OpenCycle({ schoolId: S, date: T, lowResults: true }),
            F.coordinator,
            "2025-10-01T03:00:00Z",
          )
          yield* cycle(
            new Cycle.IssueMaterials({
              seminars: [
                {
                  title: "Формирующее оценивание; критерии, рубрики",
                  url: "https://iro.omsk.ru/v/1",
                },
              ],
              questions: ["Как вы применяете критерии оценивания?"],
            }),
            F.coordinator,
            "2025-10-08T04:00:00Z",
          )
          yield* Dispatcher.drain({ workerId: "e2e" }).pipe(
            Effect.provideService(Notifier.Notifier, Notifier.fromChannels([email])),
          )
          const outbox = yield* Outbox.Outbox
          return { mails: smtp.mails, outbox: yield* outbox.list("delivered") }
        }),
      ).pipe(
        Effect.provide(
          Layer.mergeAll(
            InMemory.layer,
            TestClock.layer(),
            Logger.layer([]),
            Policy.layer({
              directory,
              organizer: { email: "mmc@edu.example.ru", name: "Методический центр" },
              rules: UnifiedDayPolicy.rules,
            }),
          ),
        ),
      ),
    )
    expect(outbox.map((m) => m.id)).toEqual([
      Ids.MessageId.make(`${Cycle.streamId(S, T)}/materials/email/leader-${S}`),
    ])
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.envelopeTo).toEqual(["ivanova@school7.example"])
    expect(mail.idempotencyKey).toBe(outbox[0]?.id)
    const parsed = mail.parsed
    expect(parsed.subject).toBe("ЕМД 16 октября 2025 г.: материалы и вопросы для обсуждения")
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to
    expect(to?.value.map((a) => a.address)).toEqual(["ivanova@school7.example"])
    expect(parsed.from?.value[0]).toEqual({
      name: "Методический центр",
      address: "mmc@edu.example.ru",
    })
    expect(parsed.text).toContain("Здравствуйте, Мария Петровна!")
    expect(parsed.text).toContain("понедельник, 13 октября 2025 г., 11:00 (Омск, UTC+6)")
    expect(parsed.html).toContain(
      '<a href="https://iro.omsk.ru/v/1">Формирующее оценивание; критерии, рубрики</a>',
    )

    const invites = parsed.attachments.filter((a) => a.filename?.endsWith(".ics"))
    expect(invites.map((a) => a.filename)).toEqual([
      "emd-day.ics",
      "emd-videoconference.ics",
      "emd-questions-deadline.ics",
    ])
    expect(invites[2]?.contentType).toBe("text/calendar")
    const raw = invites[2]!.content.toString("utf8")
    expect(raw.includes("\r\n")).toBe(true)
    const lines = ICalendar.unfold(raw)
    expect(lines).toContain("METHOD:REQUEST")
    expect(lines).toContain(`UID:${Cycle.streamId(S, T)}/materials/leader-${S}#questions`)
    expect(lines).toContain("TZID:Asia/Omsk")
    expect(lines).toContain("DTSTART;TZID=Asia/Omsk:20251013T110000")
    expect(lines).toContain(
      "ATTENDEE;CN=Иванова Мария Петровна;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:ivanova@school7.example",
    )
    expect(lines).toContain("TRIGGER:-P1D")
    expect(lines).toContain(
      `DTSTAMP:${ICalendar.formatUtc(DateTime.makeUnsafe("2025-10-08T04:00:00Z"))}`,
    )
    expect(startInUtc(lines)).toEqual({ zone: "Asia/Omsk", utc: "2025-10-13T05:00:00.000Z" })
  })
})
