import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../session/sessionStore.ts";
import { colorOfName, type PresenceUser } from "./identity.ts";
import { useIdentityStore } from "./identityStore.ts";

/**
 * The current person as others see them: signed in, their name and party as the
 * server knows them; otherwise the chosen name or "Guest 4821"; and its colour.
 */
export function useIdentity(): PresenceUser {
  const { t } = useTranslation();
  const chosenName = useIdentityStore((state) => state.chosenName);
  const number = useIdentityStore((state) => state.guestNumber);
  const account = useSessionStore((state) => state.session);
  const signedInName = account.user && account.party ? `${account.user.displayName} (${account.party.name})` : null;
  const name = signedInName ?? chosenName ?? t("identity.defaultName", { number });
  return useMemo(() => ({ name, color: colorOfName(name) }), [name]);
}
