import { createContactPerson } from "./createContactPerson";
import { deleteContactPerson } from "./deleteContactPerson";
import { getContactPerson } from "./getContactPerson";
import { listContactPeople } from "./listContactPeople";
import { updateContactPerson } from "./updateContactPerson";

// Actions of this resource, keyed by their public action key.
export default { getContactPerson, deleteContactPerson, listContactPeople, createContactPerson, updateContactPerson };
