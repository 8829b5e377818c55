import { updatedOrCreatedSince } from "../../inputs/common";
import { listAction } from "../listAction";
import * as examples from "../../examplePayloads/taxRates";

export const listTaxRates = listAction({
  label: "List Tax Rates",
  description: "List all tax rates",
  path: "/tax_rates",
  filters: { updatedOrCreatedSince },
  toQuery: ({ updatedOrCreatedSince }) => ({ updated_or_created_since: updatedOrCreatedSince as string | undefined }),
  examplePayload: examples.listTaxRates.data,
});
