/** Where a JSON text first breaks the grammar. */
export interface JsonSyntaxErrorLocation {
  /** 0-based offset into the text. */
  position: number;
  /** 1-based line and column, for people. */
  line: number;
  column: number;
  /** What was found there: `'}'`, `"\n"` (control characters escaped) or `end of file`. */
  found: string;
}

/**
 * Finds the first syntax error of a JSON text, for error messages. Node 20's `JSON.parse` often
 * omits the position ("Unexpected token '}', ... is not valid JSON") and quotes the text across
 * several lines, so this small recursive-descent checker (RFC 8259 grammar) locates it instead.
 *
 * @returns undefined when the text is valid JSON, or nests too deeply to check
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxErrorLocation | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxStop)) return undefined; // stack overflow on absurd nesting
    const before = text.slice(0, error.position).split("\n");
    return {
      position: error.position,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      found: error.position < text.length ? describeChar(text.charAt(error.position)) : "end of file",
    };
  }
}

class SyntaxStop {
  constructor(readonly position: number) {}
}

class JsonScanner {
  private i = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.i < this.text.length) this.stop();
  }

  private value(): void {
    this.space();
    const char = this.peek();
    if (char === "{") this.sequence("}", () => this.member());
    else if (char === "[") this.sequence("]", () => this.value());
    else if (char === '"') this.string();
    else if (char === "t") this.literal("true");
    else if (char === "f") this.literal("false");
    else if (char === "n") this.literal("null");
    else if (char === "-" || isDigit(char)) this.number();
    else this.stop();
  }

  private member(): void {
    this.space();
    this.string();
    this.space();
    this.literal(":");
    this.value();
  }

  private sequence(close: string, item: () => void): void {
    this.i++;
    this.space();
    if (this.peek() === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.space();
      if (this.peek() !== ",") break;
      this.i++;
    }
    this.literal(close);
  }

  private string(): void {
    this.literal('"');
    for (let char = this.next(); char !== '"'; char = this.next()) {
      if (char === "" || char < " ") this.stop(-1);
      if (char !== "\\") continue;
      const escaped = this.next();
      if (escaped === "u") for (let k = 0; k < 4; k++) this.expect(/[0-9a-fA-F]/);
      else if (!'"\\/bfnrt'.includes(escaped) || escaped === "") this.stop(-1);
    }
  }

  private number(): void {
    if (this.peek() === "-") this.i++;
    if (this.peek() === "0") this.i++;
    else this.digits();
    if (this.peek() === ".") {
      this.i++;
      this.digits();
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.i++;
      if (this.peek() === "+" || this.peek() === "-") this.i++;
      this.digits();
    }
  }

  private digits(): void {
    this.expect(/[0-9]/);
    while (isDigit(this.peek())) this.i++;
  }

  private literal(word: string): void {
    for (const char of word) {
      if (this.peek() !== char) this.stop();
      this.i++;
    }
  }

  private expect(pattern: RegExp): void {
    if (!pattern.test(this.peek())) this.stop();
    this.i++;
  }

  private space(): void {
    while (/[ \t\n\r]/.test(this.peek())) this.i++;
  }

  /** The current character, or "" at the end of the text. */
  private peek(): string {
    return this.text.charAt(this.i);
  }

  private next(): string {
    return this.text.charAt(this.i++);
  }

  /** @param offset - where the error is relative to the cursor (-1 after `next()`) */
  private stop(offset = 0): never {
    throw new SyntaxStop(Math.min(this.i + offset, this.text.length));
  }
}

function isDigit(char: string): boolean {
  return char >= "0" && char <= "9";
}

function describeChar(char: string): string {
  return char < " " ? JSON.stringify(char) : `'${char}'`;
}
