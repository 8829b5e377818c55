import { listTaxRates } from "./listTaxRates";

// Actions of this resource, keyed by their public action key.
export default { listTaxRates };
