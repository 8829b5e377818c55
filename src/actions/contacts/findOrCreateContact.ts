import { action } from "@prismatic-io/spectral";
import { createSageClient, type HttpClient } from "../../client";
import { connection } from "../../inputs/common";
import { createContactInputs, matchEmail, matchReference } from "../../inputs/contacts";
import { contactBody } from "../../util/contactBody";
import { pagesOf } from "../../util/pagination";
import { InputError } from "../../util/validation";
import * as examples from "../../examplePayloads/contacts";

interface SageContact extends Record<string, unknown> {
  email?: string | null;
  reference?: string | null;
}

/**
 * Sage's `email` and `search` filters are fuzzy (any contact person's email; a substring of
 * name or reference), so each candidate is checked for an exact match; pages are read only
 * until one is found.
 */
const findMatch = async (client: HttpClient, email: string | undefined, reference: string | undefined) => {
  const params = email ? { email } : { search: reference };
  const matches = email
    ? (contact: SageContact) => typeof contact.email === "string" && contact.email.toLowerCase() === email.toLowerCase()
    : (contact: SageContact) => contact.reference === reference;
  for await (const page of pagesOf<SageContact>(client, "/contacts", { ...params, attributes: "all" })) {
    const found = page.$items?.find(matches);
    if (found) return found;
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
  },
  perform: async (context, { connection, ...fields }) => {
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
    const { data } = await client.post<SageContact>("/contacts", contactBody(fields));
    return { data: { created: true, contact: data } };
  },
  examplePayload: examples.findOrCreateContact,
});
