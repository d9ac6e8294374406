-- CreateTable
CREATE TABLE "LiveStatsMessage" (
    "platform" "ChatPlatform" NOT NULL,
    "chatId" VARCHAR(64) NOT NULL,
    "guildId" VARCHAR(64),
    "messageId" VARCHAR(64) NOT NULL,
    "intervalMinutes" INTEGER NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "nextEditAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiveStatsMessage_pkey" PRIMARY KEY ("platform","chatId")
);

-- CreateIndex
CREATE INDEX "LiveStatsMessage_platform_nextEditAt_idx" ON "LiveStatsMessage"("platform", "nextEditAt");

