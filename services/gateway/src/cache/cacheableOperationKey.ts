import { type DocumentNode, Kind, type OperationDefinitionNode, parse } from "graphql";
import type { GraphQLParams } from "graphql-yoga";
import { BoundedMap } from "./BoundedMap.ts";

/** Distinct documents remembered; each costs one parse when first seen. */
const MAX_DOCUMENTS = 500;

/** Per document: an id, and the operations (by name; "" for an anonymous one) that may be cached. */
type DocumentInfo = { id: number; cacheable: Set<string> };

const documents = new BoundedMap<string, DocumentInfo>(MAX_DOCUMENTS);
let nextDocumentId = 0;

/**
 * The cache key of a request whose operation only reads `cachedFields` at its root (plain fields or
 * `__typename`; no fragments at the root, no directives there), or undefined when it may not be
 * cached: a mutation, a subscription, any other root field, or a document that does not parse (it
 * runs, and fails, uncached). A document is analysed once; a hit costs a map lookup and the
 * variables' JSON, not a hash of the document (GraphiQL's is several kB).
 */
export function cacheableOperationKey(
  params: GraphQLParams,
  cachedFields: ReadonlySet<string>,
): string | undefined {
  const query = params.query;
  if (!query) return undefined;
  let info = documents.get(query);
  if (!info) {
    info = { id: nextDocumentId++, cacheable: cacheableOperations(query, cachedFields) };
    documents.set(query, info);
  }
  const operation = params.operationName ?? "";
  if (!info.cacheable.has(operation)) return undefined;
  return `${info.id}\u0000${operation}\u0000${JSON.stringify(params.variables ?? {})}`;
}

function cacheableOperations(query: string, cachedFields: ReadonlySet<string>): Set<string> {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return new Set();
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const cacheable = new Set<string>();
  for (const operation of operations) {
    if (operation.operation !== "query") continue;
    const onlyCachedFields = operation.selectionSet.selections.every(
      (selection) =>
        selection.kind === Kind.FIELD &&
        !selection.directives?.length &&
        (selection.name.value === "__typename" || cachedFields.has(selection.name.value)),
    );
    if (!onlyCachedFields) continue;
    cacheable.add(operation.name?.value ?? "");
    // A lone operation runs whether or not the request names it.
    if (operations.length === 1 && operation.name) cacheable.add("");
  }
  return cacheable;
}
