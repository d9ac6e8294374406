import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";
import { domainError } from "../errors/domainError.ts";
import type { DomainErrorCode } from "../errors/domainErrorMessages.ts";
import type { QueryLimits } from "./createProtectionConfig.ts";
import { pageSizeLimitPlugin } from "./pageSizeLimitPlugin.ts";

type LimitCode = Extract<
  DomainErrorCode,
  "QUERY_TOO_DEEP" | "TOO_MANY_ALIASES" | "TOO_MANY_TOKENS" | "TOO_MANY_DIRECTIVES" | "QUERY_TOO_COSTLY"
>;

/**
 * graphql-armor's options for a limit whose rejection is our coded error: thrown from `onReject`,
 * it aborts parsing or validation just as armor's own (uncoded) error would have.
 */
function rejectWith(code: LimitCode, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      () => {
        throw domainError(code, { max });
      },
    ],
  };
}

/**
 * The document limits, checked before any resolver runs: tokens while parsing (so a huge document
 * is dropped early), then depth, aliases, directives and cost during validation. Introspection
 * (`__schema`) is exempt from depth and cost so GraphiQL keeps working. Field suggestions in
 * validation errors are hidden: they would spell the schema out to someone probing it blind.
 */
export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  return [
    maxTokensPlugin({ n: limits.maxTokens, ...rejectWith("TOO_MANY_TOKENS", limits.maxTokens) }),
    maxDepthPlugin({ n: limits.maxDepth, ...rejectWith("QUERY_TOO_DEEP", limits.maxDepth) }),
    // Every alias counts, `__typename` too: a thousand of them are a thousand response keys.
    maxAliasesPlugin({
      n: limits.maxAliases,
      allowList: [],
      ...rejectWith("TOO_MANY_ALIASES", limits.maxAliases),
    }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      ...rejectWith("TOO_MANY_DIRECTIVES", limits.maxDirectives),
    }),
    pageSizeLimitPlugin(),
    costLimitPlugin({ maxCost: limits.maxCost, ...rejectWith("QUERY_TOO_COSTLY", limits.maxCost) }),
    blockFieldSuggestionsPlugin(),
  ];
}
