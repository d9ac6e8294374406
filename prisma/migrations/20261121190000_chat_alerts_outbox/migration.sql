-- CreateEnum
CREATE TYPE "ChatPlatform" AS ENUM ('telegram', 'discord');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'dropped');

-- CreateTable
CREATE TABLE "ChatUserPreference" (
    "platform" "ChatPlatform" NOT NULL,
    "userId" VARCHAR(64) NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChatUserPreference_pkey" PRIMARY KEY ("platform","userId")
);

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "platform" "ChatPlatform" NOT NULL,
    "chatId" VARCHAR(64) NOT NULL,
    "settings" JSONB NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "guildId" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "removedAt" TIMESTAMPTZ(3),
    "removedReason" VARCHAR(128),

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("platform","chatId")
);

-- CreateTable
CREATE TABLE "StreamCursor" (
    "consumer" VARCHAR(64) NOT NULL,
    "lastEventId" VARCHAR(128) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StreamCursor_pkey" PRIMARY KEY ("consumer")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" BIGSERIAL NOT NULL,
    "platform" "ChatPlatform" NOT NULL,
    "chatId" VARCHAR(64) NOT NULL,
    "eventId" VARCHAR(128) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "payload" JSONB NOT NULL,
    "digestKey" VARCHAR(64),
    "sendAfter" TIMESTAMPTZ(3) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMPTZ(3),
    "claimedBy" VARCHAR(64),
    "sentAt" TIMESTAMPTZ(3),
    "messageId" VARCHAR(64),
    "lastError" VARCHAR(256),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntentMessage" (
    "platform" "ChatPlatform" NOT NULL,
    "chatId" VARCHAR(64) NOT NULL,
    "messageId" VARCHAR(64) NOT NULL,
    "intentId" VARCHAR(32) NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "editToken" VARCHAR(512),
    "shown" VARCHAR(16) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntentMessage_pkey" PRIMARY KEY ("platform","chatId","messageId")
);

-- CreateIndex
CREATE INDEX "AlertSubscription_platform_removedAt_idx" ON "AlertSubscription"("platform", "removedAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_status_sendAfter_idx" ON "AlertDelivery"("status", "sendAfter");

-- CreateIndex
CREATE INDEX "AlertDelivery_platform_chatId_status_idx" ON "AlertDelivery"("platform", "chatId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_platform_chatId_eventId_key" ON "AlertDelivery"("platform", "chatId", "eventId");

-- CreateIndex
CREATE INDEX "IntentMessage_intentId_idx" ON "IntentMessage"("intentId");

-- CreateIndex
CREATE INDEX "IntentMessage_shown_idx" ON "IntentMessage"("shown");

