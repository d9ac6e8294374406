/** "0x15d3…6a65": enough to recognise one's own wallet in a title. */
export const shortAddress = (address: string): string =>
  address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
