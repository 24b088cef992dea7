import { describe, expect, it } from "vitest";
import { returnPathOf, signInPath } from "../src/account/returnPath.ts";
import { signInRefusalOf } from "../src/account/signInRefusal.ts";

describe("going back after signing in", () => {
  it("returns to the page the person came from", () => {
    expect(returnPathOf(`?next=${encodeURIComponent("/drafts/demo-zero-draft")}`)).toBe("/drafts/demo-zero-draft");
    expect(returnPathOf(signInPath("/processes/demo-review?tab=1").split("?")[1]!)).toBe(
      "/processes/demo-review?tab=1",
    );
  });

  it("never leaves the site, and never loops back to the sign-in page", () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      "/sign-in",
    ]) {
      expect(returnPathOf(`?next=${encodeURIComponent(next)}`), next).toBe("/");
    }
    expect(returnPathOf("")).toBe("/");
    expect(signInPath("/")).toBe("/sign-in");
  });
});

describe("refused sign-ins", () => {
  it("reads the minutes to wait from the server's sentence", () => {
    expect(
      signInRefusalOf({ status: 429, code: "rate_limited", message: "Too many failed sign-ins. Try again in 14 min." }),
    ).toEqual({ kind: "rate_limited", minutes: 14 });
    expect(signInRefusalOf({ status: 429, code: "rate_limited", message: "Slow down." })).toEqual({
      kind: "rate_limited",
      minutes: null,
    });
  });

  it("tells wrong credentials, no network and other failures apart", () => {
    expect(signInRefusalOf({ status: 401, code: "invalid_credentials", message: "" }).kind).toBe("invalid_credentials");
    expect(signInRefusalOf({ status: 0, code: "unreachable", message: "" }).kind).toBe("unreachable");
    expect(signInRefusalOf({ status: 500, code: "internal_error", message: "" })).toEqual({
      kind: "failed",
      code: "internal_error",
    });
  });
});
