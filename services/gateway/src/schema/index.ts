import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "../builder.ts";
import "./scalars.ts";
import "./account.ts";
import "./actions.ts";
import "./intents.ts";
import "./pools.ts";
import "./protocol.ts";
import "./rebaseHistory.ts";
import "./sora.ts";
import "./soraBurns.ts";
import "./subscriptions.ts";
import "./walletLinks.ts";
import "./yields.ts";

/** The gateway's schema: every domain file above registers its types on the builder. */
export const schema = builder.toSchema();

/** The schema as committed in `services/gateway/schema.graphql` (sorted, so diffs stay small). */
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
