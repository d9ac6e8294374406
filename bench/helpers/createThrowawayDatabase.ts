import pg from "pg";

/**
 * A throwaway database on the PostgreSQL at `serverUrl` (the user must be allowed to create
 * databases), or undefined when none answers; `drop()` removes it. `label` goes into its name so a
 * leftover from a killed run says which bench made it.
 */
export async function createThrowawayDatabase(serverUrl: string, label: string) {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `luma_bench_${label}_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
