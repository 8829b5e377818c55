/**
 * Whether a record's field holds exactly this text, ignoring case. Sage's `search` and `email`
 * filters are fuzzy (a substring, any contact person's email), so a find checks each candidate.
 */
export const sameText = (field: unknown, text: string) =>
  typeof field === "string" && field.toLowerCase() === text.toLowerCase();
