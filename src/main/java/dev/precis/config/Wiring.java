package dev.precis.config;

import dev.precis.api.ArticleRequest;
import dev.precis.api.Format;
import dev.precis.engine.EmbeddedEngine;
import dev.precis.function.BriefService;
import dev.precis.function.EventDispatcher;

/** Builds the dispatcher from settings: shared by the Lambda function and the CLI so both run the same code. */
public final class Wiring {

    private static final String WARM_UP_TEXT = "Precis warms up its models. The engine reads one short sentence.";

    private Wiring() {
    }

    public static EventDispatcher dispatcher(PrecisSettings settings) {
        EmbeddedEngine engine = new EmbeddedEngine(settings.disabledStages(), settings.version());
        // One analysis loads the sentence model and lexicons now rather than during the first invocation.
        engine.analyze(ArticleRequest.ofBody(WARM_UP_TEXT, Format.TEXT));
        return new EventDispatcher(settings, new BriefService(engine));
    }
}
