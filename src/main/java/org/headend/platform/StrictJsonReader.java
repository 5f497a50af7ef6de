package org.headend.platform;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Reads every JSON body of the API ({@code JsonObject} parameters and the like) through {@link
 * StrictJson}, in place of the runtime's JSON-P reader, which answered a body of {@code []},
 * {@code null} or {@code "x"} with an HTML 500 and took duplicate keys silently. A body of the wrong
 * JSON type is a 400 naming both types. The 64 KiB limit of {@link BodySizeLimit} applies underneath.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(1)
public class StrictJsonReader implements MessageBodyReader<JsonValue> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(
            Class<JsonValue> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        JsonValue value = StrictJson.parse(new InputStreamReader(body, decoder(mediaType)));
        if (!type.isInstance(value)) {
            throw ApiException.badRequest(
                    "The body must be " + expected(type) + "; it is " + StrictJson.describe(value) + ".");
        }
        return value;
    }

    /** Refuses bytes that are not valid in the charset instead of reading them as U+FFFD. */
    private static CharsetDecoder decoder(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        Charset charset;
        try {
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new ApiException(415, "Unsupported Media Type", "Unsupported charset; send UTF-8 JSON.");
        }
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String expected(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "JsonObject" -> "a JSON object";
            case "JsonArray" -> "a JSON array";
            default -> "JSON";
        };
    }
}
