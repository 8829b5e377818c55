import { input } from "@prismatic-io/spectral";
import {
  booleanWithDefault,
  optionalId,
  optionalIdList,
  optionalString,
  optionalTrimmed,
  requiredId,
  requiredIdList,
  requiredString,
} from "../util/validation";
import { contactId, leaveUnchangedBoolean } from "./common";

export const contactPersonId = input({
  label: "Contact Person Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a contact person.",
  example: "2c4e0c1b6f5c11ecb2660236bd82ab5b",
  clean: requiredId("Contact Person Id"),
});

// Filters of List Contact People (Sage's `contact_id` and `address_id`).

export const contactIdFilter = input({
  ...contactId,
  required: false,
  comments: "Only the contact people of this contact.",
  clean: optionalId("Contact Id"),
});

export const addressIdFilter = input({
  label: "Address Id",
  type: "string",
  required: false,
  comments: "Only the contact people at this address of a contact.",
  example: "1b0f1e5a6f5c11ecb2660236bd82ab5b",
  clean: optionalId("Address Id"),
});

// Fields of a contact person (Sage's postContactPersons / putContactPersons).

export const addressId = input({
  label: "Address Id",
  type: "string",
  required: true,
  comments:
    "Provide the unique identifier of the contact's address this person belongs to (the id of the contact's main_address or delivery_address, from Get Contact).",
  example: "1b0f1e5a6f5c11ecb2660236bd82ab5b",
  clean: requiredId("Address Id"),
});

export const personName = input({
  label: "Name",
  type: "string",
  required: true,
  comments: "Provide the name of the contact person.",
  example: "Jane Smith",
  clean: requiredString("Name"),
});

export const contactPersonTypeIds = input({
  label: "Contact Person Type Ids",
  type: "string",
  collection: "valuelist",
  required: true,
  comments: "For each list item, provide an Id of a contact person type (e.g. ACCOUNTS, SALES, PURCHASING).",
  example: "ACCOUNTS",
  clean: requiredIdList("Contact Person Type Ids"),
});

export const jobTitle = input({
  label: "Job Title",
  type: "string",
  required: false,
  comments: "Provide the job title of the contact person.",
  example: "Finance Manager",
  clean: optionalString("Job Title"),
});

export const telephone = input({
  label: "Telephone",
  type: "string",
  required: false,
  comments: "Provide the telephone number of the contact person.",
  example: "0191 123 4567",
  clean: optionalTrimmed("Telephone"),
});

export const mobile = input({
  label: "Mobile",
  type: "string",
  required: false,
  comments: "Provide the mobile number of the contact person.",
  example: "07700 900123",
  clean: optionalTrimmed("Mobile"),
});

export const personEmail = input({
  label: "Email",
  type: "string",
  required: false,
  comments: "Provide the email address of the contact person.",
  example: "jane.smith@acme.example",
  clean: optionalTrimmed("Email"),
});

export const fax = input({
  label: "Fax",
  type: "string",
  required: false,
  comments: "Provide the fax number of the contact person.",
  example: "0191 123 4568",
  clean: optionalTrimmed("Fax"),
});

export const isMainContact = input({
  label: "Is Main Contact",
  type: "boolean",
  required: false,
  default: "false",
  comments: "This flag will determine if this is the contact's main contact person. A contact has only one.",
  clean: booleanWithDefault("Is Main Contact", false),
});

export const isPreferredContact = input({
  label: "Is Preferred Contact",
  type: "boolean",
  required: false,
  default: "false",
  comments: "This flag will determine if this is a preferred contact person.",
  clean: booleanWithDefault("Is Preferred Contact", false),
});

/** Create Contact Person's inputs after the connection. */
export const createContactPersonInputs = {
  addressId,
  name: personName,
  contactPersonTypeIds,
  jobTitle,
  telephone,
  mobile,
  email: personEmail,
  fax,
  isMainContact,
  isPreferredContact,
};

/** Update Contact Person: all optional; the flags can be left unchanged. */
export const updateContactPersonInputs = {
  ...createContactPersonInputs,
  addressId: input({ ...addressId, required: false, clean: optionalId("Address Id") }),
  name: input({ ...personName, required: false, clean: optionalString("Name") }),
  contactPersonTypeIds: input({
    ...contactPersonTypeIds,
    required: false,
    clean: optionalIdList("Contact Person Type Ids"),
  }),
  isMainContact: leaveUnchangedBoolean(isMainContact),
  isPreferredContact: leaveUnchangedBoolean(isPreferredContact),
};
