import type { ChatView } from "@luma-pulse/chat";
import { describe, expect, it } from "vitest";
import { renderView } from "../src/render/renderView.ts";

const base: ChatView = { tone: "info", title: "Title", sections: [], buttons: [] };

describe("renderView", () => {
  it("makes an embed: sections as fields, footer and timestamp from the block, colour from the tone, chart as image", () => {
    const time = new Date("2026-11-21T14:05:00Z");
    const { embeds, files } = renderView({
      ...base,
      tone: "error",
      text: ["First *sentence*.", "Second."],
      sections: [
        {
          heading: "Wallet",
          lines: [
            { label: "Address", value: "0xabc", mono: true },
            { label: "Staked", value: "1,000 LUMA" },
          ],
          note: "Note.",
        },
      ],
      footer: "Block 1,234 · 21 Nov 2026, 14:05 UTC",
      asOf: { block: 1234n, time },
      chart: { png: Buffer.from("png"), width: 10, height: 10, fileName: "burns.png", alt: "Burns" },
    });
    expect(embeds[0]).toEqual({
      title: "Title",
      color: 0xed4245,
      description: "First \\*sentence\\*.\nSecond.",
      fields: [{ name: "Wallet", value: "**Address**: `0xabc`\n**Staked**: 1,000 LUMA\n*Note.*" }],
      footer: { text: "Block 1,234 · 21 Nov 2026, 14:05 UTC" },
      timestamp: time.toISOString(),
      image: { url: "attachment://burns.png" },
    });
    expect(files).toEqual([{ name: "burns.png", data: Buffer.from("png") }]);
  });

  it("keeps to Discord's limits: 25 fields, 1,024 per field, 6,000 in all, 5 link buttons a row", () => {
    const short = renderView({
      ...base,
      sections: Array.from({ length: 30 }, (_, i) => ({
        heading: `S${i}`,
        lines: [{ label: "a", value: "b" }],
      })),
    });
    expect(short.embeds[0]?.fields).toHaveLength(25);
    const lines = Array.from({ length: 40 }, (_, i) => ({ label: `Line ${i}`, value: "x".repeat(100) }));
    const sections = Array.from({ length: 30 }, () => ({ lines }));
    const buttons = Array.from({ length: 12 }, (_, i) => ({
      label: `Button ${i}`,
      url: `https://example.org/${i}`,
    }));
    const { embeds, components } = renderView({
      ...base,
      text: ["y".repeat(5_000)],
      sections,
      buttons,
      footer: "Block 1",
    });
    const embed = embeds[0];
    for (const field of embed?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1_024);
    const total = (embed?.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total + (embed?.title?.length ?? 0) + (embed?.description?.length ?? 0) + 7).toBeLessThanOrEqual(
      6_000,
    );
    expect(embed?.description?.length).toBeLessThanOrEqual(4_096);
    expect(embed?.footer?.text).toBe("Block 1");
    expect(components.map((row) => row.components.length)).toEqual([5, 5, 2]);
    expect(components[0]?.components[0]).toEqual({
      type: 2,
      style: 5,
      label: "Button 0",
      url: "https://example.org/0",
    });
  });
});
