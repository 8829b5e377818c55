import { createContact } from "./createContact";
import { deleteContact } from "./deleteContact";
import { findContacts } from "./findContacts";
import { findOrCreateContact } from "./findOrCreateContact";
import { getContact } from "./getContact";
import { listContacts } from "./listContacts";
import { updateContact } from "./updateContact";

// Actions of this resource, keyed by their public action key.
export default {
  createContact,
  updateContact,
  getContact,
  deleteContact,
  listContacts,
  findContacts,
  findOrCreateContact,
};
