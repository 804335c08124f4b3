import { LocalDate } from "@metodika/core"
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import * as Letter from "./Letter.ts"
import * as Templates from "./Templates.ts"

const day = LocalDate.makeUnsafe(2025, 12, 4)
const common = { zone: "Asia/Omsk", schoolName: "МБОУ СОШ № 7", dayDate: day }

describe("Templates", () => {
  it("EMD-2.10 counts late questions and the delay with the right Russian forms", () => {
    const at = (iso: string) => DateTime.makeUnsafe(iso)
    const due = at("2025-12-01T05:00:00Z")
    const text = (count: number, minutesLate: number) =>
      Templates.lateQuestions({
        ...common,
        count,
        due,
        at: DateTime.makeUnsafe(DateTime.toEpochMillis(due) + minutesLate * 60_000),
      }).text
    expect(text(1, 60)).toContain("направила 1 вопрос с опозданием на 1 час.")
    expect(text(3, 120)).toContain("направила 3 вопроса с опозданием на 2 часа.")
    expect(text(5, 5 * 1440)).toContain("направила 5 вопросов с опозданием на 5 дней.")
    expect(text(21, 21 * 1440)).toContain("направила 21 вопрос с опозданием на 21 день.")
    expect(text(11, 11 * 1440)).toContain("направила 11 вопросов с опозданием на 11 дней.")
  })

  it("writes the progress-sheet month in the nominative and the due date in the genitive", () => {
    const r = Templates.progressSheetReminder({
      zone: "Asia/Omsk",
      schoolName: "МБОУ СОШ № 7",
      month: "2025-11",
      due: DateTime.makeUnsafe("2025-11-28T17:59:59.999Z"),
      sendAt: DateTime.makeUnsafe("2025-11-25T17:59:59.999Z"),
      recipientName: "Мария Петровна",
    })
    expect(r.subject).toBe(
      "Напоминание: лист продвижения за ноябрь 2025 г. — срок пятница, 28 ноября 2025 г., 23:59 (Омск, UTC+6)",
    )
    expect(r.text.startsWith("Здравствуйте, Мария Петровна!\n\n")).toBe(true)
    expect(r.text).toContain("Осталось: 3 дня")
  })

  it("gives the same facts in English", () => {
    const r = Templates.materialsIssued(
      {
        ...common,
        recipientName: "Pat",
        seminars: [{ title: "Formative assessment", url: "https://iro.example/v/1" }],
        questions: ["How do you use criteria?"],
        videoconferenceDate: LocalDate.makeUnsafe(2025, 11, 28),
        questionsDue: DateTime.makeUnsafe("2025-12-01T05:00:00Z"),
        withInvites: true,
      },
      "en",
    )
    expect(r.subject).toBe("Unified methodical day 4 December 2025: materials and questions")
    expect(r.text).toContain("Hello, Pat,")
    expect(r.text).toContain(
      "videoconference of leaders and responsible persons with the coordinator: Friday, 28 November 2025;",
    )
    expect(r.text).toContain("by Monday, 1 December 2025, 11:00 (Omsk, UTC+6).")
    expect(r.text).toContain("Formative assessment: https://iro.example/v/1")
    expect(r.html).toContain('<html lang="en">')
  })

  it("says why a day is cancelled, with the note", () => {
    const r = Templates.dayCancelled({ ...common, reason: "quarantine", note: "грипп" })
    expect(r.subject).toBe("Отменён: ЕМД 4 декабря 2025 г. в школе «МБОУ СОШ № 7»")
    expect(r.text).toContain("Причина: карантин (грипп)")
    expect(r.text).toContain("(четверг, 4 декабря 2025 г.) отменён.")
  })
})

describe("Letter", () => {
  it("escapes HTML and refuses links that are not http(s)", () => {
    const r = Letter.render({
      subject: "<b>Тема</b>",
      greeting: "Здравствуйте, <script>alert(1)</script>!",
      blocks: [
        Letter.paragraph('Школа "№ 7" & партнёры\nвторая строка'),
        Letter.links([{ title: "плохая", url: "javascript:alert(1)" }]),
        Letter.facts([["Срок", "<1 дня>"]]),
      ],
      footer: "—",
    })
    expect(r.html).not.toContain("<script>")
    expect(r.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
    expect(r.html).toContain("Школа &quot;№ 7&quot; &amp; партнёры<br>вторая строка")
    expect(r.html).toContain('<a href="#">плохая</a>')
    expect(r.html).toContain("<td>&lt;1 дня&gt;</td>")
    expect(r.html).toContain("<title>&lt;b&gt;Тема&lt;/b&gt;</title>")
    // The plain-text body keeps the text as written.
    expect(r.text).toContain('Школа "№ 7" & партнёры\nвторая строка')
    expect(r.text).toContain("• плохая: javascript:alert(1)")
  })
})
