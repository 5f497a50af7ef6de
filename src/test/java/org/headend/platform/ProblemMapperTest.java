package org.headend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    final ProblemMapper cut = new ProblemMapper();
    final List<LogRecord> logged = new ArrayList<>();
    final Logger incidents = Logger.getLogger(Incident.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        incidents.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        incidents.removeHandler(capture);
    }

    static JsonObject body(Response response) {
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return Json.createReader(new StringReader((String) response.getEntity()))
                .readObject();
    }

    @Test
    void answersARefusalWithItsStatusAndMessage() {
        Response response = cut.toResponse(ApiException.invalid("name", "Field 'name' is required."));

        assertEquals(400, response.getStatus());
        assertEquals("Field 'name' is required.", body(response).getString("detail"));
        assertTrue(logged.isEmpty());
    }

    @Test
    void findsARefusalWrappedByTheRuntime() {
        var wrapped = new ProcessingException(new ApiException(413, "Content too large", "Too large."));

        assertEquals(413, cut.toResponse(wrapped).getStatus());
    }

    @Test
    void keepsTheRuntimesClientErrorsWithAllow() {
        Response notAllowed = cut.toResponse(new NotAllowedException("GET", new String[] {"POST"}));

        assertEquals(405, notAllowed.getStatus());
        assertTrue(notAllowed.getHeaderString("Allow").contains("GET"));
        assertEquals(404, cut.toResponse(new NotFoundException()).getStatus());
        assertEquals(415, body(cut.toResponse(new NotSupportedException())).getInt("status"));
        assertTrue(logged.isEmpty());
    }

    @Test
    void turnsAnUnexpectedFailureIntoAnIncidentWhoseIdIsInDetailAndLog() {
        var failure = new IllegalStateException("password=hunter2 leaked in a message");

        Response response = cut.toResponse(failure);

        assertEquals(500, response.getStatus());
        String detail = body(response).getString("detail");
        assertTrue(detail.matches("Incident [0-9a-f]{12}: the server failed .*"), detail);
        assertFalse(detail.contains("hunter2"));
        String id = detail.substring("Incident ".length(), "Incident ".length() + 12);
        assertEquals(1, logged.size());
        assertTrue(
                logged.get(0).getMessage().contains("Incident " + id),
                logged.get(0).getMessage());
        assertEquals(failure, logged.get(0).getThrown());
    }

    @Test
    void treatsAProcessingFailureThatIsNoRefusalAsAnIncident() {
        assertEquals(500, cut.toResponse(new ProcessingException("no writer")).getStatus());
        assertEquals(1, logged.size());
    }
}
