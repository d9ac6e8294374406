-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "BurnReason" AS ENUM ('sell', 'buyback');

-- CreateEnum
CREATE TYPE "TradeSide" AS ENUM ('buy', 'sell');

-- CreateTable
CREATE TABLE "SoraBurn" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "from" VARCHAR(42) NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "reason" "BurnReason" NOT NULL,
    "totalBurned" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "SoraBurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptionStake" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "positionId" BIGINT NOT NULL,
    "owner" VARCHAR(42) NOT NULL,
    "popAmount" DECIMAL(78,0) NOT NULL,
    "principal" DECIMAL(78,0) NOT NULL,
    "lpLocked" DECIMAL(78,0) NOT NULL,
    "soraQuota" DECIMAL(78,0) NOT NULL,
    "dailyRateBps" INTEGER NOT NULL,
    "capBps" INTEGER NOT NULL,
    "releasePeriod" INTEGER NOT NULL,
    "earlyFeeBps" INTEGER NOT NULL,

    CONSTRAINT "OptionStake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptionClaim" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "positionId" BIGINT NOT NULL,
    "owner" VARCHAR(42) NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "OptionClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptionEarlyRelease" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "positionId" BIGINT NOT NULL,
    "owner" VARCHAR(42) NOT NULL,
    "vestedClaimed" DECIMAL(78,0) NOT NULL,
    "unvestedReleased" DECIMAL(78,0) NOT NULL,
    "fee" DECIMAL(78,0) NOT NULL,
    "feeToBuyback" DECIMAL(78,0) NOT NULL,
    "feeBurned" DECIMAL(78,0) NOT NULL,
    "paidOut" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "OptionEarlyRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RebaseStake" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "account" VARCHAR(42) NOT NULL,
    "lumaAmount" DECIMAL(78,0) NOT NULL,
    "shares" DECIMAL(78,0) NOT NULL,
    "index" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "RebaseStake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RebaseUnstake" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "account" VARCHAR(42) NOT NULL,
    "sLumaAmount" DECIMAL(78,0) NOT NULL,
    "fee" DECIMAL(78,0) NOT NULL,
    "feeToBuyback" DECIMAL(78,0) NOT NULL,
    "feeBurned" DECIMAL(78,0) NOT NULL,
    "lumaOut" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "RebaseUnstake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rebase" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "epoch" BIGINT NOT NULL,
    "epochTime" TIMESTAMPTZ(3) NOT NULL,
    "index" DECIMAL(78,0) NOT NULL,
    "lumaMinted" DECIMAL(78,0) NOT NULL,
    "totalStaked" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "Rebase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeCollection" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "source" VARCHAR(42) NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "toBuyback" DECIMAL(78,0) NOT NULL,
    "lumaBurned" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "FeeCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Buyback" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "caller" VARCHAR(42) NOT NULL,
    "lumaIn" DECIMAL(78,0) NOT NULL,
    "soraBurned" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "Buyback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SoraQuotaGrant" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "account" VARCHAR(42) NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "newQuota" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "SoraQuotaGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SoraTrade" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "side" "TradeSide" NOT NULL,
    "account" VARCHAR(42) NOT NULL,
    "soraAmount" DECIMAL(78,0) NOT NULL,
    "lumaAmount" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "SoraTrade_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolSnapshot" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "pool" VARCHAR(42) NOT NULL,
    "name" TEXT NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "reserve0" DECIMAL(78,0) NOT NULL,
    "reserve1" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "PoolSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParameterChange" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" VARCHAR(66) NOT NULL,
    "blockTime" TIMESTAMPTZ(3) NOT NULL,
    "txHash" VARCHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "contract" VARCHAR(42) NOT NULL,
    "name" TEXT NOT NULL,
    "oldValue" DECIMAL(78,0) NOT NULL,
    "newValue" DECIMAL(78,0) NOT NULL,

    CONSTRAINT "ParameterChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexerCursor" (
    "id" SERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "lastBlockNumber" BIGINT NOT NULL,
    "lastBlockHash" VARCHAR(66) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndexerCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexedBlock" (
    "chainId" INTEGER NOT NULL,
    "number" BIGINT NOT NULL,
    "hash" VARCHAR(66) NOT NULL,
    "parentHash" VARCHAR(66) NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndexedBlock_pkey" PRIMARY KEY ("chainId","number")
);

-- CreateIndex
CREATE INDEX "SoraBurn_chainId_blockNumber_idx" ON "SoraBurn"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "SoraBurn_blockTime_idx" ON "SoraBurn"("blockTime");

-- CreateIndex
CREATE INDEX "SoraBurn_reason_blockTime_idx" ON "SoraBurn"("reason", "blockTime");

-- CreateIndex
CREATE UNIQUE INDEX "SoraBurn_chainId_txHash_logIndex_key" ON "SoraBurn"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "OptionStake_chainId_blockNumber_idx" ON "OptionStake"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "OptionStake_blockTime_idx" ON "OptionStake"("blockTime");

-- CreateIndex
CREATE INDEX "OptionStake_owner_idx" ON "OptionStake"("owner");

