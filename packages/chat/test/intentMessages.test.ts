import type { Database } from "@luma-pulse/db";
import { parseUnits } from "viem";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createIntent } from "../../../services/gateway/src/intents/createIntent.ts";
import { createProtectionConfig } from "../../../services/gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../../services/gateway/src/startGateway.ts";
import { awaitIntent, reportTx } from "../../../services/gateway/test/intentApi.ts";
import {
  approveLumaStep,
  fundLuma,
  mined,
  sendStep,
  stakeLumaPlan,
} from "../../../services/gateway/test/intentPlans.ts";
import { setupChain } from "../../../services/gateway/test/setupChain.ts";
import { setupDatabase } from "../../../services/gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../../services/gateway/test/startReadyGateway.ts";
import { createGatewayClient, type GatewayClient } from "../src/gateway/createGatewayClient.ts";
import { getIntent } from "../src/gateway/operations/getIntent.ts";
import type { Locale } from "../src/i18n/Locale.ts";
import type { MessageEditor } from "../src/intentMessages/MessageEditor.ts";
import { showIntentChange } from "../src/intentMessages/showIntentChange.ts";
import { startIntentMessageFollower } from "../src/intentMessages/startIntentMessageFollower.ts";
import { trackIntentMessage } from "../src/intentMessages/trackIntentMessage.ts";
import type { ChatView } from "../src/views/ChatView.ts";

const e18 = (value: string) => parseUnits(value, 18);
const POLL_MS = 50;

type Outcome = Awaited<ReturnType<MessageEditor>>;
type Edit = { chatId: string; messageId: string; editToken?: string; view: ChatView };

/** A bot's editor that records every edit and answers what a message's script says ("edited" by default). */
function recordingEditor(script: Record<string, Outcome[]> = {}) {
  const edits: Edit[] = [];
  const edit: MessageEditor = async (message, view) => {
    edits.push({ ...message, view });
    return script[message.messageId]?.shift() ?? "edited";
  };
  return { edit, edits, of: (messageId: string) => edits.filter((e) => e.messageId === messageId) };
}

