import { describe, expect, it } from "vitest";
import { embedText } from "./embedText.ts";
import { setupDiscordWorld } from "./setupDiscordWorld.ts";

describe("smoke", () => {
  it("answers /price", async () => {
    const world = await setupDiscordWorld();
    const answer = await world.interact({ command: "price" });
    console.log(JSON.stringify(answer.calls, null, 1).slice(0, 3000), world.logs);
    console.log(embedText(answer.reply));
    expect(answer.reply).toBeDefined();
  }, 120_000);
});
