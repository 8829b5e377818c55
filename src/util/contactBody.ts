import { compact, section } from "./body";

/** The cleaned inputs of Create / Update / Find or Create Contact (blank ones are undefined). */
export interface ContactFields {
  name?: string;
  contactTypeIds?: string[];
  reference?: string;
  defaultSalesLedgerId?: string;
  defaultSalesTaxRateId?: string;
  defaultPurchaseLedgerId?: string;
  taxNumber?: string;
  notes?: string;
  creditLimit?: number;
  creditDays?: number;
  sourceGuid?: string;
  currencyId?: string;
  addressName?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  countryId?: string;
  postalCode?: string;
  bankAccountId?: string;
  addressTypeId?: string;
  region?: string;
  isMainAddress?: boolean;
  deliveryAddressName?: string;
  deliveryAddressRegion?: string;
  deliveryAddressLine1?: string;
  deliveryAddressLine2?: string;
  deliveryAddressCity?: string;
  deliveryAddressPostalCode?: string;
  deliveryAddressCountryId?: string;
  deliveryAddressBankAccountId?: string;
  deliveryAddressTypeId?: string;
  deliveryIsMainAddress?: boolean;
  accountName?: string;
  accountNumber?: string;
  sortCode?: string;
  bic?: string;
  iban?: string;
  /** Find or Create Contact only. */
  email?: string;
}

// A type alias, not an interface: section() needs the implicit index signature.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type AddressFields = {
  name?: string;
  address_line_1?: string;
  address_line_2?: string;
  city?: string;
  postal_code?: string;
  region?: string;
  country_id?: string;
  address_type_id?: string;
  bank_account_id?: string;
};

/**
 * An address block, sent only when one of its fields is filled. On create the flag alone never
 * sends a block: it carries the page's "false" default, and an address made of nothing but a flag
 * is not an address. On update the flag is tri-state, so a True/False chosen on its own is a
 * real change and is sent by itself.
 */
const address = (fields: AddressFields, isMainAddress: boolean | undefined, update: boolean) => {
  const filled = section(fields);
  if (!filled) return update && isMainAddress !== undefined ? { is_main_address: isMainAddress } : undefined;
  return compact({ ...filled, is_main_address: isMainAddress });
};

/**
 * Sage's `postContacts` / `putContacts` body. Create and update share it: what was not filled
 * in is not sent, so an update changes only the fields the user set.
 */
export const contactBody = (fields: ContactFields, { update = false } = {}) => ({
  contact: compact({
    name: fields.name,
    contact_type_ids: fields.contactTypeIds,
    reference: fields.reference,
    default_sales_ledger_account_id: fields.defaultSalesLedgerId,
    default_sales_tax_rate_id: fields.defaultSalesTaxRateId,
    default_purchase_ledger_account_id: fields.defaultPurchaseLedgerId,
    tax_number: fields.taxNumber,
    notes: fields.notes,
    credit_limit: fields.creditLimit,
    credit_days: fields.creditDays,
    source_guid: fields.sourceGuid,
    currency_id: fields.currencyId,
    main_address: address(
      {
        name: fields.addressName,
        address_line_1: fields.addressLine1,
        address_line_2: fields.addressLine2,
        city: fields.city,
        postal_code: fields.postalCode,
        region: fields.region,
        country_id: fields.countryId,
        address_type_id: fields.addressTypeId,
        bank_account_id: fields.bankAccountId,
      },
      fields.isMainAddress,
      update,
    ),
    delivery_address: address(
      {
        name: fields.deliveryAddressName,
        address_line_1: fields.deliveryAddressLine1,
        address_line_2: fields.deliveryAddressLine2,
        city: fields.deliveryAddressCity,
        postal_code: fields.deliveryAddressPostalCode,
        region: fields.deliveryAddressRegion,
        country_id: fields.deliveryAddressCountryId,
        address_type_id: fields.deliveryAddressTypeId,
        bank_account_id: fields.deliveryAddressBankAccountId,
      },
      fields.deliveryIsMainAddress,
      update,
    ),
    // A contact has no email of its own in Sage's schema: it is its main contact person's.
    main_contact_person: section({ email: fields.email }),
    bank_account_details: section({
      account_name: fields.accountName,
      account_number: fields.accountNumber,
      sort_code: fields.sortCode,
      bic: fields.bic,
      iban: fields.iban,
    }),
  }),
});
