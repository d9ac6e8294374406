export type { BlockHeader } from "./BlockHeader.ts";
export { buildEventRows, type EventRowContext } from "./buildEventRows.ts";
export {
  createIndexer,
  DEFAULT_POLL_INTERVAL_MS,
  type Indexer,
  type IndexerOptions,
  type IndexerStatus,
  type SyncResult,
} from "./createIndexer.ts";
export { createPgSqlWriter } from "./createPgSqlWriter.ts";
export { createPrismaSqlWriter } from "./createPrismaSqlWriter.ts";
export { decodeProtocolLogs, type ProtocolEvent } from "./decodeProtocolLogs.ts";
export { type EventRows, emptyEventRows, type RowOf } from "./EventRows.ts";
export { type IndexerLeadership, leadIndexer } from "./leadIndexer.ts";
export { protocolEventAbi, protocolEventTopics } from "./protocolEventAbi.ts";
export { ReorgDuringChunkError } from "./ReorgDuringChunkError.ts";
export type { SqlStatement, SqlWriter } from "./SqlWriter.ts";
export { type IndexerLock, tryIndexerLock } from "./tryIndexerLock.ts";
export { type HeadWatch, watchNewHeads, webSocketUrlOf } from "./watchNewHeads.ts";
