package dev.precis.engine;

import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;

/** Turns one validated request into a brief. Knows nothing of Lambda or HTTP. */
public interface AnalysisEngine {

    /**
     * @throws EmptyArticleException when no words are left once markup and page furniture are removed
     */
    Brief analyze(ArticleRequest request);
}
