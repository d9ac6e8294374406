import { afterAll } from "vitest";

const pending: Array<() => unknown> = [];

// Vitest 4 silently ignores an `afterAll` registered inside `beforeAll`, which is where setup
// helpers run: they queue their cleanup here instead. Registered once per test file (at import,
// so at file level), it runs the queue last-in-first-out after all the file's tests: a gateway
// stops before its database closes, and the database before its chain.
afterAll(async () => {
  for (let cleanup = pending.pop(); cleanup; cleanup = pending.pop()) await cleanup();
});

/** Runs `cleanup` after the current test file's tests (LIFO with other deferred cleanups). */
export function deferTeardown(cleanup: () => unknown): void {
  pending.push(cleanup);
}
