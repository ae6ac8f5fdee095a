package dev.precis.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{", "", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "{'a':1}", "{\"a\":NaN}", "{/*c*/\"a\":1}",
            "{\"a\":1,}"})
    void rejectsWhatAStrictParserMust(String document) {
        Problem problem = catchThrowableOfType(ProblemException.class, () -> Json.parse(document)).problem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_JSON.uri());
        assertThat(problem.detail()).doesNotContain("\n").doesNotContain("Source").hasSizeLessThan(300);
    }
}
