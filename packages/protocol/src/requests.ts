import { z } from "zod";
import { ORGANISATION_GROUPS, type Party, REGIONAL_GROUPS } from "./parties.ts";

const email = z.email("Enter a valid e-mail address.").max(254);
const password = z.string().min(10, "Use a password of at least 10 characters.").max(200);
const displayName = z.string().trim().min(1, "Enter your name.").max(100);
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
    name: z.string().trim().min(2).max(120),
    iso: countryCode,
    regionalGroup: z.enum(Object.keys(REGIONAL_GROUPS) as [keyof typeof REGIONAL_GROUPS]),
  }),
  z.object({ kind: z.literal("state-group"), name: z.string().trim().min(2).max(120) }),
  z.object({
    kind: z.literal("organisation"),
    name: z.string().trim().min(2).max(200),
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
    partyId: z.string().min(1).max(100).optional(),
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
  organisation: z.string().trim().min(2, "Enter the organisation's name.").max(200),
  stakeholderGroup: z.enum(ORGANISATION_GROUPS),
  country: countryCode,
  statement: z.string().trim().min(20, "Say in a few sentences why the organisation applies.").max(2000),
});

/** `POST /api/accreditations/:id/decision` */
export const DecisionRequest = z.object({
  decision: z.enum(["approve", "decline"]),
  reason: z.string().trim().min(1, "Give a reason: the applicant will see it.").max(2000),
});

/** `POST /api/processes/:id/drafts` */
export const CreateDraftRequest = z.object({
  title: z.string().trim().min(1).max(300),
  doc: z.unknown().optional(),
});

const plainText = (max: number, empty: string) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max)
    .refine((text) => !/<\s*[a-z!/?]/i.test(text), "Write plain text: HTML is not accepted.");

/** `POST /api/drafts/:id/suggestions/:sid/rationale` */
export const RationaleRequest = z.object({ rationale: plainText(2000, "Write the rationale.") });

/** `POST /api/drafts/:id/suggestions/:sid/replies` */
export const ReplyRequest = z.object({ text: plainText(4000, "Write a reply.") });

/** `POST /api/drafts/:id/suggestions/:sid/decision` and `POST /api/drafts/:id/decisions` */
export const SuggestionDecisionRequest = z
  .object({
    decision: z.enum(["accept", "reject"]),
    reason: z.string().trim().max(2000).default(""),
    /** Bulk decisions only: every pending suggestion of this party, or in this block. */
    partyId: z.string().min(1).max(100).optional(),
    blockId: z.string().min(1).max(100).optional(),
  })
  .refine((request) => request.decision === "accept" || request.reason.length > 0, {
    message: "Give a reason for rejecting: the author and everyone else will see it.",
    path: ["reason"],
  })
  .refine((request) => !/<\s*[a-z!/?]/i.test(request.reason), {
    message: "Write plain text: HTML is not accepted.",
    path: ["reason"],
  });

/** `POST /api/drafts/:id/revisions`: publishes the current text (name defaults to "Zero Draft", "Rev.1", …). */
export const PublishRevisionRequest = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  note: z
    .string()
    .trim()
    .max(2000)
    .default("")
    .refine((text) => !/<\s*[a-z!/?]/i.test(text), "Write plain text: HTML is not accepted."),
});
