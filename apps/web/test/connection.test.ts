import { describe, expect, it } from "vitest";
import { type ConnectionFacts, connectionStateOf, INITIAL_FACTS } from "../src/connection/connectionState.ts";
import { mustReconnect, mustResynchronise, refusalOf } from "../src/connection/refusal.ts";

const facts = (changes: Partial<ConnectionFacts>): ConnectionFacts => ({ ...INITIAL_FACTS, ...changes });
const connected = facts({ socket: "connected", everConnected: true, synced: true });

describe("connectionStateOf", () => {
  it("is connecting before the first connection", () => {
    expect(connectionStateOf(INITIAL_FACTS)).toBe("connecting");
    expect(connectionStateOf(facts({ socket: "disconnected" }))).toBe("connecting");
  });

  it("is connected when synced with nothing pending", () => {
    expect(connectionStateOf(connected)).toBe("connected");
  });

  it("is syncing while local changes wait for the server's acknowledgement", () => {
    expect(connectionStateOf({ ...connected, unsyncedChanges: 2 })).toBe("syncing");
    expect(connectionStateOf({ ...connected, synced: false })).toBe("syncing");
  });

  it("is offline without a network, or after losing a connection that worked", () => {
    expect(connectionStateOf({ ...connected, online: false })).toBe("offline");
    expect(connectionStateOf({ ...connected, socket: "disconnected" })).toBe("offline");
    expect(connectionStateOf({ ...connected, socket: "connecting" })).toBe("offline");
  });

  it("is refused whatever else is true", () => {
    expect(connectionStateOf({ ...connected, refusal: "draft_not_found" })).toBe("refused");
  });
});

describe("refusalOf", () => {
  it("reads the close code", () => {
    expect(refusalOf({ code: 4404 })).toBe("draft_not_found");
    expect(refusalOf({ code: 4413, reason: "" })).toBe("message_too_large");
  });

  it("reads the reason when Hocuspocus relays the refusal with code 1000", () => {
    expect(refusalOf({ code: 1000, reason: "malformed_update" })).toBe("malformed_update");
    expect(refusalOf({ reason: "draft_not_found" })).toBe("draft_not_found");
  });

  it("ignores ordinary closes", () => {
    expect(refusalOf({ code: 1000, reason: "provider_initiated" })).toBeNull();
    expect(refusalOf({ code: 1006 })).toBeNull();
    expect(refusalOf(null)).toBeNull();
  });

  it("resynchronises after a refused change, not after a refused connection", () => {
    expect(mustResynchronise("malformed_update")).toBe(true);
    expect(mustResynchronise("message_too_large")).toBe(true);
    expect(mustResynchronise("suggestion_refused")).toBe(true);
    expect(mustResynchronise("draft_not_found")).toBe(false);
    expect(mustResynchronise("session_expired")).toBe(false);
  });

  it("after a role change, connects again and keeps its copy: nothing of it was refused", () => {
    expect(refusalOf({ code: 1000, reason: "role_changed" })).toBe("role_changed");
    expect(mustReconnect("role_changed")).toBe(true);
    expect(mustResynchronise("role_changed")).toBe(false);
    expect(mustReconnect("session_expired")).toBe(false);
    expect(mustReconnect("suggestion_refused")).toBe(false);
  });
});
