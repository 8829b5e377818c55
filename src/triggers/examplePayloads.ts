import type { TriggerPayload } from "@prismatic-io/spectral";

/**
 * The platform's part of a polling trigger's payload (Prismatic's, not Sage's); the trigger
 * replaces `body` with what Sage returned (src/examplePayloads/triggers.ts).
 */
export const EXAMPLE_TRIGGER_PAYLOAD: TriggerPayload = {
  headers: {},
  queryParameters: {},
  rawBody: { data: null },
  body: { data: null },
  pathFragment: "",
  webhookUrls: {},
  webhookApiKeys: {},
  invokeUrl: "",
  executionId: "SW5zdGFuY2VFeGVjdXRpb246OTdiNWQxYmQtMzIwNC00YmJjLTk3NjMtNDI2ZTk5NDgwYjQ3",
  customer: { id: "customerId", name: "Acme Corp", externalId: "acme" },
  instance: { id: "instanceId", name: "Sage Accounting Sync" },
  user: { id: "userId", email: "user@example.com", name: "User", externalId: "user" },
  integration: { id: "integrationId", name: "Sage Accounting", versionSequenceId: "1", externalVersion: "1.0.0" },
  flow: { id: "flowId", name: "Sync contacts", stableId: "flowStableId" },
  startedAt: "2026-01-31T10:00:00.000Z",
  globalDebug: false,
};
