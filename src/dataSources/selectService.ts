import { picklist } from "./picklist";

export const selectService = picklist({
  label: "Select Service",
  description: "Select a service.",
  path: "/services",
  examplePayload: [
    { label: "Consulting (CONSULT)", key: "3c4d5e6f708192a3b4c5d6e7f8091a2b" },
    { label: "Installation (INSTALL)", key: "4d5e6f708192a3b4c5d6e7f8091a2b3c" },
  ],
});
