import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../api/errorMessage.ts";
import type { Resource } from "../api/useResource.ts";
import { NotFoundPage } from "../app/NotFoundPage.tsx";
import { PageHeading } from "../app/page.tsx";

interface LoadableProps<T> {
  resource: Resource<T>;
  /** Says what is loading ("Loading the revisions…"). */
  loading: string;
  /** The heading when the server failed or could not be reached. */
  errorTitle: string;
  /** The page when the server answered 404. */
  notFound: { title: string; body: string };
  retry?: () => void;
  /** Part of a page that has its heading already: failures show as notices, not as pages. */
  nested?: boolean;
  children: (value: T) => ReactNode;
}

/** A page's resource: "loading", not found, a failure with a way to try again, or the page itself. */
export function Loadable<T>({ resource, loading, errorTitle, notFound, retry, nested, children }: LoadableProps<T>) {
  const { t } = useTranslation();
  if (resource.status === "loading") {
    return (
      <p className="notice" role="status">
        {loading}
      </p>
    );
  }
  if (resource.status === "ready") return <>{children(resource.value)}</>;
  const notFoundHere = resource.error.status === 404;
  if (notFoundHere && !nested) return <NotFoundPage title={notFound.title} body={notFound.body} />;
  const alert = (
    <div className="notice notice--error" role="alert">
      {nested && <h2>{notFoundHere ? notFound.title : errorTitle}</h2>}
      <p>{notFoundHere ? notFound.body : apiErrorMessage(t, resource.error)}</p>
      {retry && !notFoundHere && (
        <button type="button" className="button" onClick={retry}>
          {t("revisions.retry")}
        </button>
      )}
    </div>
  );
  if (nested) return alert;
  return (
    <div className="page">
      <PageHeading>{errorTitle}</PageHeading>
      {alert}
    </div>
  );
}
