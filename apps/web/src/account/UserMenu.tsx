import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { focusNextPageHeading } from "../app/page.tsx";
import { PartyBadge } from "../parties/PartyBadge.tsx";
import { IdentityButton } from "../presence/IdentityButton.tsx";
import { useProcessesStore } from "../process/processesStore.ts";
import { useSessionStore } from "../session/sessionStore.ts";
import { signInPath } from "./returnPath.ts";

/**
 * The header's account control. Signed out: the guest name others see, and a
 * "Sign in" link. Signed in: a disclosure button with the person's name that
 * shows their party, roles, a link to their account and "Sign out".
 */
export function UserMenu() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const session = useSessionStore((state) => state.session);
  if (!session.user || !session.party) {
    return (
      <>
        <IdentityButton />
        <Link href={signInPath(location)} className="header-link">
          {t("userMenu.signIn")}
        </Link>
      </>
    );
  }
  return <AccountDisclosure />;
}

function AccountDisclosure() {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const session = useSessionStore((state) => state.session);
  const signOut = useSessionStore((state) => state.signOut);
  const processes = useProcessesStore((state) => state.processes);
  const loadProcesses = useProcessesStore((state) => state.load);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    void location;
    setOpen(false);
  }, [location]);
  useEffect(() => {
    if (open) void loadProcesses();
  }, [open, loadProcesses]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close(true);
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };
  const titleOf = (processId: string) => processes.find((process) => process.id === processId)?.title ?? processId;

  if (!session.user || !session.party) return null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus-out close the disclosure it wraps
    <div className="user-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t("userMenu.label")}: </span>
        <span dir="auto">{session.user.displayName}</span>
        <span className="user-menu__chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__name" dir="auto">
          {session.user.displayName}
        </p>
        <p className="user-menu__email">{session.user.email}</p>
        <PartyBadge party={session.party} />
        <h2 className="user-menu__heading">{t("userMenu.roles")}</h2>
        {session.memberships.length === 0 ? (
          <p className="user-menu__empty">{t("userMenu.noRoles")}</p>
        ) : (
          <ul className="user-menu__roles">
            {session.memberships.map((membership) => (
              <li key={membership.processId}>
                <Link href={`/processes/${encodeURIComponent(membership.processId)}`}>
                  {t("userMenu.roleIn", {
                    role: t(`roles.${membership.role}`),
                    process: titleOf(membership.processId),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="user-menu__actions">
          <Link href="/account" className="button button--quiet">
            {t("userMenu.account")}
          </Link>
          <button
            type="button"
            className="button button--quiet"
            onClick={async () => {
              // The pages are drawn again for the public; their heading takes the focus.
              focusNextPageHeading();
              await signOut();
              if (location === "/account") navigate("/");
            }}
          >
            {t("userMenu.signOut")}
          </button>
        </div>
      </div>
    </div>
  );
}
