/** A route's handler gets the path parameters named in its pattern (":id"). */
export type Params = Record<string, string>;

interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

/** What {@link Router.match} finds: a handler, or the methods the path does allow, or nothing. */
export type Match<H> = { handler: H; params: Params } | { allowed: string[] } | undefined;

/** A minimal router over path segments; patterns look like "/api/drafts/:id". */
export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, segments: string[]): Match<H> {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) {
        return { handler: route.handler, params };
      }
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : undefined;
  }
}

function matchSegments(pattern: string[], path: string[]): Params | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Params = {};
  for (const [i, part] of pattern.entries()) {
    const actual = path[i] as string;
    if (part.startsWith(":")) params[part.slice(1)] = actual;
    else if (part !== actual) return undefined;
  }
  return params;
}
