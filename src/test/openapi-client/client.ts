// Uses the client generated from Headend's served OpenAPI document (OpenApiClientIT): creates a
// stream, reads its status and deletes it. A renamed path or field fails to compile here.
// Env: HEADEND_URL (the app's base URL), HEADEND_TOKEN (a bearer token), STREAM_NAME.
// Prints one JSON line; never the token or the stream key.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type Stream = components["schemas"]["StreamJson"];
type Status = components["schemas"]["StreamStatus"];

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const client = createClient<paths>({
  baseUrl: env("HEADEND_URL"),
  headers: { Authorization: `Bearer ${env("HEADEND_TOKEN")}` },
});

const created = await client.POST("/api/v1/streams", {
  body: { name: env("STREAM_NAME"), ladder: "default", record: "off" },
});
if (created.error || !created.data) {
  throw new Error(`createStream answered ${created.response.status}: ${JSON.stringify(created.error)}`);
}
const stream: Stream = created.data;
const id = stream.id;
if (!id) {
  throw new Error("createStream answered no id");
}

const status = await client.GET("/api/v1/streams/{id}/status", { params: { path: { id } } });
if (status.error || !status.data) {
  throw new Error(`getStreamStatus answered ${status.response.status}: ${JSON.stringify(status.error)}`);
}
const live: Status = status.data;

const missing = await client.GET("/api/v1/streams/{id}", { params: { path: { id: "no-such-stream" } } });

const deleted = await client.DELETE("/api/v1/streams/{id}", { params: { path: { id }, query: { force: true } } });

console.log(
  JSON.stringify({
    id,
    name: stream.name,
    createdStatus: created.response.status,
    hasStreamKey: typeof stream.streamKey === "string" && stream.streamKey.length > 0,
    state: live.state,
    missingStatus: missing.response.status,
    missingTitle: missing.error?.title,
    deletedStatus: deleted.response.status,
  }),
);
