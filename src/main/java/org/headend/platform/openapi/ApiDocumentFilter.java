package org.headend.platform.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the document the runtime generates from the annotations (registered as
 * {@code mp.openapi.filter}), so that linters and client generators take it as it is:
 * <ul>
 *   <li>the server is {@code headend.public.api-url}, else {@code /} (the host that served the
 *       document) instead of Payara's {@code http://localhost:<port>/}, whose trailing slash and
 *       host are wrong for every client that is not on the server itself;
 *   <li>Payara's own root field {@code endpoints} is not OpenAPI, and fails validation; each tag is
 *       listed once (Payara lists a class's {@code @Tag} again without its description);
 *   <li>the problems every operation of a shape can answer ({@link CommonProblems}) are added, so
 *       that the resources only name the ones particular to an operation;
 *   <li>an operation without a security requirement (sign-in) says so with an empty one, and every
 *       {@code 201} names its {@code Location} header;
 *   <li>a body that is not JSON (a JPEG, an MP4, CSV, SDP, M3U) is a string, binary for media,
 *       whatever Java type the method returns; {@code @Schema(type = ARRAY, ref = "X")} is a list
 *       of X (Payara keeps only the {@code $ref}, and inlines X's properties for every other way of
 *       saying "a list of X");
 *   <li>the defaults of {@code @Schema} annotations that Payara writes out are taken back
 *       ({@link SchemaDefaults}), an enum's schema gets the {@code type: string} it leaves out, and
 *       schemas nothing refers to are dropped.
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        document.setServers(List.of(OASFactory.createServer().url(serverUrl())));
        dropRuntimeEndpoints(document);
        document.setTags(onePerName(document.getTags()));
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            document.getPaths()
                    .getPathItems()
                    .forEach((path, item) -> item.getOperations().values().forEach(op -> complete(path, op)));
        }
        SchemaWalk.each(document, SchemaDefaults::clear);
        dropUnused(document);
    }

    /**
     * Payara adds a schema for every Java type a resource method returns, the raw generic
     * {@code Page} too, which the operations' own (typed) schemas replace: a schema nothing refers
     * to only puzzles a reader.
     */
    private static void dropUnused(OpenAPI document) {
        if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        SchemaWalk.each(document, schema -> {
            if (schema.getRef() != null) {
                used.add(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            }
        });
        new ArrayList<>(document.getComponents().getSchemas().keySet())
                .stream().filter(name -> !used.contains(name)).forEach(document.getComponents()::removeSchema);
    }

    private static void complete(String path, Operation operation) {
        boolean secured = operation.getSecurity() != null
                && !operation.getSecurity().isEmpty()
                && !operation.getSecurity().get(0).getSchemes().isEmpty();
        if (!secured) {
            // An empty requirement: anybody may call it (otherwise "no security" reads as "not said").
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
        }
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        var responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        for (var problem : CommonProblems.of(secured, operation.getRequestBody() != null, path.contains("{"), query)
                .entrySet()) {
            if (!responses.hasAPIResponse(problem.getKey())) {
                responses.addAPIResponse(
                        problem.getKey(),
                        OASFactory.createAPIResponse().ref("#/components/responses/" + problem.getValue()));
            }
        }
        operation.setResponses(responses);
        responses.getAPIResponses().forEach((status, response) -> {
            bodies(response.getContent());
            if (status.equals("201") && response.getRef() == null && response.getHeaders() == null) {
                response.addHeader(
                        "Location",
                        OASFactory.createHeader()
                                .description("The new resource's URL")
                                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
            }
        });
    }

    private static void bodies(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null && schema.getType() == Schema.SchemaType.ARRAY) {
                // @Schema(type = ARRAY, ref = "X"): Payara writes only the $ref; it means a list of X.
                media.setSchema(OASFactory.createSchema()
                        .type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(schema.getRef())));
            } else if (!type.endsWith("json")) {
                var text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
                media.setSchema(type.startsWith("image/") || type.startsWith("video/") ? text.format("binary") : text);
            }
        });
    }

    private static List<Tag> onePerName(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : tags) {
            Tag first = byName.putIfAbsent(tag.getName(), tag);
            if (first != null && first.getDescription() == null) {
                first.setDescription(tag.getDescription());
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static String serverUrl() {
        String url = ConfigProvider.getConfig()
                .getOptionalValue("headend.public.api-url", String.class)
                .filter(u -> !u.isBlank())
                .orElse("/");
        return url.length() > 1 && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Payara adds a root field {@code endpoints} (its list of paths) that OpenAPI does not have; an
     * empty one is not written. Other runtimes have no such method.
     */
    private static void dropRuntimeEndpoints(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new TreeMap<>());
        } catch (ReflectiveOperationException notPayara) {
            // nothing to drop
        }
    }
}
