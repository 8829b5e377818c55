import { compact } from "../../util/body";

/** The cleaned inputs of Create / Update Contact Person (blank ones are undefined). */
export interface ContactPersonFields {
  addressId?: string;
  name?: string;
  contactPersonTypeIds?: string[];
  jobTitle?: string;
  telephone?: string;
  mobile?: string;
  email?: string;
  fax?: string;
  isMainContact?: boolean;
  isPreferredContact?: boolean;
}

/** Sage's `postContactPersons` / `putContactPersons` body; what was not filled in is not sent. */
export const contactPersonBody = (fields: ContactPersonFields) => ({
  contact_person: compact({
    address_id: fields.addressId,
    name: fields.name,
    contact_person_type_ids: fields.contactPersonTypeIds,
    job_title: fields.jobTitle,
    telephone: fields.telephone,
    mobile: fields.mobile,
    email: fields.email,
    fax: fields.fax,
    is_main_contact: fields.isMainContact,
    is_preferred_contact: fields.isPreferredContact,
  }),
});
