import type { AlertSettings } from "../alerts/AlertSettings.ts";
import type { GatewayClient } from "../gateway/createGatewayClient.ts";
import type { ChatUser } from "../gateway/operations/walletLinks.ts";
import type { Locale } from "../i18n/Locale.ts";
import type { ChatView } from "../views/ChatView.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import type { CommandPlatform } from "./CommandDefinition.ts";

/** What a command handler may know and use; the bot builds one per update. */
export type CommandContext = {
  gateway: GatewayClient;
  platform: CommandPlatform;
  locale: Locale;
  /** Who sent the command (wallet links are per platform user). */
  user: ChatUser;
  /**
   * Where: wallet commands answer in private chats only (Discord: an ephemeral reply counts as
   * private). `isAdmin`: of this chat (true in a private chat).
   */
  chat: { kind: "private" | "group"; isAdmin: boolean };
  now: Date;
  /** Render chart PNGs into /sora and /yields. */
  charts: boolean;
  explorer?: ExplorerLinks;
  /** The chat's alert settings, for /alerts (the bot loads and stores them). */
  alertSettings?: AlertSettings;
  signal?: AbortSignal;
};

/** What the bot should do with a command's answer. */
export type CommandReply =
  /** Send (or, for an edit, replace) the view. */
  | { kind: "view"; view: ChatView }
  /**
   * A signing plan: send the view, then follow the intent (`intentUpdated`, or poll `getIntent`) and
   * edit the message with `intentView` when it is confirmed, failed, dropped or expired.
   */
  | { kind: "intent"; view: ChatView; intentId: string; expiresAt: Date }
  /**
   * A wallet command in a group: send the view with a button to the private chat (Telegram:
   * `t.me/<bot>?start=<startPayload>`, which runs the same command there). No payload: too long to carry.
   */
  | { kind: "private_only"; view: ChatView; startPayload?: string }
  /** /lang: store the user's language; the view is already in it. */
  | { kind: "set_locale"; view: ChatView; locale: Locale }
  /** /alerts: store the chat's new settings. */
  | { kind: "set_alerts"; view: ChatView; settings: AlertSettings };
