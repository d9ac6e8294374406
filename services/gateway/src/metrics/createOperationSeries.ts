import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
} from "graphql";
import type { GraphQLParams } from "graphql-yoga";
import { BoundedMap } from "../cache/BoundedMap.ts";
import type { GatewayMetrics } from "./createGatewayMetrics.ts";

/** The series one operation is counted in, bound once so that a request only increments. */
export type OperationSeries = {
  ok: { inc(): void };
  error: { inc(): void };
  duration: { observe(seconds: number): void };
};

/** The label of a document that does not parse, names no operation, or starts with an unknown field. */
export const INVALID_LABEL = "invalid";

/** Distinct documents remembered; each costs one parse when first seen. */
const MAX_DOCUMENTS = 500;
/**
 * Only documents up to this length (in UTF-16 units, ~8 KB of ASCII) are remembered: the cache
 * runs before the document limits, so remembering any length would let a client pin 500 documents
 * of megabytes each in memory. Real operations are far shorter; a longer one is analysed each time
 * (one bounded parse, which yoga does anyway).
 */
const MAX_CACHED_DOCUMENT_LENGTH = 8 * 1024;
/**
 * A parse stops here (the document is labelled invalid): this runs before the document limits, so a
 * huge document must not cost more than a normal one. Well above GRAPHQL_MAX_TOKENS' default.
 */
const MAX_TOKENS = 20_000;
/** Fields every root type answers besides its own; bounded like the schema's. */
const INTROSPECTION_FIELDS = new Set(["__typename", "__schema", "__type"]);

/**
 * Maps a request's parameters to the series it is counted in: `type` (query, mutation,
 * subscription) and `root_field` (the operation's first root field). Both come from the schema, so
 * the labels stay bounded whatever clients send: the client's operation name is never a label, and
 * anything the schema does not know is `invalid`. A document is analysed once (if not too long).
 */
export function createOperationSeries(schema: GraphQLSchema, metrics: GatewayMetrics) {
  const series = new Map<string, OperationSeries>();
  const documents = new BoundedMap<string, Map<string, OperationSeries>>(MAX_DOCUMENTS);

  const seriesOf = (type: string, rootField: string): OperationSeries => {
    const key = `${type}\u0000${rootField}`;
    let found = series.get(key);
    if (!found) {
      found = {
        ok: metrics.operations.labels({ type, root_field: rootField, result: "ok" }),
        error: metrics.operations.labels({ type, root_field: rootField, result: "error" }),
        duration: metrics.operationDuration.labels({ type, root_field: rootField }),
      };
      series.set(key, found);
    }
    return found;
  };

  const invalid = seriesOf(INVALID_LABEL, INVALID_LABEL);
  const seriesOfOperation = (operation: OperationDefinitionNode, document: DocumentNode) => {
    const field = firstRootField(operation.selectionSet, document);
    const rootType = schema.getRootType(operation.operation);
    const known =
      field !== undefined &&
      rootType !== undefined &&
      rootType !== null &&
      (rootType.getFields()[field] !== undefined ||
        (operation.operation !== "subscription" && INTROSPECTION_FIELDS.has(field)));
    return seriesOf(operation.operation, known ? field : INVALID_LABEL);
  };
  /** The series of each operation of `query` by name ("" for a lone one): only names it defines. */
  const analyse = (query: string): Map<string, OperationSeries> => {
    const operations = new Map<string, OperationSeries>();
    const document = parseOrUndefined(query);
    if (!document) return operations;
    const definitions = document.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    for (const operation of definitions) {
      const found = seriesOfOperation(operation, document);
      if (operation.name) operations.set(operation.name.value, found);
      // A lone operation runs whether or not the request names it.
      if (definitions.length === 1) operations.set("", found);
    }
    return operations;
  };

  return (params: GraphQLParams): OperationSeries => {
    const query = params.query ?? "";
    let operations = documents.get(query);
    if (!operations) {
      operations = analyse(query);
      if (query.length <= MAX_CACHED_DOCUMENT_LENGTH) documents.set(query, operations);
    }
    // A name the document does not define fails; it is not remembered (clients choose names).
    return operations.get(params.operationName ?? "") ?? invalid;
  };
}

function parseOrUndefined(query: string): DocumentNode | undefined {
  if (!query) return undefined;
  try {
    return parse(query, { noLocation: true, maxTokens: MAX_TOKENS });
  } catch {
    return undefined;
  }
}

/** The first field selected at the root, looking into root fragments (spread or inline). */
function firstRootField(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  depth = 0,
): string | undefined {
  // Fragments may spread each other in a cycle (invalid, but parsed): give up after a few levels.
  if (depth > 5) return undefined;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection.name.value;
    const fragmentSet =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : document.definitions.find(
            (definition): definition is FragmentDefinitionNode =>
              definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
          )?.selectionSet;
    const field = fragmentSet && firstRootField(fragmentSet, document, depth + 1);
    if (field !== undefined) return field;
  }
  return undefined;
}
