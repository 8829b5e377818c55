import { sageQueryFlag } from "../inputs/common";
import { picklist } from "./picklist";

export const selectContact = picklist({
  label: "Select Contact",
  description: "Select a contact (customer or supplier) from your Sage business.",
  path: "/contacts",
  options: {
    includeSystem: sageQueryFlag({
      label: "Include System Contacts",
      comments:
        "Also list Sage's system contacts (in UK businesses HMRC Payments and HMRC Reclaimed), which cannot be used on invoices or payments.",
    }),
  },
  // Sage's system contacts are no customer or supplier a flow builder picks: left out unless asked.
  queryOf: ({ includeSystem }) => ({ exclude_system: includeSystem ? undefined : true }),
});
