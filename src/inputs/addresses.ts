import { input } from "@prismatic-io/spectral";
import { booleanWithDefault, optionalId, optionalString } from "../util/validation";
import { leaveUnchangedBoolean } from "./common";

// A contact's two address blocks (main and delivery). Labels and comments are the page's;
// only the bank account comments are corrected (the page says "postal code" there).

export const addressName = input({
  label: "Address Name",
  type: "string",
  required: false,
  comments: "Provide a string value for a name.",
  example: "Head Office",
  clean: optionalString("Address Name"),
});

export const addressLine1 = input({
  label: "Address Line 1",
  type: "string",
  required: false,
  comments: "Provide a valid street address",
  example: "1 High Street",
  clean: optionalString("Address Line 1"),
});

export const addressLine2 = input({
  label: "Address Line 2",
  type: "string",
  required: false,
  comments: "Provide a string value for the 2nd address line.",
  example: "Suite 4",
  clean: optionalString("Address Line 2"),
});

export const city = input({
  label: "City",
  type: "string",
  required: false,
  comments: "Provide a string value for the city of the address.",
  example: "Newcastle upon Tyne",
  clean: optionalString("City"),
});

export const countryId = input({
  label: "Country Id",
  type: "string",
  required: false,
  comments: "Provide a unique identifier for the contact's country.",
  example: "GB",
  dataSource: "selectCountry",
  clean: optionalId("Country Id"),
});

export const postalCode = input({
  label: "Postal Code",
  type: "string",
  required: false,
  comments: "Provide a value for the postal code.",
  example: "NE1 1AA",
  clean: optionalString("Postal Code"),
});

export const bankAccountId = input({
  label: "Bank Account Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of the bank account linked to the main address.",
  example: "9a994ff4c3f711e9b6b30ad7a5c4a1a0",
  clean: optionalId("Bank Account Id"),
});

export const addressTypeId = input({
  label: "Address Type Id",
  type: "string",
  required: false,
  comments: "Provide a unique identifier for the address type",
  example: "ACCOUNTS",
  dataSource: "selectAddressType",
  clean: optionalId("Address Type Id"),
});

export const region = input({
  label: "Region",
  type: "string",
  required: false,
  comments: "Provide a valid region for the contact.",
  example: "Tyne and Wear",
  clean: optionalString("Region"),
});

export const deliveryAddressName = input({
  ...addressName,
  label: "Delivery Address Name",
  example: "Warehouse",
  clean: optionalString("Delivery Address Name"),
});

export const deliveryAddressRegion = input({
  ...region,
  label: "Delivery Address Region",
  clean: optionalString("Delivery Address Region"),
});

export const isMainAddress = input({
  label: "Is Main Address",
  type: "boolean",
  required: false,
  default: "false",
  comments: "This flag will determine if this is the contacts main address.",
  clean: booleanWithDefault("Is Main Address", false),
});

export const deliveryAddressLine1 = input({
  ...addressLine1,
  label: "Delivery Address Line 1",
  clean: optionalString("Delivery Address Line 1"),
  example: "Unit 7, Riverside Park",
});

export const deliveryAddressLine2 = input({
  ...addressLine2,
  label: "Delivery Address Line 2",
  clean: optionalString("Delivery Address Line 2"),
});

export const deliveryAddressCity = input({
  ...city,
  label: "Delivery Address City",
  clean: optionalString("Delivery Address City"),
});

export const deliveryAddressPostalCode = input({
  ...postalCode,
  label: "Delivery Address Postal Code",
  clean: optionalString("Delivery Address Postal Code"),
});

export const deliveryAddressCountryId = input({
  ...countryId,
  label: "Delivery Address Country Id",
  clean: optionalId("Delivery Address Country Id"),
});

export const deliveryAddressBankAccountId = input({
  ...bankAccountId,
  label: "Delivery Address Bank Account Id",
  comments: "Provide the unique identifier of the bank account linked to the delivery address.",
  clean: optionalId("Delivery Address Bank Account Id"),
});

export const deliveryAddressTypeId = input({
  ...addressTypeId,
  label: "Delivery Address Type Id",
  example: "DELIVERY",
  clean: optionalId("Delivery Address Type Id"),
});

// Same label as the main address flag, as on the page; a distinct key keeps the two apart.
export const deliveryIsMainAddress = input({ ...isMainAddress });

// On update a "false" default would demote the address on every call, so the flags are tri-state there.
export const isMainAddressOnUpdate = leaveUnchangedBoolean(isMainAddress);
export const deliveryIsMainAddressOnUpdate = leaveUnchangedBoolean(deliveryIsMainAddress);

/** The address inputs of Create Contact, in the page's order (main and delivery interleave there). */
export const addressInputs = {
  addressName,
  addressLine1,
  addressLine2,
  city,
  countryId,
  postalCode,
  bankAccountId,
  addressTypeId,
  region,
  deliveryAddressName,
  deliveryAddressRegion,
  isMainAddress,
  deliveryAddressLine1,
  deliveryAddressLine2,
  deliveryAddressCity,
  deliveryAddressPostalCode,
  deliveryAddressCountryId,
  deliveryAddressBankAccountId,
  deliveryAddressTypeId,
  deliveryIsMainAddress,
};
