/**
 * @luma-pulse/chat: the platform-neutral core of the Telegram and Discord bots. Commands are data
 * (one list for handlers, menus and usage lines); handlers ask the gateway and answer with
 * `ChatView`s that each bot renders its own way; texts are in English and Chinese; charts are PNGs;
 * the alert pipeline's decisions are pure functions that the durable delivery calls: `followBurns`
 * follows `soraBurned` over SSE into a Postgres outbox, `startDeliveryWorker` sends it under the
 * platform's rate limits through the bot's `AlertSender`.
 *
 * Not here yet: following `intentUpdated` over SSE (`getIntent` polls meanwhile).
 */

// Alerts (pure: the outbox calls these)
export {
  type AlertSettings,
  alertSettingsToJson,
  defaultAlertSettings,
  parseAlertSettings,
  type QuietHours,
} from "./alerts/AlertSettings.ts";
export { alertSettingsView, formatQuietHours, formatUtcOffset } from "./alerts/alertSettingsView.ts";
export { type AlertsChange, applyAlertsChange, parseAlertsCommand } from "./alerts/alertsCommand.ts";
export { burnAlertView, digestView, milestoneView } from "./alerts/alertViews.ts";
export { crossedMilestones, defaultMilestonePercents } from "./alerts/crossedMilestones.ts";
export { isQuiet, quietUntil } from "./alerts/quietHours.ts";
export { type BurnRoute, routeBurn } from "./alerts/routeBurn.ts";
export { type BurnDigest, summarizeBurns } from "./alerts/summarizeBurns.ts";
// Charts
export { type RebasePoint, realisedApySeries } from "./charts/realisedApySeries.ts";
export { CHART_FONT_FAMILY, registerChartFonts } from "./charts/registerChartFonts.ts";
export { renderBurnChart } from "./charts/renderBurnChart.ts";
export { renderRebaseChart } from "./charts/renderRebaseChart.ts";
// Commands
export { answerCommand, answerText } from "./commands/answerCommand.ts";
export type { CommandContext, CommandReply } from "./commands/CommandContext.ts";
export type { ArgSpec, CommandDefinition, CommandPlatform, Localized } from "./commands/CommandDefinition.ts";
export { type CommandName, commandDefinitions, findCommand } from "./commands/commandDefinitions.ts";
export {
  commandMenu,
  type MenuCommand,
  type SlashCommandSpec,
  type SlashOptionSpec,
  slashCommandSpecs,
} from "./commands/commandMenu.ts";
export type { CommandArgs } from "./commands/handlers/Handler.ts";
export type { AmountArg } from "./commands/parseArgument.ts";
export { type ArgsOf, parseArguments } from "./commands/parseArguments.ts";
export { type CommandText, MAX_COMMAND_LENGTH, parseCommandText } from "./commands/parseCommandText.ts";
export { decodeStartPayload, encodeStartPayload } from "./commands/startPayload.ts";
export type { UsageProblem } from "./commands/UsageProblem.ts";
export { usageLine, usageProblemText } from "./commands/usageText.ts";
// Delivery
export type { AlertSender, DeliveryPlatform, SendResult } from "./delivery/AlertSender.ts";
export {
  createRateGate,
  defaultRateLimitPrefix,
  type RateGate,
  type RateSlots,
} from "./delivery/createRateGate.ts";
export { followBurns } from "./delivery/followBurns.ts";
export {
  type RateLimit,
  type RateLimitPolicy,
  telegramGlobalLimit,
  telegramRateLimits,
} from "./delivery/RateLimitPolicy.ts";
export {
  type DeliveryWorker,
  type DeliveryWorkerOptions,
  startDeliveryWorker,
} from "./delivery/startDeliveryWorker.ts";
// Gateway client and typed operations
export {
  createGatewayClient,
  type GatewayClient,
  type GatewayClientOptions,
  type GatewayRequest,
} from "./gateway/createGatewayClient.ts";
export { type ClientErrorCode, GatewayError, isGatewayError } from "./gateway/GatewayError.ts";
export { type Account, getAccount, type OptionPosition } from "./gateway/operations/getAccount.ts";
export {
  type BurnBucket,
  type BurnInterval,
  type BurnSeries,
  getBurnSeries,
} from "./gateway/operations/getBurnSeries.ts";
export { getIntent } from "./gateway/operations/getIntent.ts";
export {
  type BurnReason,
  getLatestBurns,
  type LatestBurns,
  type SoraBurn,
} from "./gateway/operations/getLatestBurns.ts";
export { getPrices, type Prices } from "./gateway/operations/getPrices.ts";
export {
  getRebaseHistory,
  type RebaseHistory,
  type RebaseHistoryPoint,
  type RebaseInterval,
} from "./gateway/operations/getRebaseHistory.ts";
export {
  type BurnMilestone,
  getSoraStats,
  type SoraPrice,
  type SoraStats,
} from "./gateway/operations/getSoraStats.ts";
export { getYields, type Yields } from "./gateway/operations/getYields.ts";
export {
  type PlanActionName,
  type PlanRequest,
  planAction,
  planDocument,
} from "./gateway/operations/planAction.ts";
export type { ActionKind, IntentStatus, SigningIntent } from "./gateway/operations/signingIntent.ts";
export {
  type BurnEvent,
  parseSoraBurnedEvent,
  SORA_BURNED_DOCUMENT,
} from "./gateway/operations/soraBurnedEvent.ts";
export {
  type ChatPlatform,
  type ChatUser,
  createWalletLinkChallenge,
  listWalletLinks,
  unlinkWallet,
  type WalletLink,
  type WalletLinkChallenge,
} from "./gateway/operations/walletLinks.ts";
export type { BlockRef, TokenAmount, YieldFigure } from "./gateway/scalars.ts";
// Texts and formatting
export { errorText } from "./i18n/errors/errorText.ts";
export { type GatewayErrorCode, gatewayErrorCodes } from "./i18n/errors/gatewayErrorCodes.ts";
export { formatDate, formatDateTime, formatDuration } from "./i18n/format/formatDates.ts";
export {
  formatInteger,
  formatMultiple,
  formatPercent,
  formatPrice,
  formatUsd,
} from "./i18n/format/formatNumbers.ts";
export { type AmountStyle, formatTokenAmount, formatTokenNumber } from "./i18n/format/formatTokenAmount.ts";
export { isLocale, type Locale, locales } from "./i18n/Locale.ts";
export { localeOf } from "./i18n/localeOf.ts";
export type { Texts } from "./i18n/texts/en.ts";
export { textsFor } from "./i18n/texts/textsFor.ts";
// Intent messages
export type { MessageEditor } from "./intentMessages/MessageEditor.ts";
export {
  type IntentMessageFollowerOptions,
  startIntentMessageFollower,
} from "./intentMessages/startIntentMessageFollower.ts";
export { type TrackedIntentMessage, trackIntentMessage } from "./intentMessages/trackIntentMessage.ts";
// Metrics
export { type ChatMetrics, createChatMetrics, type SendKind } from "./metrics/createChatMetrics.ts";
export { watchAlertQueue } from "./metrics/watchAlertQueue.ts";
// Process: a bot run as a service of its own
export { type BotProcessDeps, type BotProcessOptions, runBotProcess } from "./process/runBotProcess.ts";
// Delivery: the chats' alert settings and the users' languages
export { loadAlertSettings, moveChat, removeChat, saveAlertSettings } from "./store/alertSubscriptions.ts";
export { loadUserLocale, saveUserLocale } from "./store/userLocale.ts";
export { burnsView } from "./views/burnsView.ts";
// Views
export type { ChatButton, ChatChart, ChatLine, ChatSection, ChatView } from "./views/ChatView.ts";
export { errorView } from "./views/errorView.ts";
export { type ExplorerLinks, txUrl } from "./views/explorerLinks.ts";
export { helpView } from "./views/helpView.ts";
export { intentView } from "./views/intentView.ts";
export { positionView } from "./views/positionView.ts";
export { priceView } from "./views/priceView.ts";
export { releaseView } from "./views/releaseView.ts";
export { adminOnlyView, langView, privateOnlyView } from "./views/settingsViews.ts";
export { soraView } from "./views/soraView.ts";
export { startView } from "./views/startView.ts";
export { usageView } from "./views/usageView.ts";
export { linkView, notLinkedView, unlinkView, walletListView } from "./views/walletViews.ts";
export { yieldsView } from "./views/yieldsView.ts";
