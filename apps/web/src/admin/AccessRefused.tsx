import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { signInPath } from "../account/returnPath.ts";
import { type ApiFailure, apiErrorMessage } from "../api/errorMessage.ts";

/** Why a facilitators' page shows nothing: not signed in (with the way to sign in), not allowed, or a failure. */
export function AccessRefused({ error, onRetry }: { error: ApiFailure; onRetry?: () => void }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const retriable = error.status === 0 || error.status >= 500;
  return (
    <div className="notice notice--error" role="alert">
      <p>{apiErrorMessage(t, error)}</p>
      {error.status === 401 && (
        <Link href={signInPath(location)} className="button button--primary">
          {t("userMenu.signIn")}
        </Link>
      )}
      {retriable && onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("process.retry")}
        </button>
      )}
    </div>
  );
}
