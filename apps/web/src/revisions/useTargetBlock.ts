import { useEffect, useState } from "react";
import { blockIdOfHash, paragraphAnchor } from "./revisionPaths.ts";

/** The paragraph the address's fragment points to (`#p-<block id>`), following later changes of the fragment. */
export function useTargetBlock(): string | null {
  const [target, setTarget] = useState(() => blockIdOfHash(window.location.hash));
  useEffect(() => {
    const follow = () => setTarget(blockIdOfHash(window.location.hash));
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  return target;
}

/**
 * Brings the targeted paragraph into view and gives it the focus, once the
 * page that holds it is drawn: its text arrives after the page, too late for
 * the browser's own scrolling to the fragment.
 */
export function useGoToTarget(target: string | null): void {
  useEffect(() => {
    if (target === null) return;
    const element = document.getElementById(paragraphAnchor(target));
    if (!element) return;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  }, [target]);
}
