import { describe, expect, it } from "vitest";
import { locateJsonSyntaxError } from "../src/manifest/locateJsonSyntaxError.ts";

describe("locateJsonSyntaxError", () => {
  it.each([
    '{"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n"]}',
    " [] ",
    '"just a string"',
    "0",
    '{"nested": {"deep": [[{}]]}}',
  ])("accepts valid JSON %j", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": }', 6, "'}'"],
    ['{"a": 1,}', 8, "'}'"],
    ["[1 2]", 3, "'2'"],
    ["{'a': 1}", 1, `'''`],
    ['{"a": 01}', 7, "'1'"],
    ['{"a": 1.}', 8, "'}'"],
    ['{"a": tru}', 9, "'}'"],
    ['{"a": "x', 8, "end of file"],
    ['"bad \\x escape"', 6, "'x'"],
    ['"\\u12G4"', 5, "'G'"],
    ["[1] x", 4, "'x'"],
    ['{"a": "line\nbreak"}', 11, '"\\n"'],
  ])("finds the error in %j at position %i", (text, position, found) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toMatchObject({ position, found });
  });

  it("reports 1-based lines and columns", () => {
    expect(locateJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({
      line: 3,
      column: 3,
      position: 13,
    });
  });
});
