package org.headend.platform;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads boolean parameters ({@code ?force=true}) as {@code true} or {@code false} only. JAX-RS
 * reads them with {@link Boolean#valueOf}, where {@code force=maybe} is a silent {@code false}: a
 * caller who meant yes would get a quiet no, and one who typed anything else a decision they never
 * made. Anything else is a 400 naming the parameter.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != boolean.class && rawType != Boolean.class) {
            return null;
        }
        return (ParamConverter<T>) new Converter(name(annotations));
    }

    record Converter(String name) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if ("true".equalsIgnoreCase(value)) {
                return true;
            }
            if ("false".equalsIgnoreCase(value)) {
                return false;
            }
            throw ApiException.badRequest("'" + name + "' must be true or false.");
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            } else if (annotation instanceof FormParam form) {
                return form.value();
            } else if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            } else if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
        }
        return "parameter";
    }
}
