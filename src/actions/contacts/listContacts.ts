import { updatedOrCreatedSince } from "../../inputs/common";
import { contactTypeId, email, search } from "../../inputs/contacts";
import type { QueryParams } from "../../util/pagination";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/contacts";

export const listContacts = listAction({
  label: "List Contacts",
  description: "List all contacts",
  path: "/contacts",
  filters: { updatedOrCreatedSince, search, email, contactTypeId },
  // The cleaners have already turned each filter into a string or undefined.
  toQuery: (values): QueryParams => ({
    updated_or_created_since: values.updatedOrCreatedSince as string | undefined,
    search: values.search as string | undefined,
    email: values.email as string | undefined,
    contact_type_id: values.contactTypeId as string | undefined,
  }),
  examplePayload: examples.listContacts.data,
});
