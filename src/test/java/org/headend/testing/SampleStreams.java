package org.headend.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/**
 * Creates streams the way the ITs need them (plain, passthrough, with a ladder, redundant, with an
 * SRT/UDP input), through the API, so no test spells the request body out again. Each answer is a
 * {@link SampleStream} handle that deletes its stream (forced, so also while live) when closed.
 */
public final class SampleStreams {

    private final Api api;
    private final JsonObjectBuilder body = Json.createObjectBuilder();
    private String name;

    private SampleStreams(Api api) {
        this.api = api;
    }

    /** A builder for anything the shortcuts below do not cover. */
    public static SampleStreams on(Api api) {
        return new SampleStreams(api);
    }

    /** A stream on the default ladder, named {@code prefix-<random>}. */
    public static SampleStream plain(Api api, String prefix) {
        return on(api).unique(prefix).create();
    }

    /** A passthrough stream: one rendition, no transcoding, the cheapest stream that plays. */
    public static SampleStream passthrough(Api api, String prefix) {
        return on(api).unique(prefix).ladder("passthrough").create();
    }

    public static SampleStream withLadder(Api api, String prefix, String ladder) {
        return on(api).unique(prefix).ladder(ladder).create();
    }

    /** A passthrough stream with a backup packager. */
    public static SampleStream redundant(Api api, String prefix) {
        return on(api).unique(prefix).ladder("passthrough").redundancy(true).create();
    }

    /** A stream fed by a listener (SRT/UDP) instead of RTMP; {@code input} as the API takes it. */
    public static SampleStream withInput(Api api, String prefix, JsonObject input) {
        return on(api).unique(prefix).input(input).create();
    }

    public SampleStreams unique(String prefix) {
        return name(Names.unique(prefix));
    }

    /** An exact name, where the test looks for it elsewhere (logs, paths) or its app is fresh. */
    public SampleStreams name(String exact) {
        this.name = exact;
        body.add("name", exact);
        return this;
    }

    public SampleStreams ladder(String ladder) {
        body.add("ladder", ladder);
        return this;
    }

    /** A public stream plays on its watch page without signing in. */
    public SampleStreams open(boolean open) {
        body.add("public", open);
        return this;
    }

    /** When to record: "off", "always", ... as the API takes it. */
    public SampleStreams record(String when) {
        body.add("record", when);
        return this;
    }

    public SampleStreams redundancy(boolean redundant) {
        body.add("redundancy", redundant);
        return this;
    }

    public SampleStreams input(JsonObject input) {
        body.add("input", input);
        return this;
    }

    public SampleStreams input(JsonObjectBuilder input) {
        return input(input.build());
    }

    /** Creates the stream, failing the test with the API's answer unless it is 201 Created. */
    public SampleStream create() {
        if (name == null) {
            unique("stream");
        }
        Api.Reply reply = api.post("/api/v1/streams", body.build());
        if (reply.status() != 201) {
            throw new AssertionError("creating stream " + name + ": " + reply.status() + " " + reply.body());
        }
        return new SampleStream(api, reply.json());
    }

    /** A created stream: what tests read from it, its paths, and its deletion on close. */
    public record SampleStream(Api api, JsonObject json) implements AutoCloseable {

        public String id() {
            return json.getString("id");
        }

        public String name() {
            return json.getString("name");
        }

        public String key() {
            return json.getString("streamKey");
        }

        public String playbackUrl() {
            return json.getString("playbackUrl");
        }

        /** {@code /api/v1/streams/<id>}, the base of every sub-resource (outputs, origins, ...). */
        public String path() {
            return "/api/v1/streams/" + id();
        }

        public String path(String sub) {
            return path() + "/" + sub;
        }

        /** Waits for the stream's status to reach {@code state}; answers that status. */
        public JsonObject awaitState(String state, Duration deadline) {
            return api.awaitState(path("status"), state, deadline);
        }

        /** The same stream seen through another client, e.g. the next run of a restarted app. */
        public SampleStream via(Api other) {
            return new SampleStream(other, json);
        }

        /**
         * Deletes the stream, stopping it if live. The answer is not checked: this runs in finally
         * blocks, where a failed clean-up must not hide the test's own failure (and gone is fine).
         */
        @Override
        public void close() {
            api.delete(path() + "?force=true");
        }
    }
}
