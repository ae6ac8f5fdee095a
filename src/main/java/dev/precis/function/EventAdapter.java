package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Problem;

/** Translates one kind of event into work for the engine and the result back into that event's answer. */
public interface EventAdapter {

    /** May throw {@link dev.precis.api.ProblemException}; the dispatcher then asks {@link #answer}. */
    Outcome handle(JsonNode event);

    /** How this kind of event carries a problem back to its caller. */
    Outcome answer(Problem problem, JsonNode event);
}
