package dev.precis.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.List;

/** Dead-letter queues: encrypted, TLS only, kept as long as SQS allows, and, being the last stop, without one of their own. */
final class DeadLetters {

    private DeadLetters() {
    }

    static Queue queue(Construct scope, String id, String holds) {
        Queue queue = Queue.Builder.create(scope, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressions.addResourceSuppressions(queue, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This is a dead-letter queue (it holds " + holds + "); it has no dead-letter queue of its own.")
                .build()));
        return queue;
    }
}
