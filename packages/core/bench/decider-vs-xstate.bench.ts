/**
 * Decide-and-evolve throughput of a decider with six states and eight events, beside
 * XState v5 (`createActor` and `send`) running the equivalent machine in the same
 * process. Prints both rates and their ratio; the target is at least 10×.
 */
import { DateTime, Result } from "effect"
import { Bench } from "tinybench"
import { assign, createActor, createMachine } from "xstate"
import * as Actor from "../src/Actor.ts"
import { DistrictId, PersonId } from "../src/Ids.ts"
import {
  Approve,
  Comment,
  Draft,
  decide,
  evolve,
  initialState,
  Publish,
  RequestChanges,
  type ReviewCommand,
  StartReview,
  Submit,
} from "../test/ReviewDecider.ts"

const script: ReadonlyArray<ReviewCommand> = [
  new Draft({ title: "План" }),
  new Comment({ text: "a" }),
  new Submit({}),
  new StartReview({}),
  new RequestChanges({ note: "n" }),
  new Submit({}),
  new StartReview({}),
  new Approve({}),
  new Publish({}),
]
const context = {
  now: DateTime.makeUnsafe(0),
  actor: Actor.make(PersonId.make("p"), DistrictId.make("d"), [
    "teacher",
    "methodist",
    "municipal-coordinator",
  ]),
  regulation: {},
}

const runDecider = () => {
  let state = initialState
  for (const command of script) {
    const r = decide(command, state, context)
    if (Result.isFailure(r)) throw new Error(r.failure.message)
    for (const e of r.success) state = evolve(state, e)
  }
  if (state.status !== "published") throw new Error("decider did not publish")
}

const machine = createMachine({
  id: "review",
  initial: "none",
  context: { title: "", comments: 0 },
  states: {
    none: {
      on: { Draft: { target: "draft", actions: assign({ title: ({ event }) => event.title }) } },
    },
    draft: {
      on: {
        Submit: "submitted",
        Comment: { actions: assign({ comments: ({ context }) => context.comments + 1 }) },
      },
    },
    submitted: { on: { StartReview: "inReview" } },
    inReview: { on: { RequestChanges: "changes", Approve: "approved" } },
    changes: { on: { Submit: "submitted" } },
    approved: { on: { Publish: "published" } },
    published: {},
  },
})
const events = script.map((c) => ({ ...c, type: c._tag }))

const runXState = () => {
  const actor = createActor(machine).start()
  for (const e of events) actor.send(e as never)
  if (actor.getSnapshot().value !== "published") throw new Error("xstate did not publish")
  actor.stop()
}

const bench = new Bench({ time: 1500, warmupTime: 300 })
bench.add("decider: decide + evolve (9 commands)", runDecider)
bench.add("xstate v5: createActor + send (9 events)", runXState)
await bench.run()

const rate = (name: string) => {
  const task = bench.getTask(name)
  const hz = task?.result && "throughput" in task.result ? task.result.throughput.mean : 0
  return hz
}
const decider = rate("decider: decide + evolve (9 commands)")
const xstate = rate("xstate v5: createActor + send (9 events)")
console.log("decider vs XState v5: the same review process, nine steps per run")
console.table([
  { implementation: "decider", "runs/s": Math.round(decider), "steps/s": Math.round(decider * 9) },
  { implementation: "xstate v5", "runs/s": Math.round(xstate), "steps/s": Math.round(xstate * 9) },
])
const ratio = decider / xstate
console.log(
  `ratio decider/xstate: ${ratio.toFixed(1)}× (target ≥ 10×) ${ratio >= 10 ? "met" : "NOT met"}`,
)
