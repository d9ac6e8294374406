-- CreateEnum
CREATE TYPE "IntentStatus" AS ENUM ('pending', 'submitted', 'confirmed', 'failed', 'dropped');

-- CreateEnum
CREATE TYPE "IntentTxStatus" AS ENUM ('pending', 'mined', 'reverted', 'mismatched', 'dropped');

-- CreateTable
CREATE TABLE "SigningIntent" (
    "id" VARCHAR(32) NOT NULL,
    "chainId" INTEGER NOT NULL,
    "account" VARCHAR(42) NOT NULL,
    "action" VARCHAR(32) NOT NULL,
    "plan" JSONB NOT NULL,
    "verificationCode" VARCHAR(16) NOT NULL,
    "status" "IntentStatus" NOT NULL DEFAULT 'pending',
    "failureReason" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "settledAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SigningIntent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntentTransaction" (
    "intentId" VARCHAR(32) NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "chainId" INTEGER NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "status" "IntentTxStatus" NOT NULL DEFAULT 'pending',
    "blockNumber" BIGINT,
    "blockHash" VARCHAR(66),
    "reportedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntentTransaction_pkey" PRIMARY KEY ("intentId","stepIndex")
);

-- CreateTable
CREATE TABLE "WalletLinkChallenge" (
    "id" VARCHAR(32) NOT NULL,
    "nonce" VARCHAR(64) NOT NULL,
    "platform" VARCHAR(16) NOT NULL,
    "userId" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WalletLinkChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WalletLink" (
    "id" BIGSERIAL NOT NULL,
    "platform" VARCHAR(16) NOT NULL,
    "userId" VARCHAR(64) NOT NULL,
    "address" VARCHAR(42) NOT NULL,
    "chainId" INTEGER NOT NULL,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WalletLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SigningIntent_status_expiresAt_idx" ON "SigningIntent"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "IntentTransaction_status_idx" ON "IntentTransaction"("status");

-- CreateIndex
CREATE UNIQUE INDEX "IntentTransaction_chainId_txHash_key" ON "IntentTransaction"("chainId", "txHash");

-- CreateIndex
CREATE UNIQUE INDEX "WalletLinkChallenge_nonce_key" ON "WalletLinkChallenge"("nonce");

-- CreateIndex
CREATE INDEX "WalletLink_address_idx" ON "WalletLink"("address");

-- CreateIndex
CREATE UNIQUE INDEX "WalletLink_platform_userId_address_key" ON "WalletLink"("platform", "userId", "address");

-- AddForeignKey
ALTER TABLE "IntentTransaction" ADD CONSTRAINT "IntentTransaction_intentId_fkey" FOREIGN KEY ("intentId") REFERENCES "SigningIntent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

