package dev.precis.deliver.queue;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Where jobs wait for a worker (SQS in a deployment): each job becomes one message. */
public interface JobQueue {

    /** Sends the jobs (in batches the queue accepts) and returns the message id of each, in order. */
    List<String> send(List<JsonNode> jobs);
}
