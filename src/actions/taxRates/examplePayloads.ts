// Shape of Sage's /tax_rates response, shown to flow builders as example output.

export const taxRateListPayload = {
  $total: 1,
  $page: 1,
  $next: null,
  $back: null,
  $itemsPerPage: 20,
  $items: [
    {
      id: "GB_STANDARD",
      displayed_as: "Standard 20.00%",
      $path: "/tax_rates/GB_STANDARD",
      created_at: "2024-05-02T08:00:00Z",
      updated_at: "2024-05-02T08:00:00Z",
      name: "Standard",
      agency: null,
      percentage: 20,
      percentages: [{ percentage: 20, from_date: "2011-01-04", to_date: null }],
      is_visible: true,
      retailer: false,
      editable: false,
      deletable: false,
      is_combined_rate: false,
      component_tax_rates: [],
    },
  ],
};
