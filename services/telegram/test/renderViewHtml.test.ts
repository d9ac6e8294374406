import type { ChatView } from "@luma-pulse/chat";
import { describe, expect, it } from "vitest";
import { CAPTION_LIMIT, MESSAGE_LIMIT, renderViewHtml } from "../src/render/renderViewHtml.ts";

const view = (overrides: Partial<ChatView>): ChatView => ({
  tone: "info",
  title: "SORA",
  sections: [],
  buttons: [],
  ...overrides,
});

/** Whether every tag opened is closed, in order, and no `<`/`&` is left bare. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)(b|i|code)>/g)) {
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? "");
  }
  const bare = html.replaceAll(/<\/?(b|i|code)>/g, "").replaceAll(/&(amp|lt|gt);/g, "");
  return stack.length === 0 && !/[<>&]/.test(bare);
}

describe("renderViewHtml", () => {
  it("sets the title in bold, sections with bold headings, mono values in code, the footer in italics", () => {
    const [html] = renderViewHtml(
      view({
        text: ["Live figures."],
        sections: [
          {
            heading: "Milestones",
            lines: [
              { label: "Burned", value: "1.2M SORA" },
              { label: "Transaction", value: "0xabc", mono: true },
            ],
            note: "Spot prices.",
          },
        ],
        footer: "Block 1,234 · 21 Nov 2026, 14:05 UTC",
      }),
    );
    expect(html).toBe(
      "<b>SORA</b>\nLive figures.\n\n<b>Milestones</b>\nBurned: 1.2M SORA\nTransaction: <code>0xabc</code>\nSpot prices.\n\n<i>Block 1,234 · 21 Nov 2026, 14:05 UTC</i>",
    );
  });

  it("numbers steps without a colon after the number", () => {
    const steps = {
      heading: "Steps",
      lines: [
        { label: "1.", value: "Approve LUMA" },
        { label: "2.", value: "Stake" },
      ],
    };
    expect(renderViewHtml(view({ sections: [steps] }))).toEqual([
      "<b>SORA</b>\n\n<b>Steps</b>\n1. Approve LUMA\n2. Stake",
    ]);
  });

  it("escapes every string a member or the chain could have written", () => {
    const [html] = renderViewHtml(
      view({
        title: "<script>&",
        text: ['"/stake <b>1</b>" is not a command'],
        sections: [{ heading: "a<b", lines: [{ label: "x&y", value: "<i>", mono: true }] }],
        footer: "1 > 0",
      }),
    );
    expect(html).toBe(
      '<b>&lt;script&gt;&amp;</b>\n"/stake &lt;b&gt;1&lt;/b&gt;" is not a command\n\n<b>a&lt;b</b>\nx&amp;y: <code>&lt;i&gt;</code>\n\n<i>1 &gt; 0</i>',
    );
  });

  it("splits a long answer between sections, each message within Telegram's limit", () => {
    const section = (n: number) => ({
      heading: `Section ${n}`,
      lines: Array.from({ length: 40 }, (_, i) => ({ label: `Line ${i}`, value: "x".repeat(30) })),
    });
    const messages = renderViewHtml(view({ sections: [1, 2, 3, 4, 5].map(section), footer: "Block 1" }));
    expect(messages.length).toBeGreaterThan(1);
    for (const html of messages) {
      expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(balanced(html)).toBe(true);
    }
    // No section is cut in two: every message starts at a section heading (or the title).
    expect(messages.slice(1).every((html) => /^<b>Section \d<\/b>\n/.test(html))).toBe(true);
    expect(messages.join("\n\n")).toBe(
      `${renderViewHtml(view({ sections: [1, 2, 3, 4, 5].map(section) }), 1e9)[0]}\n\n<i>Block 1</i>`,
    );
  });

  it("cuts very long plain text into valid HTML pieces, never inside an entity or a character", () => {
    const text = `${"&<>🔥 ".repeat(3_000)}end`;
    const messages = renderViewHtml(
      view({ text: [text], sections: [{ lines: [{ label: "a", value: text, mono: true }] }] }),
    );
    expect(messages.length).toBeGreaterThan(4);
    for (const html of messages) {
      expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(balanced(html)).toBe(true);
      expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    const shown = messages
      .join("")
      .replaceAll(/<\/?(b|i|code)>/g, "")
      .replaceAll(/\s/g, "");
    expect(shown.match(/🔥/g)?.length).toBe(6_000);
  });

  it("fits a short view in a photo caption, and says when a longer one does not", () => {
    expect(renderViewHtml(view({ text: ["short"] }), CAPTION_LIMIT)).toHaveLength(1);
    expect(renderViewHtml(view({ text: ["word ".repeat(300)] }), CAPTION_LIMIT).length).toBeGreaterThan(1);
  });
});
