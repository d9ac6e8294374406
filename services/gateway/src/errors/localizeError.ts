import { GraphQLError } from "graphql";
import { type DomainErrorCode, domainErrorMessages, type Locale } from "./domainErrorMessages.ts";

type Worded = (params: unknown) => string;

/** Whether `code` is one the catalog words (a DomainError's, or one the gateway reports like it). */
export function isDomainErrorCode(code: unknown): code is DomainErrorCode {
  return typeof code === "string" && Object.hasOwn(domainErrorMessages, code);
}

/**
 * `error` worded for `locale` when it carries a catalog code and its `params`; anything else is
 * returned as is. Only the message changes: `extensions` (code, params) stay byte for byte, so a
 * client's handling never depends on the language. graphql-js prefixes some messages (`Variable
 * "$a" got invalid value …; `): the catalog's English text is swapped in place, keeping the prefix.
 */
export function localizeError(error: GraphQLError, locale: Locale): GraphQLError {
  const { code, params } = error.extensions ?? {};
  if (locale === "en" || !isDomainErrorCode(code) || typeof params !== "object" || params === null) {
    return error;
  }
  const messages = domainErrorMessages[code] as Record<Locale, Worded>;
  const english = messages.en(params);
  const translated = messages[locale](params);
  const message = error.message.includes(english) ? error.message.replace(english, translated) : translated;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}
