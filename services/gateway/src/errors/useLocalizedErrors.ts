import type { ExecutionResult, GraphQLError } from "graphql";
import { isAsyncIterable, mapAsyncIterator, type Plugin } from "graphql-yoga";
import type { Locale } from "./domainErrorMessages.ts";
import { localizeError } from "./localizeError.ts";
import { negotiateLocale } from "./negotiateLocale.ts";

function localizeResult<R extends ExecutionResult>(result: R, locale: Locale): R {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error: GraphQLError) => localizeError(error, locale)) };
}

/**
 * Words every coded error of a response in the caller's language (`Accept-Language`), whichever
 * stage raised it — parsing, validation, a resolver, a subscription event — after masking, so
 * resolvers simply throw `domainError(code, params)` and never see the request's language.
 */
export function useLocalizedErrors(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      const locale = negotiateLocale(request.headers.get("accept-language"));
      if (locale === "en") return;
      if (isAsyncIterable(result)) {
        setResult(mapAsyncIterator(result, (event) => localizeResult(event, locale)));
      } else if (Array.isArray(result)) {
        setResult(result.map((one) => localizeResult(one, locale)));
      } else {
        setResult(localizeResult(result, locale));
      }
    },
  };
}
