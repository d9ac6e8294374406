import { GrammyError } from "grammy";

/** The GrammyError a Bot API call fails with; throws if it succeeds or fails otherwise. */
export async function grammyFailure(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error("the Bot API call succeeded");
}

/** `"<error_code> <description>"` of a failing Bot API call, e.g. "403 Forbidden: bot was blocked by the user". */
export async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await grammyFailure(call);
  return `${error.error_code} ${error.description}`;
}
