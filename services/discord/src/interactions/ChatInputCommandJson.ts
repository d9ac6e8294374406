import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A slash command's JSON as `PUT /applications/<id>/commands` takes it, readonly all the way down,
 * so that `as const` definitions (whose option names type their handlers) satisfy it.
 */
export type ChatInputCommandJson = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;
