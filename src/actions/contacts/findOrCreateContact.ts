import { action } from "@prismatic-io/spectral";
import { createSageClient, type HttpClient } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import { createContactInputs, matchEmail, matchReference } from "../../inputs/contacts";
import { contactBody } from "../../util/contactBody";
import { FULL_NESTED_RECORDS, fetchAllPages, pagesOf } from "../../util/pagination";
import { sameText } from "../../util/match";
import { InputError } from "../../util/validation";
import { actionOutput, BOOLEAN, objectSchema, performSafetyFor, recordSchema } from "../../util/outputSchema";

interface SageContact extends Record<string, unknown> {
  email?: string | null;
  reference?: string | null;
}

// Sage's `email` and `search` filters are fuzzy (any contact person's email; a substring of
// name or reference), so each candidate is checked for an exact match (sameText); pages are read
// only until one is found.

/**
 * Sage's `email` filter looks at every contact person of a contact, but a contact's own `email`
 * is only its main person's; so a candidate whose main email differs is confirmed against its
 * contact people (exactly, ignoring case) rather than trusted or dropped.
 */
const hasPersonWithEmail = async (client: HttpClient, contactId: string, email: string) => {
  const { $items } = await fetchAllPages<{ email?: string }>(client, "/contact_persons", {
    contact_id: contactId,
    attributes: "email",
  });
  return $items.some((person) => sameText(person.email, email));
};

/**
 * Each candidate of Sage's fuzzy filters is checked for an exact match; pages are read only until
 * one is found. References are unique in Sage regardless of case, so they match ignoring case too.
 */
const findMatch = async (client: HttpClient, email: string | undefined, reference: string | undefined) => {
  const params = email ? { email } : { search: reference };
  // Page by page: the walk stops at the first match, so reading ahead would waste calls.
  const query = { ...params, attributes: "all", ...FULL_NESTED_RECORDS };
  for await (const page of pagesOf<SageContact>(client, "/contacts", query, undefined, { concurrency: 1 })) {
    const candidates = page.$items ?? [];
    const direct = candidates.find((contact) =>
      email ? sameText(contact.email, email) : sameText(contact.reference, reference ?? ""),
    );
    if (direct) return direct;
    if (!email) continue;
    for (const contact of candidates) {
      if (await hasPersonWithEmail(client, String(contact.id), email)) return contact;
    }
  }
  return undefined;
};

const { name, contactTypeIds, ...otherCreateInputs } = createContactInputs;

export const findOrCreateContact = action({
  display: {
    label: "Find or Create Contact",
    description:
      "Return the contact with the given email (or, without one, the given reference); create it when there is none",
  },
  inputs: {
    connection,
    name,
    contactTypeIds,
    email: matchEmail,
    ...otherCreateInputs,
    reference: matchReference,
    idempotencyKey,
  },
  perform: async (context, { connection, idempotencyKey, ...fields }) => {
    if (!fields.email && !fields.reference) {
      throw new InputError(
        "Email",
        'an Email or a Reference to look for an existing contact by; fill in "Email" or "Reference"',
      );
    }
    const client = createSageClient(connection, context.debug.enabled);
    // Not atomic: a contact created elsewhere between the lookup and the create is not seen.
    const existing = await findMatch(client, fields.email, fields.reference);
    if (existing) return { data: { created: false, contact: existing } };
    const { data } = await client.post<SageContact>(
      "/contacts",
      contactBody(fields),
      withIdempotencyKey(idempotencyKey),
    );
    return { data: { created: true, contact: data } };
  },
  outputSchema: actionOutput(() => objectSchema({ created: BOOLEAN, contact: recordSchema("Contact") })),
  performSafety: performSafetyFor("create"),
});
