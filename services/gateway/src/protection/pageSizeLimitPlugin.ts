import { type ASTVisitor, BREAK, Kind, visit } from "graphql";
import type { Plugin } from "graphql-yoga";
import { assertPageSize } from "./assertPageSize.ts";

/**
 * Refuses a literal `first`/`last` beyond the page size (`first: 100000`) with PAGE_SIZE_OUT_OF_RANGE
 * during validation. The cost limit multiplies by those literals and would otherwise answer the
 * vaguer QUERY_TOO_COSTLY first; it checks on entering the operation, so this checks on entering
 * the document, which every rule sees before. Sizes passed as variables reach `assertPageSize` in
 * the connection's resolver instead.
 */
export function pageSizeLimitPlugin(): Plugin {
  const rule = (): ASTVisitor => ({
    Document(document) {
      visit(document, {
        Argument(argument) {
          const name = argument.name.value;
          if ((name === "first" || name === "last") && argument.value.kind === Kind.INT) {
            assertPageSize(Number(argument.value.value), { name });
          }
          return undefined;
        },
      });
      return BREAK;
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
