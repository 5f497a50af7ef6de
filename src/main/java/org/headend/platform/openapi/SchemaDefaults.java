package org.headend.platform.openapi;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Payara copies every attribute of a {@code @Schema} annotation into the document, the ones left
 * at their defaults too: {@code maxProperties: 0} (no property allowed), {@code multipleOf: 0}
 * (invalid), {@code minItems: 2147483647}, {@code readOnly: false}, ... A schema saying that is
 * wrong or noisy for every validator and generator; this takes the defaults back out. It also
 * writes a {@code defaultValue} of a boolean or number schema as that type, not as text, and gives
 * an enum of Java constants the {@code type: string} Payara leaves out.
 */
final class SchemaDefaults {

    private SchemaDefaults() {}

    static void clear(Schema schema) {
        if (schema.getMultipleOf() != null && schema.getMultipleOf().compareTo(BigDecimal.ZERO) <= 0) {
            schema.setMultipleOf(null);
        }
        if (unset(schema.getMaxLength(), Integer.MAX_VALUE)) {
            schema.setMaxLength(null);
        }
        if (unset(schema.getMinLength(), 0)) {
            schema.setMinLength(null);
        }
        if (unset(schema.getMaxItems(), Integer.MAX_VALUE)) {
            schema.setMaxItems(null);
        }
        if (unset(schema.getMinItems(), Integer.MAX_VALUE) || unset(schema.getMinItems(), 0)) {
            schema.setMinItems(null);
        }
        if (unset(schema.getMaxProperties(), Integer.MAX_VALUE) || unset(schema.getMaxProperties(), 0)) {
            schema.setMaxProperties(null);
        }
        if (unset(schema.getMinProperties(), 0)) {
            schema.setMinProperties(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        typeDefault(schema);
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty() && schema.getType() == null) {
            schema.setType(Schema.SchemaType.STRING);
        }
    }

    /**
     * An annotation's {@code defaultValue} is text, empty when not given; a boolean or number
     * schema needs it typed. A value that does not parse stays as it is.
     */
    private static void typeDefault(Schema schema) {
        if (!(schema.getDefaultValue() instanceof String text)) {
            return;
        }
        if (text.isEmpty()) {
            schema.setDefaultValue(null);
            return;
        }
        try {
            switch (schema.getType() == null ? Schema.SchemaType.STRING : schema.getType()) {
                case BOOLEAN -> schema.setDefaultValue(Boolean.valueOf(text));
                case INTEGER -> schema.setDefaultValue(Long.valueOf(text));
                case NUMBER -> schema.setDefaultValue(new BigDecimal(text));
                default -> {}
            }
        } catch (NumberFormatException notANumber) {
            // documented as written
        }
    }

    /** A maximum below zero is the annotation's "none" too ({@code Integer.MIN_VALUE}). */
    private static boolean unset(Integer value, int annotationDefault) {
        return value != null && (value == annotationDefault || value < 0);
    }
}
