package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point. Thin by design: every decision is made by {@link EventDispatcher}. */
public class PrecisFunction {

    @Inject
    EventDispatcher dispatcher;

    @Funq("precis")
    public JsonNode precis(LambdaEvent event) {
        return dispatcher.dispatch(event).response();
    }
}
