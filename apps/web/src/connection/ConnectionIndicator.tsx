import { useTranslation } from "react-i18next";
import { connectionStateOf } from "./connectionState.ts";
import { useConnectionStore } from "./connectionStore.ts";
import { refusalMessageKey } from "./refusal.ts";

/**
 * Says whether edits reach the server: connected, saving, offline (edits kept on
 * this device) or refused. A polite live region, so screen readers hear changes.
 */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionStore(connectionStateOf);
  const refusal = useConnectionStore((store) => store.refusal);
  const text =
    refusal !== null ? t(refusalMessageKey(refusal)) : t(`connection.${state === "refused" ? "offline" : state}`);
  return (
    <div className="connection" data-testid="connection" data-state={state} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
    </div>
  );
}
