package dev.precis.deliver.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.util.ArrayList;
import java.util.List;

/** Jobs as SQS messages, sent ten to a batch (the most SQS takes); a message SQS refuses fails the call. */
public final class SqsJobQueue implements JobQueue {

    static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public List<String> send(List<JsonNode> jobs) {
        List<String> ids = new ArrayList<>();
        for (int start = 0; start < jobs.size(); start += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = start; i < Math.min(jobs.size(), start + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(Json.write(jobs.get(i))).build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                throw unavailable(e.getClass().getSimpleName());
            }
            if (!response.failed().isEmpty()) {
                BatchResultErrorEntry first = response.failed().get(0);
                throw unavailable(first.code());
            }
            String[] batchIds = new String[entries.size()];
            for (SendMessageBatchResultEntry sent : response.successful()) {
                batchIds[Integer.parseInt(sent.id()) - start] = sent.messageId();
            }
            ids.addAll(List.of(batchIds));
        }
        return ids;
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(ProblemType.INTERNAL.problem("The job queue refused the message (" + why + ")."));
    }
}