async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("intent messages follow their intent", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let database: Database;
  let gateway: RunningGateway;
  let client: GatewayClient;
  let messageIds = 0;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    chain = await setupChain();
    database = await setupDatabase();
    gateway = await startReadyGateway(chain, {
      database,
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "1000000" }),
      intentWatcher: { notSeenTimeoutMs: 0 },
    });
    client = createGatewayClient({ url: gateway.url });
    await fundLuma(chain, chain.members.alice, e18("1000"));
  }, 120_000);

  afterEach(async () => {
    await Promise.all(running.splice(0).map((follower) => follower.stop()));
  });

  const follow = (edit: MessageEditor) => {
    const follower = startIntentMessageFollower({
      prisma: database.prisma,
      gateway: client,
      platform: "telegram",
      edit,
      pollMs: POLL_MS,
    });
    running.push(follower);
    return follower;
  };

  /** A one-step plan of Alice's: open for `ttlMs`, or expired already with `expired`. */
  const aliceIntent = async (options: { ttlMs?: number; expired?: boolean } = {}) => {
    const plan = await stakeLumaPlan(chain, chain.members.alice, e18("1"), [
      approveLumaStep(chain, e18("1")),
    ]);
    const now = options.expired ? new Date(Date.now() - 3_600_000) : new Date();
    return createIntent(database.prisma, plan, { ttlMs: options.ttlMs ?? 15 * 60_000, now });
  };

  /** The bot sent a message showing `intentId`; returns the message's id. */
  const sent = async (intentId: string, locale: Locale = "en", chatId = "4242") => {
    const messageId = String(++messageIds);
    await trackIntentMessage(database.prisma, { platform: "telegram", chatId, messageId, intentId, locale });
    return messageId;
  };
  const shownOf = async (messageId: string) =>
    (await database.prisma.intentMessage.findFirst({ where: { messageId } }))?.shown;

  /** Once this message (of an expired intent) is edited, every follower running has polled since. */
  const witness = async (editor: ReturnType<typeof recordingEditor>) => {
    const messageId = await sent((await aliceIntent({ expired: true })).id);
    await waitUntil(() => editor.of(messageId).length > 0, "the witness message is edited");
  };

  it("edits a confirmed intent's message once, in the message's language, to the confirmed view", async () => {
    const editor = recordingEditor();
    follow(editor.edit);
    const { id } = await aliceIntent();
    const messageId = await sent(id, "zh", "-100777");

    const step = approveLumaStep(chain, e18("1"));
    const hash = await sendStep(chain, chain.members.alice, step);
    await mined(chain, hash);
    await reportTx(gateway.url, id, 0, hash);
    await awaitIntent(gateway.url, id, (i) => i.status === "CONFIRMED");
    await waitUntil(async () => (await shownOf(messageId)) === "confirmed", "the row shows confirmed");
    await witness(editor);

    const confirmed = editor.of(messageId).filter((e) => e.view.tone === "success");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ chatId: "-100777", messageId });
    expect(confirmed[0]?.view.title).toBe("✓ 已确认 · 质押 LUMA");
    expect(confirmed[0]?.view.buttons).toEqual([]);
    expect(editor.of(messageId).at(-1)).toBe(confirmed[0]);
  });

  it("edits an expired intent's message to say so, and a restarted follower edits nothing twice", async () => {
    const before = recordingEditor();
    const first = follow(before.edit);
    const { id } = await aliceIntent({ ttlMs: 1_000 });
    const messageId = await sent(id);
    await waitUntil(() => before.of(messageId).length > 0, "the expired intent's message is edited");
    const [expired] = before.of(messageId);
    expect(expired?.view).toMatchObject({ title: "Expired · Stake LUMA", tone: "warning", buttons: [] });
    expect(await shownOf(messageId)).toBe("expired");

    await first.stop();
    const after = recordingEditor();
    follow(after.edit);
    await witness(after);
    expect(after.of(messageId)).toEqual([]);
    expect(before.of(messageId)).toHaveLength(1);
  });

  it("never tries a deleted message again, and tries a failed edit again at the next poll", async () => {
    const { id } = await aliceIntent({ expired: true });
    const deleted = await sent(id, "en", "1001");
    const flaky = await sent(id, "en", "1002");
    const editor = recordingEditor({ [deleted]: ["gone"], [flaky]: ["failed"] });
    follow(editor.edit);
    await waitUntil(() => editor.of(flaky).length === 2, "the failed edit is tried again");
    await witness(editor);
    expect(editor.of(deleted)).toHaveLength(1);
    expect(await shownOf(deleted)).toBe("gone");
    expect(editor.of(flaky)).toHaveLength(2);
    expect(await shownOf(flaky)).toBe("expired");
  });

  it("two followers on one database show each change once", async () => {
    const editor = recordingEditor();
    follow(editor.edit);
    follow(editor.edit);
    const { id } = await aliceIntent({ expired: true });
    const messages = await Promise.all(["2001", "2002", "2003"].map((chat) => sent(id, "zh", chat)));
    await waitUntil(async () => (await shownOf(messages[2] ?? "")) === "expired", "all are shown expired");
    await witness(editor);
    expect(messages.map((messageId) => editor.of(messageId).length)).toEqual([1, 1, 1]);
  });

  it("a follower that crashed between its claim and the edit: the message is edited once the claim lapses", async () => {
    const { id } = await aliceIntent({ expired: true });
    const messageId = await sent(id);
    const row = await database.prisma.intentMessage.findFirstOrThrow({ where: { messageId } });
    const intent = await getIntent(client, { locale: "en", id });
    // The crashed follower: it claimed the row, and its edit never came back.
    const hung: MessageEditor = () => new Promise(() => {});
    void showIntentChange({ prisma: database.prisma, edit: hung, log: () => {} }, row, "en", intent);
    await waitUntil(async () => (await shownOf(messageId)) !== "pending", "the row is claimed");

    const editor = recordingEditor();
    follow(editor.edit);
    // A fresh claim is another follower's, editing right now: left alone.
    await witness(editor);
    expect(editor.of(messageId)).toEqual([]);
    // A minute on, the claim has lapsed: the message still shows "pending", so it is edited.
    await database.prisma.intentMessage.updateMany({
      where: { messageId },
      data: { updatedAt: new Date(Date.now() - 61_000) },
    });
    await waitUntil(() => editor.of(messageId).length > 0, "the message is edited");
    await waitUntil(async () => (await shownOf(messageId)) === "expired", "the row shows expired");
    expect(editor.of(messageId).map((edit) => edit.view.title)).toEqual(["Expired · Stake LUMA"]);
  });

  it("stops following an intent the gateway does not know, asked in the same request as others", async () => {
    const editor = recordingEditor();
    const unknown = await sent("NoSuchIntent0000000000");
    const { id } = await aliceIntent({ expired: true });
    const known = await sent(id);
    follow(editor.edit);
    await waitUntil(async () => (await shownOf(unknown)) === "unknown", "the unknown intent is final");
    await waitUntil(() => editor.of(known).length > 0, "the known intent's message is edited");
    expect(editor.of(unknown)).toEqual([]);
  });

  it("follows many intents at once, within the gateway's alias and cost limits", async () => {
    const editor = recordingEditor();
    const intents = await Promise.all(Array.from({ length: 25 }, () => aliceIntent({ expired: true })));
    const messages = await Promise.all(intents.map(({ id }) => sent(id, "zh")));
    follow(editor.edit);
    await waitUntil(() => messages.every((m) => editor.of(m).length === 1), "every message is edited");
    expect(new Set(editor.edits.map((e) => e.view.title))).toEqual(new Set(["已过期 · 质押 LUMA"]));
  });

  it("leaves a message sent more than a day ago as it is", async () => {
    const editor = recordingEditor();
    const { id } = await aliceIntent({ expired: true });
    const old = await sent(id);
    await database.prisma.intentMessage.updateMany({
      where: { messageId: old },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    follow(editor.edit);
    await witness(editor);
    expect(editor.of(old)).toEqual([]);
    expect(await shownOf(old)).toBe("pending");
  });

  it("stop() waits for the edit in flight", async () => {
    let release = () => {};
    const edited = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started: string[] = [];
    const follower = follow(async (message) => {
      started.push(message.messageId);
      await edited;
      return "edited";
    });
    const { id } = await aliceIntent({ expired: true });
    const messageId = await sent(id);
    await waitUntil(() => started.length > 0, "the edit starts");
    let stopped = false;
    const stopping = follower.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 4 * POLL_MS));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(started).toEqual([messageId]);
    expect(await shownOf(messageId)).toBe("expired");
  });
});
