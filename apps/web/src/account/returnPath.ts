/** The query parameter that carries where to go back to after signing in. */
export const RETURN_PARAMETER = "next";

/** The sign-in page's address, asking to come back to `here` afterwards. */
export function signInPath(here: string): string {
  if (here === "/" || here.startsWith("/sign-in")) return "/sign-in";
  return `/sign-in?${RETURN_PARAMETER}=${encodeURIComponent(here)}`;
}

/**
 * Where to go after signing in: the `next` path of the sign-in page's query if
 * it is a path of this site, else the home page. Anything that could lead off
 * the site (`//host`, `https:`, `/\host`) is refused.
 */
export function returnPathOf(search: string): string {
  const next = new URLSearchParams(search).get(RETURN_PARAMETER);
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/sign-in")) {
    return "/";
  }
  return next;
}
