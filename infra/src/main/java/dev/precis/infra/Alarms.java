package dev.precis.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms an operator needs: the function failing or throttled, its p99 duration near the timeout,
 * the API answering 5xx, and whatever the bulk constructs add through {@link #watch}. With an e-mail
 * address they notify an encrypted SNS topic.
 */
final class Alarms extends Construct {

    static final Duration PERIOD = Duration.minutes(5);
    private static final double DURATION_SHARE_OF_TIMEOUT = 0.8;
    private static final int API_5XX_THRESHOLD = 5;

    private final SnsAction action;

    Alarms(Construct scope, String id, Alias alias, HttpApi api, int timeoutSeconds, String alarmEmail) {
        super(scope, id);
        action = alarmEmail == null ? null : new SnsAction(topic(alarmEmail));
        watch("FunctionErrors", alias.metricErrors(sum()), 1,
                "The function threw or timed out (problems for bad input are answers, not errors).");
        watch("FunctionThrottles", alias.metricThrottles(sum()), 1,
                "Invocations were throttled: concurrency is exhausted.");
        watch("FunctionDurationP99", alias.metricDuration(MetricOptions.builder().period(PERIOD).statistic("p99").build()),
                timeoutSeconds * 1000 * DURATION_SHARE_OF_TIMEOUT,
                "p99 duration is above 80% of the timeout: requests are close to being cut off.");
        watch("Api5xx", api.metricServerError(sum()), API_5XX_THRESHOLD, "The HTTP API answered 5xx responses.");
    }

    private Topic topic(String alarmEmail) {
        Key key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts precis alarm notifications")
                .enableKeyRotation(true)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        Topic topic = Topic.Builder.create(this, "Topic")
                .displayName("precis alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        topic.addSubscription(new EmailSubscription(alarmEmail));
        return topic;
    }

    static MetricOptions sum() {
        return MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    }

    /** An alarm when {@code metric} reaches {@code threshold} in one period; missing data is not a breach. */
    Alarm watch(String id, Metric metric, double threshold, String description) {
        Alarm alarm = metric.createAlarm(this, id, CreateAlarmOptions.builder()
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build());
        if (action != null) {
            alarm.addAlarmAction(action);
            alarm.addOkAction(action);
        }
        return alarm;
    }
}
