import type { ApiErrorBody, ParticipantChangeView, ParticipantView, ProcessResponse } from "@plenary/protocol";
import { afterEach, describe, expect, it } from "vitest";
import type { AccountEvent } from "../src/accounts/service.ts";
import { DEMO_ACCOUNTS, DEMO_PROCESS } from "../src/demo/seed.ts";
import { testServer } from "./harness.ts";
import { signedIn } from "./http-client.ts";

const [FACILITATOR, KENYA] = DEMO_ACCOUNTS;
const PROCESS = DEMO_PROCESS.id;

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function started() {
  const t = await testServer();
  stops.push(t.stop);
  const events: AccountEvent[] = [];
  t.server.accounts.subscribe((event) => events.push(event));
  const facilitator = await signedIn(t.server.url, FACILITATOR);
  const kenya = await signedIn(t.server.url, KENYA);
  return { ...t, url: t.server.url, events, facilitator, kenya, kenyaId: kenya.session!.user!.id };
}

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const participantsPath = `/api/processes/${PROCESS}/participants`;

describe("managing participants", () => {
  it("a facilitator changes a delegate's role: the list, the person's session and their rights follow", async () => {
    const { facilitator, kenya, kenyaId, events } = await started();
    const answer = await facilitator.post<{ participant: ParticipantView; change: ParticipantChangeView }>(
      `${participantsPath}/${kenyaId}/role`,
      { role: "observer" },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.participant).toMatchObject({ user: { id: kenyaId }, role: "observer" });
    const change = {
      kind: "role-changed",
      processId: PROCESS,
      userId: kenyaId,
      partyId: "party-kenya",
      from: "delegate",
      to: "observer",
      by: facilitator.session!.user!.id,
      at: expect.any(String),
    };
    expect(answer.body.change).toEqual(change);
    expect(events).toEqual([change]);

    const list = await facilitator.get<{ participants: ParticipantView[] }>(participantsPath);
    expect(list.body.participants.find((p) => p.user.id === kenyaId)?.role).toBe("observer");
    expect((await kenya.get<ProcessResponse>(`/api/processes/${PROCESS}`)).body.role).toBe("observer");

    const same = await facilitator.post<{ change: ParticipantChangeView | null }>(
      `${participantsPath}/${kenyaId}/role`,
      { role: "observer" },
    );
    expect(same.status).toBe(200);
    expect(same.body.change).toBeNull();
    expect(events).toHaveLength(1);
  });

  it("a facilitator removes a participant: they keep their account and read as the public", async () => {
    const { facilitator, kenya, kenyaId, events } = await started();
    const answer = await facilitator.request<{ change: ParticipantChangeView }>(
      "DELETE",
      `${participantsPath}/${kenyaId}`,
      {},
    );
    expect(answer.status).toBe(200);
    expect(answer.body.change).toMatchObject({ kind: "participant-removed", from: "delegate", to: "public" });
    expect(events.map((event) => event.kind)).toEqual(["participant-removed"]);
    const list = await facilitator.get<{ participants: ParticipantView[] }>(participantsPath);
    expect(list.body.participants.map((p) => p.user.id)).not.toContain(kenyaId);
    expect((await kenya.get<ProcessResponse>(`/api/processes/${PROCESS}`)).body.role).toBe("public");
    const again = await facilitator.request("DELETE", `${participantsPath}/${kenyaId}`, {});
    expect(again.status).toBe(404);
    expect(codeOf(again.body)).toBe("participant_not_found");
  });

  it("refuses to leave the process without a facilitator, and changes nothing", async () => {
    const { facilitator, server, events } = await started();
    const me = facilitator.session!.user!.id;
    const demoted = await facilitator.post(`${participantsPath}/${me}/role`, { role: "delegate" });
    expect(demoted.status).toBe(409);
    expect(codeOf(demoted.body)).toBe("last_facilitator");
    const removed = await facilitator.request("DELETE", `${participantsPath}/${me}`, {});
    expect(removed.status).toBe(409);
    expect(server.accounts.store.roleOf(PROCESS, me)).toBe("facilitator");
    expect(events).toEqual([]);

    // With a second facilitator, the first may step down.
    await server.accounts.createAccount({
      displayName: "Second Chair",
      email: "second@chair.example",
      password: "a-long-passphrase",
      partyId: "party-secretariat",
      processId: PROCESS,
      role: "facilitator",
    });
    expect((await facilitator.post(`${participantsPath}/${me}/role`, { role: "delegate" })).status).toBe(200);
    expect(server.accounts.store.roleOf(PROCESS, me)).toBe("delegate");
  });

  it("refuses unknown people, unknown roles and other processes' people with a clear error", async () => {
    const { facilitator, kenyaId, server } = await started();
    const unknown = await facilitator.post(`${participantsPath}/user_nobody/role`, { role: "observer" });
    expect([unknown.status, codeOf(unknown.body)]).toEqual([404, "participant_not_found"]);
    for (const role of ["king", "public", "", null, 3]) {
      const answer = await facilitator.post(`${participantsPath}/${kenyaId}/role`, { role });
      expect([answer.status, codeOf(answer.body)]).toEqual([400, "invalid_input"]);
    }
    const otherProcess = await facilitator.post(`/api/processes/no-such-process/participants/${kenyaId}/role`, {
      role: "observer",
    });
    expect([otherProcess.status, codeOf(otherProcess.body)]).toEqual([404, "process_not_found"]);
    expect(server.accounts.store.roleOf(PROCESS, kenyaId)).toBe("delegate");
  });

  it("a delegate can change nobody's role, not even their own", async () => {
    const { kenya, kenyaId, server } = await started();
    const answer = await kenya.post(`${participantsPath}/${kenyaId}/role`, { role: "facilitator" });
    expect([answer.status, codeOf(answer.body)]).toEqual([403, "forbidden"]);
    expect(server.accounts.store.roleOf(PROCESS, kenyaId)).toBe("delegate");
  });
});
