import { GraphQLError } from "graphql";
import {
  type DomainErrorCode,
  type DomainErrorParams,
  domainErrorMessages,
  type Locale,
} from "./domainErrorMessages.ts";
import { domainErrorStatus } from "./domainErrorStatus.ts";

/**
 * An expected failure caused by the request (bad input, unknown id): shown to the caller as is,
 * never masked, with a stable `extensions.code` and the `params` a client needs to word it itself.
 */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends GraphQLError {
  readonly code: C;
  readonly params: DomainErrorParams<C>;

  constructor(code: C, params: DomainErrorParams<C>, locale: Locale = "en") {
    const message = (domainErrorMessages[code][locale] as (p: DomainErrorParams<C>) => string)(params);
    super(message, { extensions: { code, params, http: { status: domainErrorStatus[code] ?? 400 } } });
    this.code = code;
    this.params = params;
  }

  /** The same error worded for `locale`. */
  localized(locale: Locale): DomainError<C> {
    return new DomainError(this.code, this.params, locale);
  }
}

/** Throw-friendly shorthand: `throw domainError("UNKNOWN_POSITION", { id })`. */
export const domainError = <C extends DomainErrorCode>(code: C, params: DomainErrorParams<C>) =>
  new DomainError(code, params);
