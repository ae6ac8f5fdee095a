package dev.precis.engine;

import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;

import java.util.Set;

/** One engine for all engine tests: building it loads the sentence model, so it is shared. */
public final class EngineFixture {

    public static final EmbeddedEngine ENGINE = new EmbeddedEngine(Set.of(), "test");

    private EngineFixture() {
    }

    public static Brief analyze(String title, String body) {
        return ENGINE.analyze(new ArticleRequest(null, title, body, Format.AUTO, null, null, null,
                new ArticleOptions(3, 3, 10, "embedded", true)));
    }
}
