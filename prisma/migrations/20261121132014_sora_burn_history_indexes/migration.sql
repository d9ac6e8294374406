-- DropIndex
DROP INDEX "SoraBurn_chainId_blockNumber_idx";

-- DropIndex
DROP INDEX "SoraBurn_blockTime_idx";

-- DropIndex
DROP INDEX "SoraBurn_reason_blockTime_idx";

-- CreateIndex
CREATE INDEX "SoraBurn_chainId_blockNumber_logIndex_idx" ON "SoraBurn"("chainId", "blockNumber" DESC, "logIndex" DESC);

-- CreateIndex
CREATE INDEX "SoraBurn_chainId_reason_blockNumber_logIndex_idx" ON "SoraBurn"("chainId", "reason", "blockNumber" DESC, "logIndex" DESC);

-- CreateIndex
CREATE INDEX "SoraBurn_chainId_blockTime_idx" ON "SoraBurn"("chainId", "blockTime");

-- CreateIndex
CREATE INDEX "SoraBurn_chainId_totalBurned_idx" ON "SoraBurn"("chainId", "totalBurned");

-- CreateIndex
CREATE INDEX "SoraBurn_chainId_amount_idx" ON "SoraBurn"("chainId", "amount");
