/**
 * Putting channels together into the core's `Notifier` service: one layer from several
 * channels, each made in the layer's scope (so SMTP connections close with it).
 *
 * @module
 */
import { Notifier } from "@metodika/core"
import { Effect, Layer, type Scope } from "effect"

/** A channel, or an effect that makes one (in a scope, for channels holding connections). */
export type ChannelSource<E, R> =
  | Notifier.Channel
  | Effect.Effect<Notifier.Channel, E, R | Scope.Scope>

/**
 * A layer providing a `Notifier` with every channel given. Two channels with the same
 * name are a configuration error and fail the layer with a defect.
 *
 * @example
 * const notifier = Channels.layer([
 *   EmailChannel.make(emailOptions),
 *   WebhookChannel.make(webhookOptions),
 * ])
 */
export const layer = <E = never, R = never>(
  sources: ReadonlyArray<ChannelSource<E, R>>,
): Layer.Layer<Notifier.Notifier, E, Exclude<R, Scope.Scope>> =>
  Layer.effect(
    Notifier.Notifier,
    Effect.gen(function* () {
      const channels: Array<Notifier.Channel> = []
      for (const source of sources) {
        channels.push(Effect.isEffect(source) ? yield* source : source)
      }
      const names = channels.map((c) => c.name)
      const twice = names.find((n, i) => names.indexOf(n) !== i)
      if (twice !== undefined) return yield* Effect.die(new Error(`two channels named ${twice}`))
      return Notifier.fromChannels(channels)
    }),
  )
