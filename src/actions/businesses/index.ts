import { listBusinesses } from "./listBusinesses";

// Actions of this resource, keyed by their public action key.
export default { listBusinesses };
