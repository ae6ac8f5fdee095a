package dev.precis.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The job queue (SPEC §12): webhooks in queue mode and sweeps put one job per article here, and the function
 * consumes it through an event source mapping that reports failures per record, so only the records that
 * failed come back. A record that fails three receives moves to the dead-letter queue, which raises an alarm.
 */
final class JobQueues extends Construct {

    /** Lambda's advice: at least six times the function's timeout, so a retried batch is not seen twice. */
    private static final int VISIBILITY_TIMEOUTS = 6;
    static final int MAX_RECEIVES = 3;

    private final Queue queue;
    private final Queue deadLetters;

    JobQueues(Construct scope, String id, Alias alias, int timeoutSeconds, BulkSettings settings, Alarms alarms) {
        super(scope, id);
        deadLetters = DeadLetters.queue(this, "DeadLetters", "jobs that failed " + MAX_RECEIVES + " times");
        queue = Queue.Builder.create(this, "Jobs")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds((long) timeoutSeconds * VISIBILITY_TIMEOUTS))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVES).build())
                .build();
        alias.addEventSource(SqsEventSource.Builder.create(queue)
                .batchSize(settings.queueBatchSize())
                .reportBatchItemFailures(true)
                .maxConcurrency(settings.queueMaxConcurrency())
                .build());
        queue.grantSendMessages(alias);

        alarms.watch("JobsDeadLettered", deadLetters.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(Alarms.PERIOD).statistic("Maximum").build()), 1,
                "A job failed " + MAX_RECEIVES + " times and is in the dead-letter queue: look at it, fix the cause, redrive it.");
        alarms.watch("JobsBacklog", queue.metricApproximateAgeOfOldestMessage(
                        MetricOptions.builder().period(Alarms.PERIOD).statistic("Maximum").build()),
                settings.oldestMessageAlarmSeconds(),
                "The oldest job has waited longer than " + settings.oldestMessageAlarmSeconds() + " s: consumers are not keeping up.");
    }

    Queue queue() {
        return queue;
    }

    Queue deadLetters() {
        return deadLetters;
    }
}
