import { InputError } from "./validation";

const EXPECTED = "a path relative to the Sage API, such as /contacts or /contacts?search=acme";

/** Decode repeatedly so %2e%2e, %252F and friends are judged by what they finally mean. */
const fullyDecoded = (text: string): string => {
  let current = text;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
};

/**
 * Raw Request's URL must stay on the Sage API: the customer's token goes with it. Refuses
 * absolute and protocol-relative URLs, userinfo (@), backslashes, dot segments and control
 * characters, in plain or percent-encoded form, then checks that the resolved URL still has
 * the base URL's origin and path prefix.
 */
export const safeRelativePath = (label: string, value: unknown, baseUrl: string): string => {
  if (typeof value !== "string" || value.trim() === "")
    throw new InputError(label, `${EXPECTED}; this input is required`);
  const raw = value.trim();
  const decoded = fullyDecoded(raw);
  const pathPart = decoded.split(/[?#]/)[0];
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(decoded) ||
    decoded.startsWith("//") ||
    /[\\@]/.test(pathPart) ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
    /[\u0000-\u001f\u007f]/.test(decoded) ||
    pathPart.split("/").some((part) => part === "." || part === "..")
  ) {
    throw new InputError(label, `${EXPECTED} (absolute URLs, '//', '@', '\\' and '..' are not allowed)`, value);
  }
  const path = raw.startsWith("/") ? raw : `/${raw}`;
  const base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  const resolved = new URL(`${base.pathname.replace(/\/$/, "")}${path}`, base);
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
    throw new InputError(label, EXPECTED, value);
  }
  return path;
};
