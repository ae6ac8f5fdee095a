package dev.precis.function;

import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.FieldError;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.engine.AnalysisEngine;
import dev.precis.engine.EmptyArticleException;

import java.util.ArrayList;
import java.util.List;

/** Runs a validated request through the engine it asks for and maps engine refusals to problems. */
public final class BriefService {

    private final AnalysisEngine embedded;

    public BriefService(AnalysisEngine embedded) {
        this.embedded = embedded;
    }

    public Brief analyze(ArticleRequest request) {
        String engine = request.options().engine();
        if ("llm".equals(engine)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem("No LLM engine is configured on this deployment.",
                    List.of(new FieldError("/options/engine", "\"llm\" is not configured; use \"embedded\" or \"auto\""))));
        }
        try {
            Brief brief = embedded.analyze(request);
            if ("auto".equals(engine)) {
                List<String> warnings = new ArrayList<>(brief.warnings());
                warnings.add("Engine \"auto\" used \"embedded\": no LLM engine is configured.");
                brief = withWarnings(brief, warnings);
            }
            return brief;
        } catch (EmptyArticleException e) {
            throw new ProblemException(ProblemType.NOTHING_TO_ANALYZE.problem(e.getMessage(),
                    List.of(new FieldError("/body", "holds no words once markup is removed"))));
        }
    }

    private static Brief withWarnings(Brief b, List<String> warnings) {
        return new Brief(b.schemaVersion(), b.id(), b.title(), b.url(), b.language(), b.headline(), b.summary(),
                b.keyPoints(), b.tags(), b.entities(), b.keyphrases(), b.topics(), b.quotes(), b.stats(),
                b.contentHash(), List.copyOf(warnings), b.engine(), b.text());
    }
}
