package org.headend.platform.openapi;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Visits every schema of the document once: the components' and those inside operations'
 * parameters, bodies and responses, with their properties and items. Payara's own filter walk
 * misses some (the properties of a component schema declared in annotations, for one).
 */
final class SchemaWalk {

    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Consumer<Schema> visit;

    private SchemaWalk(Consumer<Schema> visit) {
        this.visit = visit;
    }

    static void each(OpenAPI document, Consumer<Schema> visit) {
        var walk = new SchemaWalk(visit);
        if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
            document.getComponents().getSchemas().values().forEach(walk::schema);
        }
        if (document.getComponents() != null && document.getComponents().getResponses() != null) {
            document.getComponents().getResponses().values().forEach(r -> walk.content(r.getContent()));
        }
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            document.getPaths().getPathItems().values().stream()
                    .flatMap(item -> item.getOperations().values().stream())
                    .forEach(walk::operation);
        }
    }

    private void operation(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> schema(p.getSchema()));
        }
        if (operation.getRequestBody() != null) {
            content(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent()));
        }
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> schema(m.getSchema()));
        }
    }

    private void schema(Schema schema) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visit.accept(schema);
        schema(schema.getItems());
        schema(schema.getNot());
        schema(schema.getAdditionalPropertiesSchema());
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(list -> list != null)
                .flatMap(Collection::stream)
                .forEach(this::schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::schema);
        }
    }
}
