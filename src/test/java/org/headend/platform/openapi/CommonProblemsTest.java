package org.headend.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommonProblemsTest {

    @Test
    void aSecuredCreateWithABodyAnswersTheBodyAndTokenProblems() {
        var problems = CommonProblems.of(true, true, false, false);

        assertEquals(List.of("400", "401", "413", "415", "500"), List.copyOf(problems.keySet()));
        assertEquals(Problems.CONTENT_TOO_LARGE, problems.get("413"));
    }

    @Test
    void aPathWithAnIdCanBeNotFound() {
        var problems = CommonProblems.of(true, false, true, false);

        assertEquals(List.of("401", "404", "500"), List.copyOf(problems.keySet()));
        assertEquals(Problems.NOT_FOUND, problems.get("404"));
    }

    @Test
    void checkedQueryValuesAreABadRequest() {
        assertEquals(
                List.of("400", "401", "500"),
                List.copyOf(CommonProblems.of(true, false, false, true).keySet()));
    }

    @Test
    void anOpenOperationWithoutInputCanOnlyFailUnexpectedly() {
        assertEquals(
                List.of("500"),
                List.copyOf(CommonProblems.of(false, false, false, false).keySet()));
    }
}
