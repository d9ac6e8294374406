import type { ContractName, DeploymentManifest } from "@luma-pulse/protocol";
import {
  type AbiEvent,
  type AbiParameter,
  decodeAbiParameters,
  type Hex,
  type Log,
  type ParseEventLogsReturnType,
  toEventSelector,
} from "viem";
import { protocolEventAbi } from "./protocolEventAbi.ts";
import { staticWordDecoders, type WordDecoder } from "./staticWordDecoders.ts";

/** A decoded protocol event, tagged with the manifest contract that emitted it. */
export type ProtocolEvent = ParseEventLogsReturnType<typeof protocolEventAbi, undefined, true>[number] & {
  contract: ContractName;
};

type Decoder = {
  eventName: string;
  indexed: AbiParameter[];
  data: AbiParameter[];
  /** Word by word when every input is static (all of the protocol's events but ParameterChanged). */
  words: { indexed: WordDecoder[]; data: WordDecoder[] } | undefined;
};

let decoders: Map<string, Decoder> | undefined;

/**
 * Each protocol event by topic0, its inputs split into topics and data. Built once: viem's
 * parseEventLogs hashes every ABI signature again for every log, which made decoding the
 * backfill's slowest step.
 */
function decoderByTopic(): Map<string, Decoder> {
  decoders ??= new Map(
    protocolEventAbi.map((event) => {
      const indexed = event.inputs.filter((input) => "indexed" in input && input.indexed);
      const data = event.inputs.filter((input) => !("indexed" in input && input.indexed));
      const wordsOfIndexed = staticWordDecoders(indexed);
      const wordsOfData = staticWordDecoders(data);
      const words =
        wordsOfIndexed && wordsOfData ? { indexed: wordsOfIndexed, data: wordsOfData } : undefined;
      return [toEventSelector(event as AbiEvent), { eventName: event.name, indexed, data, words }];
    }),
  );
  return decoders;
}

/**
 * Decodes raw logs into protocol events (strictly: a log whose topics or data do not fit its
 * event is dropped). Logs from addresses outside the manifest are dropped, as are logs a node
 * marks `removed` (an orphaned block's): the row mappers rely on the emitter being the protocol's,
 * because a foreign contract can emit any event signature.
 */
export function decodeProtocolLogs(
  logs: readonly Log[],
  contracts: DeploymentManifest["contracts"],
): ProtocolEvent[] {
  const byAddress = new Map<string, ContractName>(
    Object.entries(contracts).map(([name, address]) => [address.toLowerCase(), name as ContractName]),
  );
  const byTopic = decoderByTopic();
  const events: ProtocolEvent[] = [];
  for (const log of logs) {
    if (log.removed) continue;
    const contract = byAddress.get(log.address.toLowerCase());
    const decoder = log.topics[0] ? byTopic.get(log.topics[0]) : undefined;
    if (contract === undefined || decoder === undefined) continue;
    const args = decodeArgs(decoder, log.topics.slice(1) as Hex[], log.data);
    if (args)
      events.push({ ...log, eventName: decoder.eventName, args, contract } as unknown as ProtocolEvent);
  }
  return events;
}

function decodeArgs(
  decoder: Decoder,
  topics: readonly Hex[],
  data: Hex,
): Record<string, unknown> | undefined {
  if (topics.length !== decoder.indexed.length) return undefined;
  if (decoder.words) return decodeWords(decoder, decoder.words, topics, data);
  try {
    const args: Record<string, unknown> = {};
    decoder.indexed.forEach((input, i) => {
      args[input.name ?? i] = decodeAbiParameters([input], topics[i] as Hex)[0];
    });
    const values = decodeAbiParameters(decoder.data, data);
    decoder.data.forEach((input, i) => {
      args[input.name ?? i] = values[i];
    });
    return args;
  } catch {
    return undefined; // strict: data that does not decode is not this event
  }
}

/** The static fast path: exactly one 32-byte word per input, else not this event (strict). */
function decodeWords(
  decoder: Decoder,
  words: NonNullable<Decoder["words"]>,
  topics: readonly Hex[],
  data: Hex,
): Record<string, unknown> | undefined {
  if (data.length !== 2 + 64 * words.data.length) return undefined;
  const args: Record<string, unknown> = {};
  words.indexed.forEach((decode, i) => {
    args[decoder.indexed[i]?.name ?? i] = decode((topics[i] as Hex).slice(2));
  });
  words.data.forEach((decode, i) => {
    args[decoder.data[i]?.name ?? i] = decode(data.slice(2 + 64 * i, 2 + 64 * (i + 1)));
  });
  return args;
}
