/**
 * Network helpers for tests, all on 127.0.0.1 with ports the system picks:
 * a port where nothing listens (connections are refused), and a gate in front of a
 * server that is "down" (it drops every connection) until it is opened.
 */
import { type AddressInfo, connect, createServer, type Socket } from "node:net"
import { Effect, type Scope } from "effect"

/** A port nothing listens on: bound by the system, then closed again. */
export const closedPort: Effect.Effect<number> = Effect.callback<number>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})

/** A gate: while closed, every connection is dropped at once; when open, it forwards. */
export interface Gate {
  port: number
  open: boolean
  /** Connections dropped while closed. */
  dropped: number
}

/** Starts a gate in front of `targetPort`, closed; it stops with the scope. */
export const gate = (targetPort: number): Effect.Effect<Gate, never, Scope.Scope> =>
  Effect.gen(function* () {
    const state: Gate = { port: 0, open: false, dropped: 0 }
    const sockets = new Set<Socket>()
    const server = createServer((client) => {
      sockets.add(client)
      client.on("close", () => sockets.delete(client))
      client.on("error", () => undefined)
      if (!state.open) {
        state.dropped++
        client.destroy()
        return
      }
      const upstream = connect(targetPort, "127.0.0.1")
      sockets.add(upstream)
      upstream.on("close", () => {
        sockets.delete(upstream)
        client.destroy()
      })
      upstream.on("error", () => client.destroy())
      client.on("close", () => upstream.destroy())
      client.pipe(upstream)
      upstream.pipe(client)
    })
    yield* Effect.acquireRelease(
      Effect.callback<void>((resume) => {
        server.listen(0, "127.0.0.1", () => {
          state.port = (server.address() as AddressInfo).port
          resume(Effect.void)
        })
      }),
      () =>
        Effect.callback<void>((resume) => {
          for (const s of sockets) s.destroy()
          server.close(() => resume(Effect.void))
        }),
    )
    return state
  })
