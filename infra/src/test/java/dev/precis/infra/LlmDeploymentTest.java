package dev.precis.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LLM engine's context: environment for the function and the one permission each provider needs. */
class LlmDeploymentTest {

    @SuppressWarnings("unchecked")
    private static String policies(Template template) {
        return template.findResources("AWS::IAM::Policy").values().stream()
                .map(p -> ((Map<String, Object>) p.get("Properties")).get("PolicyDocument").toString()).collect(Collectors.joining("\n"));
    }

    @Test
    void withoutAProviderNothingIsAdded() {
        Template template = Template.fromStack(StackFixture.stack(Map.of()));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("PRECIS_LLM_PROVIDER", Match.absent())))));
        assertThat(policies(template)).doesNotContain("bedrock:");
    }

    @Test
    void openAiReadsItsKeyFromTheNamedSecret() {
        Template template = Template.fromStack(StackFixture.stack(Map.of("llmProvider", "openai", "llmModel", "gpt-4o-mini",
                "llmSecretName", "precis/llm/openai")));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "PRECIS_LLM_PROVIDER", "openai", "PRECIS_LLM_MODEL", "gpt-4o-mini",
                "PRECIS_LLM_API_KEY", "secretsmanager:precis/llm/openai")))));
        assertThat(policies(template)).contains("secretsmanager:GetSecretValue").contains("precis/llm/openai").doesNotContain("bedrock:");
    }

    @Test
    void bedrockMayInvokeItsModelOnly() {
        Template template = Template.fromStack(StackFixture.stack(Map.of("llmProvider", "bedrock",
                "llmModel", "anthropic.claude-3-5-haiku-20241022-v1:0")));
        String policies = policies(template);
        assertThat(policies).contains("bedrock:InvokeModel").contains("foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0")
                .doesNotContain("bedrock:*");
        String profile = policies(Template.fromStack(StackFixture.stack(Map.of("llmProvider", "bedrock",
                "llmModel", "eu.anthropic.claude-3-5-haiku-20241022-v1:0"))));
        assertThat(profile).contains("inference-profile/eu.anthropic.claude-3-5-haiku-20241022-v1:0")
                .contains(":bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("llmProvider", "bedrock"))).hasMessageContaining("llmModel");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("llmProvider", "gemini", "llmModel", "x"))).hasMessageContaining("openai or bedrock");
    }
}
