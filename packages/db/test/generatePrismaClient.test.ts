import { describe, expect, it } from "vitest";
import { generatePrismaClient } from "../src/generatePrismaClient.ts";

describe("generatePrismaClient", () => {
  it("skips the generator when the schema has not changed since the last run", async () => {
    // The build has generated the client (this test imports nothing generated, but its siblings do).
    await generatePrismaClient();
    const started = performance.now();
    const result = await generatePrismaClient();
    expect(result.generated).toBe(false);
    expect(result.output).toMatch(/packages\/db\/src\/generated\/prisma$/);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
