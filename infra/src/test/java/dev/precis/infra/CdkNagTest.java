package dev.precis.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS Solutions rules pass with no unexplained exception, in the default and a fully configured stack. */
class CdkNagTest {

    static Stream<Map<String, Object>> configurations() {
        Map<String, Object> everything = new HashMap<>(Map.of("authorizer", "jwt", "jwtIssuer", "https://issuer.example.org/",
                "jwtAudience", "precis-api", "alarmEmail", "ops@example.org", "corsOrigins", "https://cms.example.org",
                "webhookCms", "ghost,wordpress,contentful,sanity,strapi,generic", "readableSecrets", "precis/cms/wordpress"));
        everything.putAll(Map.of("sweepSources", "[{\"name\":\"city\",\"kind\":\"rss\",\"url\":\"https://news.example.org/rss\"}]",
                "resultsExpireDays", 30, "backfillFormat", "csv", "llmProvider", "bedrock",
                "llmModel", "eu.anthropic.claude-3-5-haiku-20241022-v1:0"));
        return Stream.of(Map.of(), everything);
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void noUnsuppressedAwsSolutionsFindings(Map<String, Object> context) {
        PrecisStack stack = StackFixture.stack(context);
        Aspects.of(stack).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        List<SynthesisMessage> errors = Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        List<SynthesisMessage> warnings = Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        warnings.forEach(w -> System.out.println("cdk-nag warning: " + w.getEntry().getData()));
        assertThat(errors).extracting(e -> e.getId() + ": " + e.getEntry().getData()).isEmpty();
        assertThat(warnings).extracting(w -> w.getId() + ": " + w.getEntry().getData()).isEmpty();
    }
}
