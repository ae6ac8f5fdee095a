package dev.precis.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queue, schedule, results bucket and backfill state machine of SPEC §12, as synthesized. */
class BulkResourcesTest {

    private static final String SOURCES = "[{\"name\":\"city\",\"kind\":\"rss\",\"url\":\"https://news.example.org/feed.xml\"},"
            + "{\"name\":\"blog\",\"kind\":\"ghost\",\"url\":\"https://blog.example.org\",\"key\":\"content-api-key\"}]";

    private final PrecisStack stack = StackFixture.stack(Map.of("sweepSources", SOURCES, "sweepRate", "30 minutes"));
    private final Template template = Template.fromStack(stack);

    private String logicalId(IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private String policies() {
        return template.findResources("AWS::IAM::Policy").values().stream()
                .map(p -> props(p).get("PolicyDocument").toString()).collect(Collectors.joining("\n"));
    }

    @Test
    void theJobQueueIsEncryptedAndRedrivesToAnEncryptedDeadLetterQueueAfterThreeReceives() {
        template.resourceCountIs("AWS::SQS::Queue", 3);
        template.allResourcesProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
        String deadLetters = logicalId(stack.jobs().deadLetters());
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "VisibilityTimeout", 174,
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(deadLetters, "Arn")),
                        "maxReceiveCount", 3)));
        // TLS only, on every queue.
        template.resourcePropertiesCountIs("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))), 3);
    }

    @Test
    void theAliasConsumesTheQueueReportingFailuresPerRecordWithBoundedConcurrency() {
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        Map<String, Object> mapping = props(template.findResources("AWS::Lambda::EventSourceMapping").values().iterator().next());
        // The alias, written as the function's name qualified with ":live".
        assertThat(mapping.get("FunctionName").toString()).contains(logicalId(stack.alias())).contains(":live");
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(logicalId(stack.jobs().queue()), "Arn")),
                "BatchSize", 10,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", 5)));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "PRECIS_QUEUE_URL", Map.of("Ref", logicalId(stack.jobs().queue())),
                "PRECIS_DELIVER_S3_BUCKET", Map.of("Ref", logicalId(stack.results().bucket())),
                "PRECIS_DELIVER_S3_PREFIX", "briefs")))));
        assertThat(policies()).contains("sqs:ReceiveMessage").contains("sqs:DeleteMessage").contains("sqs:SendMessage")
                .doesNotContain("sqs:*");
    }

    @Test
    void theScheduleSweepsTheConfiguredSourcesOverItsOwnPeriodAtTheScheduledTime() {
        template.resourceCountIs("AWS::Scheduler::Schedule", 1);
        Map<String, Object> schedule = props(template.findResources("AWS::Scheduler::Schedule").values().iterator().next());
        assertThat(schedule.get("ScheduleExpression")).isEqualTo("rate(30 minutes)");
        assertThat(schedule.get("State")).isEqualTo("ENABLED");
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) schedule.get("Target");
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", logicalId(stack.alias())));
        assertThat(target.get("Input").toString()).contains("\"window\":\"PT30M\"")
                .contains("\"time\":\"<aws.scheduler.scheduled-time>\"")
                .contains("https://news.example.org/feed.xml").contains("content-api-key");
        assertThat(target.get("DeadLetterConfig")).isEqualTo(Map.of("Arn",
                Map.of("Fn::GetAtt", List.of(logicalId(stack.sweeps().deadLetters()), "Arn"))));
        assertThat(target.get("RetryPolicy")).isEqualTo(Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 1800));
    }

    @Test
    void withoutSourcesTheScheduleIsDeployedSwitchedOff() {
        Template plain = Template.fromStack(StackFixture.stack(Map.of()));
        plain.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("State", "DISABLED", "ScheduleExpression", "rate(15 minutes)"));
        Template fromEnv = Template.fromStack(StackFixture.stack(Map.of("functionEnv",
                "PRECIS_SWEEP_SOURCES=[{\"name\":\"a\",\"kind\":\"rss\",\"url\":\"https://a.example.org/rss\"}]")));
        fromEnv.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("State", "ENABLED"));
    }

    @Test
    void theResultsBucketIsPrivateEncryptedTlsOnlyAndExpiresWhenAsked() {
        template.resourceCountIs("AWS::S3::Bucket", 1);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        Template expiring = Template.fromStack(StackFixture.stack(Map.of("resultsExpireDays", 90)));
        expiring.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Prefix", "briefs/", "ExpirationInDays", 90, "Status", "Enabled")))))));
        assertThat(policies()).contains("s3:PutObject").doesNotContain("s3:PutObjectTagging").doesNotContain("s3:*");
    }

    /** The state machine's definition as JSON, with CloudFormation references (partition, bucket) shown as REF. */
    @SuppressWarnings("unchecked")
    private static JsonNode definition(Template template) throws Exception {
        Object body = props(template.findResources("AWS::StepFunctions::StateMachine").values().iterator().next()).get("DefinitionString");
        String text = body instanceof String plain ? plain : ((List<Object>) ((List<Object>) ((Map<String, Object>) body).get("Fn::Join")).get(1))
                .stream().map(part -> part instanceof String piece ? piece : "REF").collect(Collectors.joining());
        return new ObjectMapper().readTree(text);
    }

    @Test
    void theBackfillIsADistributedMapOverAnS3ManifestWritingResultsToS3() throws Exception {
        template.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
        Map<String, Object> machine = props(template.findResources("AWS::StepFunctions::StateMachine").values().iterator().next());
        assertThat(machine.get("TracingConfiguration")).isEqualTo(Map.of("Enabled", true));
        assertThat(machine.get("LoggingConfiguration").toString()).contains("Level=ALL").contains("IncludeExecutionData=false");
        JsonNode map = definition(template).get("States").get("AnalyzeArchive");
        assertThat(map.get("Type").asText()).isEqualTo("Map");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.at("/ItemProcessor/ProcessorConfig/ExecutionType").asText()).isEqualTo("EXPRESS");
        assertThat(map.at("/ItemReader/Resource").asText()).endsWith(":states:::s3:getObject");
        assertThat(map.at("/ItemReader/ReaderConfig/InputType").asText()).isEqualTo("JSONL");
        assertThat(map.at("/ItemReader/Parameters/Key.$").asText()).isEqualTo("$.key");
        assertThat(map.at("/ItemBatcher/MaxItemsPerBatch").asInt()).isEqualTo(10);
        assertThat(map.get("ToleratedFailurePercentage").asInt()).isEqualTo(5);
        assertThat(map.get("MaxConcurrency").asInt()).isEqualTo(20);
        assertThat(map.at("/ResultWriter/Parameters/Prefix").asText()).isEqualTo("backfills/results");
        JsonNode batch = map.at("/ItemProcessor/States");
        // Invoked directly by ARN (the alias's, a reference here), so the batch event reaches the function as it is.
        assertThat(batch.at("/AnalyzeBatch/Resource").asText()).isEqualTo("REF");
        assertThat(batch.at("/AnalyzeBatch/Parameters").isMissingNode()).isTrue();
        assertThat(batch.at("/AnyItemFailed/Choices/0/Variable").asText()).isEqualTo("$.failed");
        assertThat(batch.at("/AnyItemFailed/Choices/0/NumericGreaterThan").asInt()).isZero();
        assertThat(batch.at("/ItemsFailed/Type").asText()).isEqualTo("Fail");

        JsonNode csv = definition(Template.fromStack(StackFixture.stack(Map.of("backfillFormat", "csv",
                "backfillToleratedFailurePercent", 0)))).get("States").get("AnalyzeArchive");
        assertThat(csv.at("/ItemReader/ReaderConfig/InputType").asText()).isEqualTo("CSV");
        assertThat(csv.at("/ItemReader/ReaderConfig/CSVHeaderLocation").asText()).isEqualTo("FIRST_ROW");
        assertThat(csv.at("/ItemBatcher/BatchInput/format").asText()).isEqualTo("csv");
        assertThat(map.at("/ItemBatcher/BatchInput").isMissingNode()).isTrue();
        // Zero is Step Functions' default, so it is left out: no failure is tolerated.
        assertThat(csv.path("ToleratedFailurePercentage").asInt()).isZero();
    }

    @Test
    void backfillsInvokeOnlyTheAlias() {
        String alias = logicalId(stack.alias());
        assertThat(policies()).contains("lambda:InvokeFunction").contains(alias).doesNotContain("lambda:*");
    }

    @Test
    void alarmsWatchDeadLettersTheBacklogSourceFailuresAndBackfills() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(logicalId(stack.jobs().deadLetters()), "QueueName")))),
                "Threshold", 1));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(logicalId(stack.sweeps().deadLetters()), "QueueName"))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateAgeOfOldestMessage",
                "Threshold", 900));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "SweepSourceFailures",
                "Namespace", "precis", "Statistic", "Sum", "Dimensions", Match.absent()));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ExecutionsFailed",
                "Namespace", "AWS/States"));
    }

    @Test
    void outputsNameTheQueueBucketAndStateMachine() {
        assertThat(template.findOutputs("*").keySet()).contains("JobQueueUrl", "JobDeadLetterQueueUrl", "ResultsBucketName",
                "BackfillStateMachineArn");
    }

    @Test
    void badBulkContextIsRefusedWithAReason() {
        assertThatThrownBy(() -> StackFixture.stack(Map.of("sweepRate", "every tuesday"))).hasMessageContaining("sweepRate");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("sweepSources", "[{\"kind\":\"rss\"}]"))).hasMessageContaining("url");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("sweepSources", "[{\"kind\":\"ghost\",\"url\":\"https://b.example.org\"}]")))
                .hasMessageContaining("key");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("sweepSources", "{not json"))).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("queueMaxConcurrency", 1))).hasMessageContaining("queueMaxConcurrency");
        assertThatThrownBy(() -> StackFixture.stack(Map.of("backfillFormat", "xml"))).hasMessageContaining("jsonl or csv");
        assertThat(BulkSettings.minutes("rate(2 hours)")).isEqualTo(120);
        assertThat(BulkSettings.minutes("1 day")).isEqualTo(1440);
    }
}
