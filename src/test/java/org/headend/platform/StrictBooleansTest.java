package org.headend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class StrictBooleansTest {

    @SuppressWarnings("unused")
    void delete(@QueryParam("force") @DefaultValue("false") boolean force) {}

    final StrictBooleans cut = new StrictBooleans();

    ParamConverter<Boolean> force() throws NoSuchMethodException {
        Annotation[] annotations =
                getClass().getDeclaredMethod("delete", boolean.class).getParameterAnnotations()[0];
        return cut.getConverter(boolean.class, boolean.class, annotations);
    }

    @Test
    void readsTrueAndFalse() throws Exception {
        assertEquals(true, force().fromString("true"));
        assertEquals(false, force().fromString("false"));
        assertEquals(true, force().fromString("TRUE"));
    }

    @Test
    void refusesAnythingElseNamingTheParameter() throws Exception {
        for (String value : new String[] {"maybe", "", "1", "0", "yes", "tru", "true ", "\u0000"}) {
            var refused = assertThrows(ApiException.class, () -> force().fromString(value), value);
            assertEquals(400, refused.status());
            assertEquals("'force' must be true or false.", refused.getMessage());
        }
    }

    @Test
    void leavesOtherTypesToTheRuntime() {
        assertNull(cut.getConverter(String.class, String.class, new Annotation[0]));
        assertNull(cut.getConverter(int.class, int.class, new Annotation[0]));
    }
}
