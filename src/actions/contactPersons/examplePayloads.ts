// Shapes of Sage's responses, shown to flow builders as each action's example output.

export const contactPersonPayload = {
  id: "2c4e0c1b6f5c11ecb2660236bd82ab5b",
  displayed_as: "Jane Smith",
  $path: "/contact_persons/2c4e0c1b6f5c11ecb2660236bd82ab5b",
  created_at: "2026-01-15T10:21:07Z",
  updated_at: "2026-01-15T10:21:07Z",
  contact_person_types: [{ id: "ACCOUNTS", displayed_as: "Accounts", $path: "/contact_person_types/ACCOUNTS" }],
  name: "Jane Smith",
  job_title: "Finance Manager",
  telephone: "0191 123 4567",
  mobile: "07700 900123",
  email: "jane.smith@acme.example",
  fax: null,
  is_main_contact: true,
  is_preferred_contact: false,
  address: {
    id: "1b0f1e5a6f5c11ecb2660236bd82ab5b",
    displayed_as: "1 High Street\nNewcastle upon Tyne\nNE1 1AA",
    $path: "/addresses/1b0f1e5a6f5c11ecb2660236bd82ab5b",
  },
};

export const contactPersonListPayload = {
  $total: 1,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: [contactPersonPayload],
};
