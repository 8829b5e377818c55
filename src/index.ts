import actions from "./actions";
import { sageOAuth } from "./connections";
import { componentOnDemand } from "./componentOnDemand";
import dataSources from "./dataSources";
import triggers from "./triggers";
import { handleSageErrors } from "./util/errors";

/** The resource declarations, for the example-payload generator that drives the built bundle. */
export { RESOURCES } from "./resources";

/** The component as written; Spectral converts it item by item (src/componentOnDemand.ts). */
export const definition = {
  key: "sage-accounting",
  public: false,
  documentationUrl: "https://developer.sage.com/accounting/reference/",
  display: {
    label: "Sage Accounting",
    description: "Manage contacts and others connected to your Sage account.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections: [sageOAuth],
  actions,
  triggers,
  dataSources,
  hooks: { error: handleSageErrors },
} satisfies Parameters<typeof componentOnDemand>[0];

export default componentOnDemand(definition);
