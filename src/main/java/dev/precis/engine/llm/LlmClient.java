package dev.precis.engine.llm;

import java.time.Duration;

/** One provider's way of asking a model for JSON that follows a schema. */
public interface LlmClient {

    /**
     * @throws LlmException when there is no usable answer
     */
    LlmReply complete(LlmRequest request, Duration timeout);
}
