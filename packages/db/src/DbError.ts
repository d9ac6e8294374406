/** What went wrong while configuring, opening or migrating the database. */
export type DbErrorCode =
  | "invalid-config"
  | "unreachable"
  | "auth-failed"
  | "database-missing"
  | "locked"
  | "migration-failed"
  | "schema-behind"
  | "generate-failed";

/**
 * An expected database setup failure. The message is one line that says what is wrong and how to
 * fix it, so that `main.ts` can print it and exit without a stack trace; passwords are masked.
 */
export class DbError extends Error {
  override name = "DbError";

  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
