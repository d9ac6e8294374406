/** Resolves once the gateway's `/readyz` answers 200 (its index caught up with the chain). */
export async function waitUntilReady(gatewayUrl: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${gatewayUrl}/readyz`);
    if (response.status === 200) return;
    if (Date.now() > deadline) {
      throw new Error(`the gateway did not become ready: ${await response.text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
