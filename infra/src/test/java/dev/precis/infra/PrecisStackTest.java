package dev.precis.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrecisStackTest {

    private final PrecisStack stack = StackFixture.stack(Map.of());
    private final Template template = Template.fromStack(stack);

    private String logicalId(Object construct) {
        return stack.getLogicalId((software.amazon.awscdk.CfnElement)
                ((software.constructs.IConstruct) construct).getNode().getDefaultChild());
    }

    @Test
    void oneFunctionWithSnapStartMemoryTimeoutAndTracing() {
        template.resourceCountIs("AWS::Lambda::Function", 1);
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Handler", "dev.precis.function.PrecisLambdaHandler::handleRequest",
                "MemorySize", 512,
                "Timeout", 29,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "TracingConfig", Map.of("Mode", "Active"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                        "PRECIS_INVOCATION_TIMEOUT", "29s")))));
    }

    @Test
    void anAliasOnAPublishedVersion() {
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
    }

    @Test
    void routesMatchTheSpecAndOnlyBriefsIsBehindTheAuthorizer() {
        Map<String, Map<String, Object>> routes = template.findResources("AWS::ApiGatewayV2::Route");
        Map<String, Object> authorization = routes.values().stream().map(r -> props(r)).collect(Collectors.toMap(
                p -> (String) p.get("RouteKey"), p -> p.get("AuthorizationType")));
        assertThat(authorization).containsOnly(
                Map.entry("POST /v1/briefs", "AWS_IAM"),
                Map.entry("POST /v1/webhooks/{cms}", "NONE"),
                Map.entry("GET /v1/health", "NONE"));
    }

    @Test
    void everyIntegrationAndPermissionTargetsTheAlias() {
        String alias = logicalId(stack.alias());
        Map<String, Map<String, Object>> integrations = template.findResources("AWS::ApiGatewayV2::Integration");
        assertThat(integrations).isNotEmpty();
        integrations.values().forEach(i -> assertThat(props(i).get("IntegrationUri")).isEqualTo(Map.of("Ref", alias)));
        Map<String, Map<String, Object>> permissions = template.findResources("AWS::Lambda::Permission");
        assertThat(permissions).hasSize(3);
        String api = logicalId(stack.api());
        permissions.values().forEach(p -> {
            assertThat(props(p).get("FunctionName")).isEqualTo(Map.of("Ref", alias));
            assertThat(props(p).get("Principal")).isEqualTo("apigateway.amazonaws.com");
            assertThat(props(p).get("SourceArn").toString()).contains(api);
        });
    }

    @Test
    void theStageThrottlesAndWritesJsonAccessLogs() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
                "AccessLogSettings", Map.of("DestinationArn", Match.anyValue(),
                        "Format", Match.stringLikeRegexp("^\\{\"requestId\":\"\\$context.requestId\".*"))));
        template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP",
                "CorsConfiguration", Match.absent()));
    }

    @Test
    void logGroupsExpire() {
        template.resourceCountIs("AWS::Logs::LogGroup", 3);
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void theRoleMayWriteOnlyItsOwnLogGroupAndTraces() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
        String statements = policies.values().stream().map(p -> props(p).get("PolicyDocument").toString())
                .collect(Collectors.joining());
        assertThat(statements).contains("logs:PutLogEvents").contains("xray:PutTraceSegments")
                .doesNotContain("logs:*").doesNotContain("lambda:*");
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
        template.hasResourceProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
    }

    @Test
    void alarmsCoverErrorsThrottlesDurationAnd5xxWithoutATopicByDefault() {
        Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
        List<String> metrics = alarms.values().stream().map(a -> (String) props(a).get("MetricName")).toList();
        assertThat(metrics).containsExactlyInAnyOrder("Errors", "Throttles", "Duration", "5xx",
                "ApproximateNumberOfMessagesVisible", "ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                "SweepSourceFailures", "ExecutionsFailed");
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "Duration",
                "ExtendedStatistic", "p99", "Threshold", 23200));
        template.resourceCountIs("AWS::SNS::Topic", 0);
    }

    @Test
    void outputsNameTheUrlFunctionAndAlias() {
        assertThat(template.findOutputs("*").keySet()).contains("ApiUrl", "FunctionName", "AliasArn");
    }

    @Test
    void jwtAuthorizerEmailAlarmsAndCorsAreChosenByContext() {
        Template configured = Template.fromStack(StackFixture.stack(Map.of(
                "authorizer", "jwt", "jwtIssuer", "https://issuer.example.org/", "jwtAudience", "precis-api",
                "alarmEmail", "ops@example.org", "corsOrigins", "https://cms.example.org",
                "logRetentionDays", 90, "memorySize", "1024", "stageName", "prod")));
        configured.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of("AuthorizerType", "JWT",
                "JwtConfiguration", Map.of("Issuer", "https://issuer.example.org/", "Audience", List.of("precis-api"))));
        configured.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /v1/briefs",
                "AuthorizationType", "JWT"));
        configured.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        configured.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.org"));
        configured.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("CorsConfiguration",
                Match.objectLike(Map.of("AllowOrigins", List.of("https://cms.example.org")))));
        configured.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
        configured.hasResourceProperties("AWS::Lambda::Function", Map.of("MemorySize", 1024));
        configured.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "prod"));
    }

    @Test
    void theWebhookRouteHasItsOwnThrottling() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("RouteSettings", Map.of(
                "POST /v1/webhooks/{cms}", Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20))));
        template.resourceCountIs("AWS::SecretsManager::Secret", 0);
    }

    @Test
    void eachEnabledCmsGetsASecretOnlyTheFunctionReads() {
        PrecisStack withWebhooks = StackFixture.stack(Map.of("webhookCms", "ghost,strapi", "webhookSecretPrefix", "news/precis/",
                "readableSecrets", "news/wordpress-app-password", "functionEnv",
                "PRECIS_CMS_WORDPRESS_WRITE=tags,excerpt;PRECIS_CMS_WORDPRESS_BASE_URL=https://cms.example.org"));
        Template configured = Template.fromStack(withWebhooks);
        configured.resourceCountIs("AWS::SecretsManager::Secret", 2);
        configured.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("Name", "news/precis/ghost",
                "GenerateSecretString", Map.of("PasswordLength", 64, "ExcludePunctuation", true)));
        configured.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "PRECIS_WEBHOOKS_GHOST_SECRET", "secretsmanager:news/precis/ghost",
                "PRECIS_WEBHOOKS_STRAPI_TOKEN", "secretsmanager:news/precis/strapi",
                "PRECIS_CMS_WORDPRESS_WRITE", "tags,excerpt",
                "PRECIS_CMS_WORDPRESS_BASE_URL", "https://cms.example.org")))));
        String statements = configured.findResources("AWS::IAM::Policy").values().stream()
                .map(p -> props(p).get("PolicyDocument").toString()).collect(Collectors.joining());
        assertThat(statements).contains("secretsmanager:GetSecretValue").contains("news/wordpress-app-password")
                .doesNotContain("secretsmanager:*");
    }

    @Test
    void badContextIsRefusedWithAReason() {
        assertThatThrownBy(() -> StackFixture.stack(Map.of("webhookCms", "drupal"))).hasMessageContaining("unknown CMS");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("functionEnv", "AWS_REGION=x"))).hasMessageContaining("PRECIS_");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("authorizer", "jwt")))
                .hasMessageContaining("jwtIssuer");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("logRetentionDays", 10)))
                .hasMessageContaining("logRetentionDays");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("authorizer", "none")))
                .hasMessageContaining("iam or jwt");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }
}