-- CreateIndex
CREATE INDEX "OptionStake_positionId_idx" ON "OptionStake"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "OptionStake_chainId_txHash_logIndex_key" ON "OptionStake"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "OptionClaim_chainId_blockNumber_idx" ON "OptionClaim"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "OptionClaim_blockTime_idx" ON "OptionClaim"("blockTime");

-- CreateIndex
CREATE INDEX "OptionClaim_owner_idx" ON "OptionClaim"("owner");

-- CreateIndex
CREATE INDEX "OptionClaim_positionId_idx" ON "OptionClaim"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "OptionClaim_chainId_txHash_logIndex_key" ON "OptionClaim"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "OptionEarlyRelease_chainId_blockNumber_idx" ON "OptionEarlyRelease"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "OptionEarlyRelease_blockTime_idx" ON "OptionEarlyRelease"("blockTime");

-- CreateIndex
CREATE INDEX "OptionEarlyRelease_owner_idx" ON "OptionEarlyRelease"("owner");

-- CreateIndex
CREATE INDEX "OptionEarlyRelease_positionId_idx" ON "OptionEarlyRelease"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "OptionEarlyRelease_chainId_txHash_logIndex_key" ON "OptionEarlyRelease"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "RebaseStake_chainId_blockNumber_idx" ON "RebaseStake"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "RebaseStake_blockTime_idx" ON "RebaseStake"("blockTime");

-- CreateIndex
CREATE INDEX "RebaseStake_account_idx" ON "RebaseStake"("account");

-- CreateIndex
CREATE UNIQUE INDEX "RebaseStake_chainId_txHash_logIndex_key" ON "RebaseStake"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "RebaseUnstake_chainId_blockNumber_idx" ON "RebaseUnstake"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "RebaseUnstake_blockTime_idx" ON "RebaseUnstake"("blockTime");

-- CreateIndex
CREATE INDEX "RebaseUnstake_account_idx" ON "RebaseUnstake"("account");

-- CreateIndex
CREATE UNIQUE INDEX "RebaseUnstake_chainId_txHash_logIndex_key" ON "RebaseUnstake"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "Rebase_chainId_blockNumber_idx" ON "Rebase"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "Rebase_blockTime_idx" ON "Rebase"("blockTime");

-- CreateIndex
CREATE UNIQUE INDEX "Rebase_chainId_txHash_logIndex_key" ON "Rebase"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE UNIQUE INDEX "Rebase_chainId_epoch_key" ON "Rebase"("chainId", "epoch");

-- CreateIndex
CREATE INDEX "FeeCollection_chainId_blockNumber_idx" ON "FeeCollection"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "FeeCollection_blockTime_idx" ON "FeeCollection"("blockTime");

-- CreateIndex
CREATE UNIQUE INDEX "FeeCollection_chainId_txHash_logIndex_key" ON "FeeCollection"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "Buyback_chainId_blockNumber_idx" ON "Buyback"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "Buyback_blockTime_idx" ON "Buyback"("blockTime");

-- CreateIndex
CREATE UNIQUE INDEX "Buyback_chainId_txHash_logIndex_key" ON "Buyback"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "SoraQuotaGrant_chainId_blockNumber_idx" ON "SoraQuotaGrant"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "SoraQuotaGrant_blockTime_idx" ON "SoraQuotaGrant"("blockTime");

-- CreateIndex
CREATE INDEX "SoraQuotaGrant_account_idx" ON "SoraQuotaGrant"("account");

-- CreateIndex
CREATE UNIQUE INDEX "SoraQuotaGrant_chainId_txHash_logIndex_key" ON "SoraQuotaGrant"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "SoraTrade_chainId_blockNumber_idx" ON "SoraTrade"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "SoraTrade_blockTime_idx" ON "SoraTrade"("blockTime");

-- CreateIndex
CREATE INDEX "SoraTrade_account_idx" ON "SoraTrade"("account");

-- CreateIndex
CREATE INDEX "SoraTrade_side_blockTime_idx" ON "SoraTrade"("side", "blockTime");

-- CreateIndex
CREATE UNIQUE INDEX "SoraTrade_chainId_txHash_logIndex_key" ON "SoraTrade"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE INDEX "PoolSnapshot_chainId_blockNumber_idx" ON "PoolSnapshot"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "PoolSnapshot_pool_blockTime_idx" ON "PoolSnapshot"("pool", "blockTime");

-- CreateIndex
CREATE INDEX "PoolSnapshot_blockTime_idx" ON "PoolSnapshot"("blockTime");

-- CreateIndex
CREATE UNIQUE INDEX "PoolSnapshot_chainId_pool_blockNumber_key" ON "PoolSnapshot"("chainId", "pool", "blockNumber");

-- CreateIndex
CREATE INDEX "ParameterChange_chainId_blockNumber_idx" ON "ParameterChange"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "ParameterChange_blockTime_idx" ON "ParameterChange"("blockTime");

-- CreateIndex
CREATE INDEX "ParameterChange_contract_name_idx" ON "ParameterChange"("contract", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ParameterChange_chainId_txHash_logIndex_key" ON "ParameterChange"("chainId", "txHash", "logIndex");

-- CreateIndex
CREATE UNIQUE INDEX "IndexerCursor_chainId_name_key" ON "IndexerCursor"("chainId", "name");

