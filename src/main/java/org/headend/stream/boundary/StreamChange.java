package org.headend.stream.boundary;

import java.time.Instant;
import java.util.Optional;
import org.headend.platform.JsonBody;
import org.headend.stream.entity.Stream;

/**
 * The body of {@code PUT /api/v1/streams/{id}}, read and checked whole before anything is changed,
 * then applied one setting at a time (each its own audited operation). The ladder is required
 * unless another setting is given.
 */
record StreamChange(
        Optional<String> ladder,
        Optional<String> record,
        boolean expiry,
        Instant expiresAt,
        Optional<InputRequest> input,
        Optional<Boolean> redundancy,
        Optional<Boolean> open,
        boolean pin,
        String worker) {

    static StreamChange read(JsonBody json, Stream stream, Optional<InputRequest> input) {
        json.requireUnchanged("name", stream.name(), "A stream cannot be renamed: its name is in every player's URL.");
        var record = json.optionalString("record");
        record.ifPresent(StreamOperations::requireRecordMode);
        boolean expiry = json.value("expiresAt").isPresent();
        Instant expiresAt = json.optionalString("expiresAt")
                .map(t -> StreamOperations.instant("expiresAt", t))
                .orElse(null);
        var redundancy = json.optionalBoolean("redundancy");
        var open = json.optionalBoolean("public");
        boolean pin = json.value("worker").isPresent();
        String worker = json.optionalString("worker").orElse(null);
        boolean onlyLadder =
                record.isEmpty() && !expiry && input.isEmpty() && redundancy.isEmpty() && open.isEmpty() && !pin;
        Optional<String> ladder = onlyLadder || json.value("ladder").isPresent()
                ? Optional.of(json.requiredString("ladder"))
                : Optional.empty();
        return new StreamChange(ladder, record, expiry, expiresAt, input, redundancy, open, pin, worker);
    }

    Stream applyTo(StreamOperations operations, String id, Stream stream) {
        if (pin) {
            // Checked first: a refused worker must leave the other settings unchanged too.
            operations.requireWorker(worker);
        }
        Stream changed = stream;
        if (ladder.isPresent()) {
            changed = operations.changeLadder(id, ladder.get());
        }
        if (record.isPresent()) {
            changed = operations.changeRecording(id, record.get());
        }
        if (expiry) {
            changed = operations.changeExpiry(id, expiresAt);
        }
        if (input.isPresent()) {
            changed = operations.changeInput(id, input.get());
        }
        if (redundancy.isPresent()) {
            changed = operations.changeRedundancy(id, redundancy.get());
        }
        if (open.isPresent()) {
            changed = operations.changeVisibility(id, open.get());
        }
        if (pin) {
            changed = operations.changeWorker(id, worker);
        }
        return changed;
    }
}
