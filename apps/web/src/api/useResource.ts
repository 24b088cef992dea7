import { useCallback, useEffect, useRef, useState } from "react";
import { type ApiResult, apiGet } from "./http.ts";

/** A resource of the API as a page shows it. */
export type Resource<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "error"; error: Extract<ApiResult<T>, { ok: false }> };

/**
 * `GET`s `path` while the component is mounted (and again when `path` changes).
 * `reload` asks again, keeping the current value on screen until the answer
 * comes; its promise settles once the answer is shown.
 */
export function useResource<T>(path: string): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const waiting = useRef<(() => void)[]>([]);

  useEffect(() => {
    void generation;
    const abort = new AbortController();
    apiGet<T>(path, abort.signal).then(
      (result) => {
        setResource(result.ok ? { status: "ready", value: result.value } : { status: "error", error: result });
        for (const done of waiting.current.splice(0)) done();
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [path, generation]);

  const reload = useCallback(
    () =>
      new Promise<void>((done) => {
        waiting.current.push(done);
        setGeneration((count) => count + 1);
      }),
    [],
  );
  return [resource, reload];
}
