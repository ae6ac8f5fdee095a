package dev.precis.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sweep schedule (SPEC §12): EventBridge Scheduler invokes the alias every {@code sweepRate} with a
 * {@code sweep} input whose window is that rate and whose time is the scheduled time, so a retried or
 * replayed run selects the same items. Invocations Scheduler cannot deliver after its retries go to a
 * dead-letter queue; sources the function cannot read are counted in the {@code SweepSourceFailures} metric.
 */
final class SweepSchedule extends Construct {

    /** The function's EMF metric for a source it could not read (dev.precis.function.EmfMetrics). */
    static final String METRIC_NAMESPACE = "precis";
    static final String SOURCE_FAILURES = "SweepSourceFailures";
    private static final int RETRY_ATTEMPTS = 2;

    private final Schedule schedule;
    private final Queue deadLetters;

    /**
     * @param enabled false when no sources are configured anywhere: the schedule is deployed, ready to switch on
     */
    SweepSchedule(Construct scope, String id, Alias alias, BulkSettings settings, boolean enabled, Alarms alarms) {
        super(scope, id);
        deadLetters = DeadLetters.queue(this, "DeadLetters", "sweep invocations Scheduler could not deliver");
        Map<String, Object> sweep = new LinkedHashMap<>();
        if (!settings.sweepSources().isEmpty()) {
            sweep.put("sources", settings.sweepSources());
        }
        sweep.put("window", settings.sweepWindow());
        sweep.put("time", ContextAttribute.getScheduledTime());
        schedule = Schedule.Builder.create(this, "Sweep")
                .description("precis: sweep the configured feeds for articles published in the last " + settings.sweepWindow())
                .schedule(ScheduleExpression.rate(Duration.minutes(settings.sweepEveryMinutes())))
                .enabled(enabled)
                .target(LambdaInvoke.Builder.create(alias)
                        .input(ScheduleTargetInput.fromObject(Map.of("sweep", sweep)))
                        .deadLetterQueue(deadLetters)
                        .retryAttempts(RETRY_ATTEMPTS)
                        .maxEventAge(Duration.minutes(Math.min(settings.sweepEveryMinutes(), 24 * 60)))
                        .build())
                .build();

        alarms.watch("SweepsDeadLettered", deadLetters.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(Alarms.PERIOD).statistic("Maximum").build()), 1,
                "Scheduler could not invoke the function for a sweep; the run is in the dead-letter queue.");
        alarms.watch("SweepSourceFailures", Metric.Builder.create()
                        .namespace(METRIC_NAMESPACE).metricName(SOURCE_FAILURES).period(Alarms.PERIOD).statistic("Sum").build(), 1,
                "A sweep could not read one of its sources (the function's log names it and why).");
    }

    Schedule schedule() {
        return schedule;
    }

    Queue deadLetters() {
        return deadLetters;
    }
}
