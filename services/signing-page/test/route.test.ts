import { describe, expect, it } from "vitest";
import { routeOf } from "../src/route.ts";

describe("routeOf", () => {
  it("reads the page and the id from the path", () => {
    expect(routeOf("/sign/Xy_9-AbCdEfGhIjKlMnOpQ")).toEqual({ page: "sign", id: "Xy_9-AbCdEfGhIjKlMnOpQ" });
    expect(routeOf("/link/abc123/")).toEqual({ page: "link", id: "abc123" });
  });

  it("error: anything else is no route (the page says the link is not valid)", () => {
    expect(routeOf("/sign/")).toBeUndefined();
    expect(routeOf("/sign/a/b")).toBeUndefined();
    expect(routeOf("/sign/%3Cscript%3E")).toBeUndefined();
    expect(routeOf("/sign/%E0%A4%A")).toBeUndefined();
    expect(routeOf("/other/abc")).toBeUndefined();
  });
});
