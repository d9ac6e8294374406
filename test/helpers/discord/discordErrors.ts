/** An error answer as Discord's HTTP API sends it: a status and `{ code, message }` JSON. */
export type DiscordErrorAnswer = { status: number; code: number; message: string };

/** The JSON error codes the bot meets (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const discordErrors = {
  unauthorized: { status: 401, code: 0, message: "401: Unauthorized" },
  notFound: { status: 404, code: 0, message: "404: Not Found" },
  unknownChannel: { status: 404, code: 10003, message: "Unknown Channel" },
  unknownMessage: { status: 404, code: 10008, message: "Unknown Message" },
  unknownWebhook: { status: 404, code: 10015, message: "Unknown Webhook" },
  unknownInteraction: { status: 404, code: 10062, message: "Unknown interaction" },
  alreadyAcknowledged: { status: 400, code: 40060, message: "Interaction has already been acknowledged." },
  missingAccess: { status: 403, code: 50001, message: "Missing Access" },
  missingPermissions: { status: 403, code: 50013, message: "Missing Permissions" },
  invalidWebhookToken: { status: 401, code: 50027, message: "Invalid Webhook Token" },
  invalidFormBody: { status: 400, code: 50035, message: "Invalid Form Body" },
  serverError: { status: 500, code: 0, message: "500: Internal Server Error" },
} as const satisfies Record<string, DiscordErrorAnswer>;
