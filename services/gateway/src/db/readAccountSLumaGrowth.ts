import type { PrismaClient } from "@luma-pulse/db";
import type { Address } from "viem";

const SHARE_SCALE = 10n ** 36n;
const INDEX_ONE = 10n ** 18n;
const WEEK_MS = 7 * 86_400_000;

/** A wallet's rebase staking in LUMA, from the chain now and the indexed stakes, unstakes and rebases. */
export type SLumaGrowth = {
  /** LUMA staked over the wallet's life (RebaseStake rows). */
  deposited: bigint;
  /** sLUMA unstaked over its life, before the claim fee (RebaseUnstake rows). */
  withdrawn: bigint;
  /** deposited − withdrawn; negative once more has been taken out than was put in. */
  netDeposited: bigint;
  /** value now − netDeposited, floored at 0: all the index has added over the wallet's life. */
  growth: bigint;
  /** What the index added to the wallet in the 7 days before `at`, floored at 0. */
  growth7d: bigint;
  /** The index at the start of that window (from the last indexed rebase before it). */
  index7dAgo: bigint;
};

type Row = {
  deposited: string;
  withdrawn: string;
  depositedSince: string;
  withdrawnSince: string;
  sharesStakedSince: string;
  sharesUnstakedSince: string;
  indexThen: string | null;
};

/**
 * sLUMA growth of `account` in one SQL query. `valueNow` = shares × index / 1e36 and `sharesNow`
 * are read on chain at block `blockNumber` (time `at`); the indexed rows of that block and older
 * give the LUMA put in and taken out. The 7-day growth replays the window backwards: the shares
 * held 7 days ago are today's minus those staked since plus those unstaked since (an unstake burns
 * ⌈amount × 1e36 / index⌉ shares at the index of the last rebase before it, as the contract does),
 * valued at the index of 7 days ago; growth = value now − value then − LUMA net deposited since.
 *
 * Both growths are floored at 0 because the contract rounds shares in its own favour (up on every
 * stake and unstake): a wallet can be a wei or so short of what it put in before any rebase, which
 * is rounding, not a loss. The claim fee is not subtracted: growth is what the index paid; the fee
 * is the cost of leaving.
 */
export async function readAccountSLumaGrowth(
  prisma: PrismaClient,
  chainId: number,
  query: { account: Address; sharesNow: bigint; valueNow: bigint; blockNumber: bigint; at: Date },
): Promise<SLumaGrowth> {
  const account = query.account.toLowerCase();
  const since = new Date(query.at.getTime() - WEEK_MS);
  const [row] = await prisma.$queryRaw<Row[]>`
    WITH stakes AS (
      SELECT "blockTime", "lumaAmount", "shares" FROM "RebaseStake"
      WHERE "chainId" = ${chainId} AND "account" = ${account} AND "blockNumber" <= ${query.blockNumber}
    ), unstakes AS (
      SELECT u."blockTime", u."sLumaAmount", COALESCE(r."index", ${INDEX_ONE.toString()}::numeric) AS "index"
      FROM "RebaseUnstake" u
      LEFT JOIN LATERAL (
        SELECT "index" FROM "Rebase"
        WHERE "chainId" = u."chainId" AND ("blockNumber", "logIndex") < (u."blockNumber", u."logIndex")
        ORDER BY "blockNumber" DESC, "logIndex" DESC LIMIT 1
      ) r ON TRUE
      WHERE u."chainId" = ${chainId} AND u."account" = ${account} AND u."blockNumber" <= ${query.blockNumber}
    )
    SELECT
      (SELECT COALESCE(SUM("lumaAmount"), 0) FROM stakes)::text AS "deposited",
      (SELECT COALESCE(SUM("sLumaAmount"), 0) FROM unstakes)::text AS "withdrawn",
      (SELECT COALESCE(SUM("lumaAmount"), 0) FROM stakes WHERE "blockTime" > ${since})::text AS "depositedSince",
      (SELECT COALESCE(SUM("sLumaAmount"), 0) FROM unstakes WHERE "blockTime" > ${since})::text AS "withdrawnSince",
      (SELECT COALESCE(SUM("shares"), 0) FROM stakes WHERE "blockTime" > ${since})::text AS "sharesStakedSince",
      (SELECT COALESCE(SUM(div("sLumaAmount" * ${SHARE_SCALE.toString()}::numeric + "index" - 1, "index")), 0)
        FROM unstakes WHERE "blockTime" > ${since})::text AS "sharesUnstakedSince",
      (SELECT "index" FROM "Rebase" WHERE "chainId" = ${chainId} AND "blockTime" <= ${since}
        ORDER BY "blockNumber" DESC, "logIndex" DESC LIMIT 1)::text AS "indexThen"`;
  if (!row) throw new Error("readAccountSLumaGrowth: the aggregate query returned no row");
  const deposited = BigInt(row.deposited);
  const withdrawn = BigInt(row.withdrawn);
  const netDeposited = deposited - withdrawn;
  const index7dAgo = row.indexThen === null ? INDEX_ONE : BigInt(row.indexThen);
  const sharesThen = query.sharesNow - BigInt(row.sharesStakedSince) + BigInt(row.sharesUnstakedSince);
  const valueThen = sharesThen > 0n ? (sharesThen * index7dAgo) / SHARE_SCALE : 0n;
  const netDepositedSince = BigInt(row.depositedSince) - BigInt(row.withdrawnSince);
  const floorAtZero = (value: bigint) => (value > 0n ? value : 0n);
  return {
    deposited,
    withdrawn,
    netDeposited,
    growth: floorAtZero(query.valueNow - netDeposited),
    growth7d: floorAtZero(query.valueNow - valueThen - netDepositedSince),
    index7dAgo,
  };
}
