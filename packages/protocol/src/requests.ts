import { z } from "zod";
import { ORGANISATION_GROUPS, type Party, REGIONAL_GROUPS } from "./parties.ts";
import { plainText, recordId } from "./text.ts";

// Every free text below is built with plainText (docs/security.md, "Plain text"); a test walks
// these schemas and holds every string field to it, or to the id, e-mail or password rules.
const email = z.email("Enter a valid e-mail address.").max(254);
const password = z.string().min(10, "Use a password of at least 10 characters.").max(200);
const displayName = plainText({ max: 100, tooShort: "Enter your name." });
const partyName = (max: number) =>
  plainText({ min: 2, max, tooShort: "Enter the party's name (at least 2 characters)." });
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "Use the two-letter ISO 3166 country code, e.g. KE.")
  .transform((code) => code.toUpperCase());

/** `POST /api/auth/sign-in` */
export const SignInRequest = z.object({ email, password: z.string().min(1).max(200) });

/** A new account's details, when accepting an invitation. */
export const AccountRequest = z.object({ displayName, email, password });

/** A party described in an invitation when it does not exist yet. */
export const NewPartyRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("member-state"),
    name: partyName(120),
    iso: countryCode,
    regionalGroup: z.enum(Object.keys(REGIONAL_GROUPS) as [keyof typeof REGIONAL_GROUPS]),
  }),
  z.object({ kind: z.literal("state-group"), name: partyName(120) }),
  z.object({
    kind: z.literal("organisation"),
    name: partyName(200),
    stakeholderGroup: z.enum(ORGANISATION_GROUPS),
    country: countryCode,
  }),
]);

/** The party a {@link NewPartyRequest} describes (States and groups of States are "government"). */
export function partyFromRequest(request: z.infer<typeof NewPartyRequest>): Omit<Party, "id"> {
  switch (request.kind) {
    case "member-state":
      return { ...request, stakeholderGroup: "government" };
    case "state-group":
      return { ...request, stakeholderGroup: "government" };
    case "organisation":
      return request;
  }
}

/** `POST /api/processes/:id/invites`: the role and the party (an existing one, or a new one). */
export const InviteRequest = z
  .object({
    role: z.enum(["facilitator", "delegate", "observer"]),
    partyId: recordId().optional(),
    party: NewPartyRequest.optional(),
    email: email.optional(),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(72),
  })
  .refine((invite) => (invite.partyId === undefined) !== (invite.party === undefined), {
    message: "Give either an existing partyId or a new party, not both.",
  });

/** `POST /api/processes/:id/accreditations`: an organisation's application and the applicant's account. */
export const ApplicationRequest = AccountRequest.extend({
  organisation: plainText({ min: 2, max: 200, tooShort: "Enter the organisation's name." }),
  stakeholderGroup: z.enum(ORGANISATION_GROUPS),
  country: countryCode,
  statement: plainText({
    min: 20,
    max: 2000,
    multiline: true,
    tooShort: "Say in a few sentences why the organisation applies.",
  }),
});

/** `POST /api/accreditations/:id/decision` */
export const DecisionRequest = z.object({
  decision: z.enum(["approve", "decline"]),
  reason: plainText({ max: 2000, multiline: true, tooShort: "Give a reason: the applicant will see it." }),
});

/** `POST /api/processes/:id/drafts` */
export const CreateDraftRequest = z.object({
  title: plainText({ max: 300, tooShort: "Give the draft a title." }),
  doc: z.unknown().optional(),
});

/** `POST /api/drafts/:id/suggestions/:sid/rationale` */
export const RationaleRequest = z.object({
  rationale: plainText({ max: 2000, multiline: true, tooShort: "Write the rationale." }),
});

/** `POST /api/drafts/:id/suggestions/:sid/replies` */
export const ReplyRequest = z.object({
  text: plainText({ max: 4000, multiline: true, tooShort: "Write a reply." }),
});

/** `POST /api/drafts/:id/suggestions/:sid/decision` and `POST /api/drafts/:id/decisions` */
export const SuggestionDecisionRequest = z
  .object({
    decision: z.enum(["accept", "reject"]),
    reason: plainText({ min: 0, max: 2000, multiline: true }).default(""),
    /** Bulk decisions only: every pending suggestion of this party, or in this block. */
    partyId: recordId().optional(),
    blockId: recordId().optional(),
  })
  .refine((request) => request.decision === "accept" || request.reason.length > 0, {
    message: "Give a reason for rejecting: the author and everyone else will see it.",
    path: ["reason"],
  });

/** `POST /api/drafts/:id/revisions`: publishes the current text (name defaults to "Zero Draft", "Rev.1", …). */
export const PublishRevisionRequest = z.object({
  name: plainText({ max: 100, tooShort: "Give the revision a name, or leave the name out." }).optional(),
  note: plainText({ min: 0, max: 2000, multiline: true }).default(""),
});

/** `POST /api/processes/:id/participants/:userId/role`: a participant's new role. */
export const RoleChangeRequest = z.object({ role: z.enum(["facilitator", "delegate", "observer"]) });
