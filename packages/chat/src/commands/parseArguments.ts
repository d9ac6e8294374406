import type { TokenSymbol } from "@luma-pulse/protocol";
import type { ArgSpec, CommandDefinition } from "./CommandDefinition.ts";
import type { AmountArg } from "./parseArgument.ts";
import { parseArgument } from "./parseArgument.ts";
import { echo, type UsageProblem } from "./UsageProblem.ts";

type ArgValue<S extends ArgSpec> = S extends { kind: "amount" }
  ? AmountArg
  : S extends { kind: "choice"; choices: readonly (infer C extends string)[] }
    ? C
    : S extends { kind: "address" }
      ? string
      : S extends { kind: "position" }
        ? bigint
        : never;

/** The parsed arguments of a command, typed from its definition: `{ amount: AmountArg; asset: "pop" | "luma" }`. */
export type ArgsOf<D extends Pick<CommandDefinition, "args">> = {
  [S in D["args"][number] as S["name"]]: S extends { kind: "words" }
    ? string[]
    : S extends { optional: true }
      ? ArgValue<S> | undefined
      : ArgValue<S>;
};

export type ParsedArguments<D extends Pick<CommandDefinition, "args">> =
  | { ok: true; args: ArgsOf<D> }
  | { ok: false; problem: UsageProblem };

/** Tokens a choice argument names, to the token symbol an amount of it is in. */
const SYMBOL_OF_CHOICE: Readonly<Record<string, TokenSymbol>> = { pop: "POP", luma: "LUMA", sora: "SORA" };

/**
 * The token an amount is of when a later choice picks it ("/stake 100 luma"): read ahead so problems
 * are still reported in the order the words were written; a bad choice is reported at its turn.
 */
function chosenSymbol(
  spec: ArgSpec & { kind: "amount" },
  specs: readonly ArgSpec[],
  words: readonly string[],
) {
  if (!spec.symbolFrom) return spec.symbol;
  const index = specs.findIndex((other) => other.name === spec.symbolFrom);
  const choice = words[index]?.toLowerCase();
  return (choice !== undefined ? SYMBOL_OF_CHOICE[choice] : undefined) ?? spec.symbol;
}

/**
 * Reads a command's words against its definition: positional, in order; a `words` argument takes the
 * rest. Never throws on user input: every problem comes back as a {@link UsageProblem}.
 */
export function parseArguments<D extends Pick<CommandDefinition, "args">>(
  definition: D,
  words: readonly string[],
): ParsedArguments<D> {
  const specs: readonly ArgSpec[] = definition.args;
  const args: Record<string, unknown> = {};
  const last = specs.at(-1);
  if (last?.kind === "words") args[last.name] = words.slice(specs.length - 1);
  const positional = last?.kind === "words" ? specs.slice(0, -1) : specs;
  if (last?.kind !== "words" && words.length > specs.length) {
    return { ok: false, problem: { code: "too_many", extra: echo(words.slice(specs.length).join(" ")) } };
  }

  for (const [index, spec] of positional.entries()) {
    if (spec.kind === "words") continue;
    const word = words[index];
    if (word === undefined) {
      if (spec.optional) continue;
      return { ok: false, problem: { code: "missing", arg: spec.name } };
    }
    const parsed = parseArgument(
      spec,
      word,
      spec.kind === "amount" ? chosenSymbol(spec, positional, words) : undefined,
    );
    if (!parsed.ok) return parsed;
    args[spec.name] = parsed.value;
  }
  return { ok: true, args: args as ArgsOf<D> };
}
