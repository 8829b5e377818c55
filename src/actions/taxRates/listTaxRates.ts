import { updatedOrCreatedSinceFor } from "../../inputs/common";
import { listAction } from "../listAction";

export const listTaxRates = listAction({
  label: "List Tax Rates",
  description: "List all tax rates",
  path: "/tax_rates",
  definition: "TaxRate",
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSinceFor("Tax Rates") },
  },
});
