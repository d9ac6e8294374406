/**
 * Blocks of HTML lines (every line balanced and at most `limit` long) packed into as few messages
 * of at most `limit` characters as they fit: a block stays whole when it can, and is split between
 * lines when it alone is too long. Blocks are separated by a blank line.
 */
export function packMessages(blocks: readonly (readonly string[])[], limit: number): string[] {
  const messages: string[] = [];
  let current = "";
  const add = (piece: string, separator: string) => {
    if (current === "") current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      messages.push(current);
      current = piece;
    }
  };
  for (const block of blocks) {
    const whole = block.join("\n");
    if (whole.length <= limit) add(whole, "\n\n");
    else {
      for (const [index, line] of block.entries()) add(line, index === 0 ? "\n\n" : "\n");
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}
