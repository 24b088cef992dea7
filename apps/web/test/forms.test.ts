import { AccountRequest, ApplicationRequest, DecisionRequest, InviteRequest } from "@plenary/protocol";
import { describe, expect, it } from "vitest";
import { EMPTY_INVITE, inviteRequestOf } from "../src/admin/inviteRequest.ts";
import { checkForm } from "../src/forms/validation.ts";

describe("form checks with the protocol's request schemas", () => {
  it("passes a valid form, parsed as the server will parse it", () => {
    const checked = checkForm(AccountRequest, {
      displayName: " Kofi ",
      email: "kofi@example.org",
      password: "0123456789",
    });
    expect(checked).toEqual({
      ok: true,
      value: { displayName: "Kofi", email: "kofi@example.org", password: "0123456789" },
    });
  });

  it("reports markup, invisible characters and line breaks as not plain text, saying which", () => {
    const checked = checkForm(DecisionRequest, { decision: "decline", reason: "<b>No</b>" });
    expect(checked).toEqual({ ok: false, problems: { reason: { kind: "notPlainText", problem: "html" } } });
    const named = checkForm(AccountRequest, {
      displayName: "Amina\u202Eevil",
      email: "amina@example.org",
      password: "0123456789",
    });
    expect(named).toEqual({ ok: false, problems: { displayName: { kind: "notPlainText", problem: "direction" } } });
    const twoLines = checkForm(AccountRequest, {
      displayName: "Amina\nDiallo",
      email: "amina@example.org",
      password: "0123456789",
    });
    expect(twoLines).toEqual({ ok: false, problems: { displayName: { kind: "notPlainText", problem: "line-break" } } });
  });

  it("reports an empty field as required, whatever rule it broke", () => {
    const checked = checkForm(AccountRequest, { displayName: "  ", email: "", password: "" });
    expect(checked).toEqual({
      ok: false,
      problems: { displayName: { kind: "required" }, email: { kind: "required" }, password: { kind: "required" } },
    });
  });

  it("reports malformed, too short and too long fields, one problem per field", () => {
    const checked = checkForm(ApplicationRequest, {
      displayName: "Thandi",
      email: "not-an-address",
      password: "short",
      organisation: "X".repeat(201),
      stakeholderGroup: "government",
      country: "ZAF",
      statement: "Too brief.",
    });
    expect(checked).toEqual({
      ok: false,
      problems: {
        email: { kind: "invalid" },
        password: { kind: "tooShort", min: 10 },
        organisation: { kind: "tooLong", max: 200 },
        stakeholderGroup: { kind: "invalid" },
        country: { kind: "invalid" },
        statement: { kind: "tooShort", min: 20 },
      },
    });
  });

  it("requires a reason for a decision on an application", () => {
    expect(checkForm(DecisionRequest, { decision: "decline", reason: "" })).toEqual({
      ok: false,
      problems: { reason: { kind: "required" } },
    });
  });
});

describe("invitation requests", () => {
  it("sends an existing party by id, with the expiry as a number and no empty e-mail", () => {
    const request = inviteRequestOf({ ...EMPTY_INVITE, partyId: "party-kenya", expiresInHours: "168" });
    expect(request).toEqual({ role: "delegate", expiresInHours: 168, partyId: "party-kenya" });
    expect(checkForm(InviteRequest, request).ok).toBe(true);
  });

  it("sends only the fields of the chosen kind of new party", () => {
    const values = {
      ...EMPTY_INVITE,
      source: "new" as const,
      kind: "member-state" as const,
      name: "Ghana",
      iso: "gh",
      regionalGroup: "african",
      stakeholderGroup: "academia",
      country: "FR",
      email: " kofi@ghana.example ",
    };
    expect(inviteRequestOf(values)).toEqual({
      role: "delegate",
      expiresInHours: 72,
      email: "kofi@ghana.example",
      party: { kind: "member-state", name: "Ghana", iso: "gh", regionalGroup: "african" },
    });
    const checked = checkForm(InviteRequest, inviteRequestOf(values));
    expect(checked.ok && checked.value.party).toEqual({
      kind: "member-state",
      name: "Ghana",
      iso: "GH",
      regionalGroup: "african",
    });
  });

  it("names the new party's fields by their path when they are missing", () => {
    const request = inviteRequestOf({ ...EMPTY_INVITE, source: "new", kind: "organisation" });
    expect(checkForm(InviteRequest, request)).toEqual({
      ok: false,
      problems: {
        "party.name": { kind: "required" },
        "party.stakeholderGroup": { kind: "required" },
        "party.country": { kind: "required" },
      },
    });
    expect(checkForm(InviteRequest, inviteRequestOf(EMPTY_INVITE))).toEqual({
      ok: false,
      problems: { partyId: { kind: "required" } },
    });
  });
});
