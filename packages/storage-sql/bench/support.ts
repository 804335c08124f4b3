/**
 * Shared pieces of the benchmarks: the workload (one command = one transaction with its
 * events and outbox rows), timing, and printing.
 *
 * @module
 */
import { type EventStore, Ids } from "@metodika/core"

/** How many streams the commands go to, round robin. */
export const STREAMS = 100

/** The shape of one command's append. */
export interface Shape {
  readonly name: string
  readonly events: number
  readonly messages: number
}

/** The workloads measured. */
export const SHAPES: ReadonlyArray<Shape> = [
  { name: "1 event + 1 outbox row", events: 1, messages: 1 },
  { name: "3 events + 2 outbox rows", events: 3, messages: 2 },
]

/** The data of every event: a realistic small payload with Cyrillic text. */
export const data = (i: number) => ({
  школа: "МБОУ СОШ № 3",
  тема: "Формирование функциональной грамотности",
  вопрос: `Вопрос номер ${i}`,
  баллы: i % 10,
})

/** The append of command `i` of a run, given the stream's current version. */
export const request = (
  run: string,
  shape: Shape,
  i: number,
  expectedVersion: number,
): EventStore.AppendRequest => ({
  streamId: Ids.StreamId.make(`${run}-s${i % STREAMS}`),
  streamType: "bench",
  expectedVersion,
  events: Array.from({ length: shape.events }, (_, k) => ({
    id: Ids.EventId.make(`${run}-${i}-${k}`),
    type: "QuestionSubmitted",
    data: data(i),
    metadata: { command: "SubmitQuestion", correlationId: `${run}-${i}` },
  })),
  outbox: Array.from({ length: shape.messages }, (_, k) => ({
    id: Ids.MessageId.make(`${run}-${i}-m${k}`),
    channel: "email",
    recipient: "teacher@school.example",
    payload: { template: "question-received", i },
  })),
})

/**
 * The appends of `count` commands of a run, built before any clock starts: command `i`
 * goes to stream `i % STREAMS`, which is then at version `floor(i / STREAMS) * events`.
 */
export const requests = (
  run: string,
  shape: Shape,
  count: number,
): ReadonlyArray<EventStore.AppendRequest> =>
  Array.from({ length: count }, (_, i) =>
    request(run, shape, i, Math.floor(i / STREAMS) * shape.events),
  )

/** One contender of a comparison: a run returns operations per second. */
export interface Contender {
  readonly label: string
  readonly run: (round: number) => Promise<number>
}

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Runs the contenders in `rounds` rounds, rotating who goes first, and prints each one's
 * median and best with the ratio of medians to the first contender (the baseline).
 */
export const compare = async (rounds: number, contenders: ReadonlyArray<Contender>) => {
  const results = contenders.map(() => [] as Array<number>)
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length
      results[index]!.push(await contenders[index]!.run(round))
    }
  }
  const baseline = median(results[0]!)
  contenders.forEach((c, i) => {
    const m = median(results[i]!)
    const best = Math.max(...results[i]!)
    const ratio = i === 0 ? "" : `  ratio ${(m / baseline).toFixed(2)}`
    console.log(`  ${c.label.padEnd(42)} median ${fmt(m)} /s  best ${fmt(best)} /s${ratio}`)
  })
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US").padStart(8)
