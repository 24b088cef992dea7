import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { colorOfName, type PresenceUser } from "./identity.ts";
import { useIdentityStore } from "./identityStore.ts";

/** The current person as others see them: the chosen name or "Guest 4821", and its colour. */
export function useIdentity(): PresenceUser {
  const { t } = useTranslation();
  const chosenName = useIdentityStore((state) => state.chosenName);
  const number = useIdentityStore((state) => state.guestNumber);
  const name = chosenName ?? t("identity.defaultName", { number });
  return useMemo(() => ({ name, color: colorOfName(name) }), [name]);
}
