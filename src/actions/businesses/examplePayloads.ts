// Shape of Sage's /businesses response (a plain array), shown to flow builders as example output.

export const businessesPayload = [
  {
    id: "b6d5e4c3a2f14e0d9c8b7a6f5e4d3c2b",
    displayed_as: "Acme Trading Ltd",
    name: "Acme Trading Ltd",
    created_at: "2024-05-02T08:00:00Z",
    updated_at: "2026-01-15T10:21:07Z",
    address_line_1: "1 High Street",
    address_line_2: "",
    city: "Newcastle upon Tyne",
    postal_code: "NE1 1AA",
    region: "Tyne and Wear",
    country: { id: "GB", displayed_as: "United Kingdom (GB)", $path: "/countries/GB" },
    telephone: "0191 000 0000",
    mobile: "",
    website: "https://acme.example",
    is_demo: false,
    ni_based: false,
    subscriptions: [],
  },
];
