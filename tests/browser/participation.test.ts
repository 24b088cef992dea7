import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  axeViolations,
  DEMO_DRAFT,
  FACILITATOR,
  launchBrowser,
  openAs,
  type Person,
  SEEN_WITHIN,
  startTestServer,
  type TestServer,
  waitForEditor,
} from "./harness.ts";

const PROCESS = "/processes/demo-review";
const KENYA: Account = { email: "kenya@demo.plenary", password: "demo-delegate-ke" };
const PROCESS_TITLE = "Review of the Global Framework on Digital Cooperation";

/** The text of the element that has the focus. */
function focusedText(person: Person): Promise<string | null> {
  return person.page.evaluate(() => document.activeElement?.textContent ?? null);
}

describe("taking part in a process", () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];
  const open = async (name: string, path: string, options?: Parameters<typeof openAs>[4]) => {
    const person = await openAs(browser, server, name, path, options);
    contexts.push(person.context);
    return person;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a facilitator invites a Member State's delegate, who signs up and is then listed; the link cannot be used again", async () => {
    const amina = await open("Amina", PROCESS, { account: FACILITATOR });
    await amina.page.getByRole("link", { name: "Participants" }).click();
    await amina.page.getByRole("heading", { level: 1, name: "Participants" }).waitFor(SEEN_WITHIN);
    const form = amina.page.getByRole("region", { name: "Invite someone" });
    await form.getByLabel("Role").selectOption("delegate");
    await form.getByRole("radio", { name: "A new party" }).check();

    await form.getByRole("button", { name: "Create the invitation link" }).click();
    const partyName = form.getByLabel("Name of the party");
    await expect.poll(() => partyName.getAttribute("aria-invalid"), SEEN_WITHIN).toBe("true");
    expect(await form.getByText("Enter the party's name (at least 2 characters).").isVisible()).toBe(true);
    expect(await partyName.evaluate((input) => input === document.activeElement)).toBe(true);

    await partyName.fill("Ghana");
    await form.getByLabel("ISO country code").fill("gh");
    await form.getByLabel("Regional group").selectOption("african");
    await form.getByRole("button", { name: "Create the invitation link" }).click();

    const created = amina.page.getByTestId("created-invite");
    await created.getByRole("heading", { name: "Invitation link for Ghana (Delegate)" }).waitFor(SEEN_WITHIN);
    expect(await focusedText(amina)).toBe("Invitation link for Ghana (Delegate)");
    expect(await created.textContent()).toContain("This link is shown only once");
    const link = await created.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[\\w-]+$`));

    const kofi = await open("Kofi", link);
    const facts = kofi.page.getByTestId("invite-facts");
    await facts.waitFor(SEEN_WITHIN);
    expect(await facts.textContent()).toContain(PROCESS_TITLE);
    expect(await facts.textContent()).toContain("Delegate");
    expect(await facts.textContent()).toContain("Ghana (Member State · African States)");
    await kofi.page.getByLabel("Your name").fill("Kofi Mensah");
    await kofi.page.getByLabel("E-mail address").fill("kofi.mensah@ghana.example");
    await kofi.page.getByLabel("Password").fill("akwaaba-2030");
    await kofi.page.getByRole("button", { name: "Accept and create my account" }).click();

    await kofi.page.waitForURL(`**${PROCESS}`, SEEN_WITHIN);
    await kofi.page.getByRole("heading", { level: 1, name: PROCESS_TITLE }).waitFor(SEEN_WITHIN);
    expect(await kofi.page.getByTestId("process-role").textContent()).toBe("Your role: Delegate");
    expect(await kofi.page.getByRole("button", { name: /Kofi Mensah/ }).count()).toBe(1);

    await amina.page.getByRole("button", { name: "Refresh the list" }).click();
    const row = amina.page.getByRole("row", { name: /Kofi Mensah/ });
    await row.waitFor(SEEN_WITHIN);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(0, 4)).toEqual([
      "Ghana (Member State · African States)",
      "Delegate",
      "kofi.mensah@ghana.example",
      expect.any(String),
    ]);

    const latecomer = await open("Latecomer", link);
    await latecomer.page
      .getByRole("heading", { level: 1, name: "This invitation link has been used already" })
      .waitFor(SEEN_WITHIN);
    expect(await latecomer.page.getByRole("alert").textContent()).toContain("Each invitation link works once");
  });

  it("a facilitator changes a delegate's role and then removes them; the delegate's open draft follows at once", async () => {
    const kenya = await open("Joseph", `/drafts/${DEMO_DRAFT}`, { account: KENYA });
    await waitForEditor(kenya.page);
    expect(await kenya.page.getByTestId("draft-role").textContent()).toBe("Your role: Delegate");

    const amina = await open("Amina", `${PROCESS}/participants`, { account: FACILITATOR });
    const row = amina.page.getByRole("row", { name: /Joseph Mwangi/ });
    await row.waitFor(SEEN_WITHIN);
    await row.getByLabel("Role of Joseph Mwangi").selectOption("observer");
    await row.getByRole("button", { name: "Change role for Joseph Mwangi" }).click();
    await expect
      .poll(() => amina.page.getByRole("status").allTextContents(), SEEN_WITHIN)
      .toContain("Joseph Mwangi now has the role: Observer. Drafts they have open reconnect with it.");
    expect((await row.getByRole("cell").allTextContents())[1]).toBe("Observer");

    // The delegate's page reconnected with the new role, without a reload; it can still suggest.
    await expect
      .poll(() => kenya.page.getByTestId("draft-role").textContent(), SEEN_WITHIN)
      .toBe("Your role: Observer");
    await waitForEditor(kenya.page);

    // Once the co-facilitator is a delegate, the last facilitator cannot step down: the server says why.
    const bruno = amina.page.getByRole("row", { name: /Bruno Costa/ });
    await bruno.getByLabel("Role of Bruno Costa").selectOption("delegate");
    await bruno.getByRole("button", { name: "Change role for Bruno Costa" }).click();
    await expect.poll(async () => (await bruno.getByRole("cell").allTextContents())[1], SEEN_WITHIN).toBe("Delegate");
    const own = amina.page.getByRole("row", { name: /Amina Diallo/ });
    await own.getByLabel("Role of Amina Diallo").selectOption("delegate");
    await own.getByRole("button", { name: "Change role for Amina Diallo" }).click();
    await expect
      .poll(() => amina.page.getByRole("alert").allTextContents(), SEEN_WITHIN)
      .toContain("The process needs a facilitator: make someone else a facilitator first.");
    expect((await own.getByRole("cell").allTextContents())[1]).toBe("Facilitator");

    await row.getByRole("button", { name: "Remove Joseph Mwangi from the process" }).click();
    const dialog = amina.page.getByRole("dialog", { name: "Remove Joseph Mwangi from the process?" });
    await dialog.waitFor(SEEN_WITHIN);
    expect(await dialog.getByRole("button", { name: "Cancel" }).evaluate((b) => b === document.activeElement)).toBe(
      true,
    );
    await dialog.getByRole("button", { name: "Remove from the process" }).click();
    await expect
      .poll(() => amina.page.getByRole("status").allTextContents(), SEEN_WITHIN)
      .toContain("Joseph Mwangi no longer takes part in the process.");
    expect(await amina.page.getByRole("row", { name: /Joseph Mwangi/ }).count()).toBe(0);
    expect(await axeViolations(amina.page)).toEqual([]);

    // Removed: the open draft is read only now, and says so.
    await expect.poll(() => kenya.page.getByTestId("draft-role").textContent(), SEEN_WITHIN).toBe("Your role: Public");
    await kenya.page.getByTestId("read-only-note").waitFor(SEEN_WITHIN);
  });

  it("an organisation applies, a facilitator approves it with a reason, and its contact then takes part as an observer", async () => {
    const thandi = await open("Thandi", PROCESS);
    await thandi.page.getByRole("link", { name: "Apply for accreditation" }).click();
    await thandi.page.getByRole("heading", { level: 1, name: "Apply for accreditation" }).waitFor(SEEN_WITHIN);
    await thandi.page.getByLabel("Name of the organisation").fill("Data Justice Collective");
    await thandi.page.getByLabel("Stakeholder group").selectOption("civil-society");
    await thandi.page.getByLabel("Country (two-letter ISO code)").fill("za");
    await thandi.page
      .getByLabel("Why the organisation applies")
      .fill("We run community networks in rural Southern Africa and work on affordable access.");
    await thandi.page.getByLabel("Contact person's name").fill("Thandi Nkosi");
    await thandi.page.getByLabel("E-mail address").fill("thandi@datajustice.example");
    await thandi.page.getByLabel("Password").fill("short");
    await thandi.page.getByRole("button", { name: "Send the application" }).click();
    await expect
      .poll(() => thandi.page.getByLabel("Password").evaluate((input) => input === document.activeElement), SEEN_WITHIN)
      .toBe(true);
    expect(await thandi.page.getByText("Use a password of at least 10 characters.").isVisible()).toBe(true);

    await thandi.page.getByLabel("Password").fill("ubuntu-networks-2030");
    await thandi.page.getByRole("button", { name: "Send the application" }).click();
    const status = thandi.page.getByTestId("application-status");
    await expect.poll(() => status.getAttribute("data-status"), SEEN_WITHIN).toBe("pending");
    expect(await status.textContent()).toContain("Pending: the facilitators will review the application.");
    expect(await status.textContent()).toContain(
      "Data Justice Collective (Organisation · Civil society · South Africa)",
    );
    expect(await thandi.page.getByRole("button", { name: /Thandi Nkosi/ }).count()).toBe(1);

    const amina = await open("Amina", `${PROCESS}/applications`, { account: FACILITATOR });
    const card = amina.page.locator("[data-application]").filter({ hasText: "Data Justice Collective" });
    await card.waitFor(SEEN_WITHIN);
    expect(await card.textContent()).toContain("We run community networks in rural Southern Africa");
    expect(await card.textContent()).toContain("Contact: Thandi Nkosi, thandi@datajustice.example");
    await card.getByRole("button", { name: "Approve" }).click();
    const reason = card.getByLabel("Reason for the decision");
    await expect.poll(() => reason.getAttribute("aria-invalid"), SEEN_WITHIN).toBe("true");
    expect(await card.getByText("Give a reason: the applicant will see it.").isVisible()).toBe(true);

    await reason.fill("Long record on community networks; welcome.");
    await card.getByRole("button", { name: "Approve" }).click();
    const decided = amina.page.getByTestId("decided-applications");
    await decided.getByRole("heading", { name: "Data Justice Collective" }).waitFor(SEEN_WITHIN);
    expect(await decided.textContent()).toContain("Reason: Long record on community networks; welcome.");
    expect(await amina.page.getByText("No application is waiting for a decision.").isVisible()).toBe(true);
    expect(await amina.page.getByRole("status").allTextContents()).toContain(
      "Data Justice Collective approved: it now takes part as an observer.",
    );

    await thandi.page.reload();
    await expect.poll(() => status.getAttribute("data-status"), SEEN_WITHIN).toBe("approved");
    expect(await status.textContent()).toContain(
      "Reason given by the facilitators: Long record on community networks; welcome.",
    );
    await thandi.page.getByRole("link", { name: "Back to the process" }).click();
    await expect
      .poll(() => thandi.page.getByTestId("process-role").textContent(), SEEN_WITHIN)
      .toBe("Your role: Observer");
    await thandi.page.getByRole("link", { name: /zero draft of the outcome document/ }).click();
    await thandi.page.waitForURL(`**/drafts/${DEMO_DRAFT}`);
    await waitForEditor(thandi.page);
    expect(await thandi.page.getByTestId("draft-role").textContent()).toBe("Your role: Observer");
    expect(await thandi.page.getByTestId("read-only-note").count()).toBe(0);
  });

  it("an application with an address that has an account reveals nothing; the address's owner learns of it on signing in", async () => {
    const stranger = await open("Stranger", `${PROCESS}/apply`);
    const { page } = stranger;
    await page.getByLabel("Name of the organisation").fill("Impostor Foundation");
    await page.getByLabel("Stakeholder group").selectOption("civil-society");
    await page.getByLabel("Country (two-letter ISO code)").fill("fr");
    await page.getByLabel("Why the organisation applies").fill("We would like to follow the negotiation very closely.");
    await page.getByLabel("Contact person's name").fill("Someone Else");
    await page.getByLabel("E-mail address").fill("opennet@demo.plenary");
    await page.getByLabel("Password").fill("not-priyas-password");
    await page.getByRole("button", { name: "Send the application" }).click();
    const sent = page.getByTestId("application-sent");
    await sent.waitFor(SEEN_WITHIN);
    expect(await sent.textContent()).toContain("Your application has been sent.");
    expect(await sent.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByRole("button", { name: /Your account/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const priya = await open("Priya", "/", { account: { email: "opennet@demo.plenary", password: "demo-observer" } });
    const banner = priya.page.getByTestId("notice-banner");
    await banner.waitFor(SEEN_WITHIN);
    expect(await banner.textContent()).toContain("There is a notice about your account.");
    await banner.getByRole("link", { name: "Read it" }).click();
    const notices = priya.page.getByTestId("account-notices");
    await notices.waitFor(SEEN_WITHIN);
    expect(await notices.textContent()).toContain("for “Impostor Foundation”, giving your e-mail address");
    expect(await priya.page.getByTestId("notice-banner").count()).toBe(0);
    expect(await axeViolations(priya.page)).toEqual([]);
    await notices.getByRole("button", { name: /^Dismiss the notice of / }).click();
    await expect.poll(() => priya.page.getByTestId("account-notices").count(), SEEN_WITHIN).toBe(0);
    expect(await priya.page.getByRole("status").allTextContents()).toContain("Notice dismissed.");
  });

  it("an invitation made for one address shows that address, and it cannot be changed", async () => {
    const facilitator = server.server.accounts.store.findUserByEmail(FACILITATOR.email)!;
    const { token } = server.server.accounts.createInvite(facilitator, {
      processId: "demo-review",
      role: "observer",
      party: { id: "party-uni-lab" },
      email: "ama@uni.example",
      expiresInHours: 24,
    });
    const ama = await open("Ama", `/invite/${token}`);
    const email = ama.page.getByLabel("E-mail address");
    await email.waitFor(SEEN_WITHIN);
    expect(await email.inputValue()).toBe("ama@uni.example");
    expect(await email.getAttribute("readonly")).not.toBeNull();
    expect(await ama.page.getByText("This invitation was made for this address.").isVisible()).toBe(true);
    expect(await axeViolations(ama.page)).toEqual([]);
  });
});
