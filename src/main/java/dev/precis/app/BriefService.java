package dev.precis.app;

import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.FieldError;
import dev.precis.api.Format;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.api.RequestLimits;
import dev.precis.engine.AnalysisEngine;
import dev.precis.engine.EmptyArticleException;
import dev.precis.engine.llm.LlmEngine;
import dev.precis.engine.llm.LlmException;
import dev.precis.engine.text.FormatDetector;
import dev.precis.ingest.fetch.FetchedPage;
import dev.precis.ingest.fetch.PageFetcher;
import dev.precis.ingest.page.ExtractedPage;
import dev.precis.ingest.page.PageExtractor;
import dev.precis.ingest.page.PageMetadata;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What one analysis request does: fetch the page when only a URL is given, find the article in any HTML
 * body (fetched or posted), choose the engine, and put what the page says about itself into the brief's
 * {@code source}. Engine refusals become problems here.
 */
public final class BriefService {

    private final AnalysisEngine embedded;
    private final PageFetcher fetcher;
    private final PageExtractor extractor;
    private final RequestLimits limits;
    private final LlmEngine llm;

    public BriefService(AnalysisEngine embedded, PageFetcher fetcher, PageExtractor extractor, RequestLimits limits) {
        this(embedded, fetcher, extractor, limits, null);
    }

    /**
     * @param llm the LLM engine, or null when none is configured ({@code llm} is then refused and {@code auto}
     *            is the embedded engine)
     */
    public BriefService(AnalysisEngine embedded, PageFetcher fetcher, PageExtractor extractor, RequestLimits limits,
                        LlmEngine llm) {
        this.embedded = embedded;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.limits = limits;
        this.llm = llm;
    }

    public Brief analyze(ArticleRequest request) {
        String engine = request.options().engine();
        if ("llm".equals(engine) && llm == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST.problem("No LLM engine is configured on this deployment.",
                    List.of(new FieldError("/options/engine", "\"llm\" is not configured; use \"embedded\" or \"auto\""))));
        }
        Article article = article(request);
        Brief brief;
        try {
            brief = embedded.analyze(article.request());
        } catch (EmptyArticleException e) {
            String field = request.body() == null ? "/url" : "/body";
            throw new ProblemException(ProblemType.NOTHING_TO_ANALYZE.problem(e.getMessage(),
                    List.of(new FieldError(field, request.body() == null
                            ? "the page holds no article text" : "holds no words once markup is removed"))));
        }
        List<String> warnings = new ArrayList<>(article.warnings());
        if (llm != null && !"embedded".equals(engine)) {
            try {
                brief = llm.write(brief, article.request());
            } catch (RuntimeException e) {
                // Whatever went wrong with the LLM, auto still has the embedded brief to give.
                String why = e instanceof LlmException ? e.getMessage() : "internal error (" + e.getClass().getSimpleName() + ")";
                if ("llm".equals(engine)) {
                    ProblemType type = e instanceof LlmException llmFailure && llmFailure.kind() == LlmException.Kind.TIMEOUT
                            ? ProblemType.TIMEOUT : ProblemType.LLM_FAILED;
                    throw new ProblemException(type.problem("The LLM engine gave no brief: " + why + "."));
                }
                warnings.add("Engine \"auto\" used \"embedded\": the LLM engine gave no brief (" + why + ").");
            }
        } else if ("auto".equals(engine)) {
            warnings.add("Engine \"auto\" used \"embedded\": no LLM engine is configured.");
        }
        warnings.addAll(brief.warnings());
        return brief.withWarnings(warnings).withSource(article.source());
    }

    /** The request the engine sees: the article text, with title and source filled in from the page. */
    private Article article(ArticleRequest request) {
        List<String> warnings = new ArrayList<>();
        FetchedPage page = null;
        String body = request.body();
        Format format = request.format();
        if (body == null) {
            page = fetcher.fetch(request.url());
            format = page.isHtml() ? Format.HTML : Format.TEXT;
            body = cut(page.text(), format == Format.HTML ? limits.htmlMaxCodePoints() : limits.bodyMaxCodePoints());
            if (page.truncated() || body.length() < page.text().length()) {
                warnings.add("The page was longer than precis reads and was cut; the article may be incomplete.");
            }
        }
        if (format == Format.AUTO) {
            format = FormatDetector.detect(body);
        }
        String field = page == null ? "/body" : "/url";
        if (format != Format.HTML) {
            requireWithin(body, field, "The body");
            return new Article(request.withBody(body, format), warnings, source(page, null, request));
        }
        ExtractedPage extracted = extractor.extract(body, page != null ? page.url().toString() : request.url());
        String text = extracted.text();
        requireWithin(text, field, "The article text found in the HTML");
        PageMetadata metadata = extracted.metadata();
        String title = request.title() != null ? request.title() : metadata.title();
        ArticleRequest engineRequest = request.withBody(text, Format.TEXT).withTitle(title);
        return new Article(engineRequest, warnings, source(page, metadata, request));
    }

    /** The text up to a number of code points: a fetched page is cut, like an oversized download, not refused. */
    private static String cut(String text, int maxCodePoints) {
        if (text.length() <= maxCodePoints || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }

    private void requireWithin(String text, String field, String what) {
        int length = text.codePointCount(0, text.length());
        if (length > limits.bodyMaxCodePoints()) {
            throw new ProblemException(ProblemType.TOO_LARGE.problem(what + " is longer than the limit.",
                    List.of(new FieldError(field, what.toLowerCase(java.util.Locale.ROOT) + " is " + length
                            + " characters long; the limit is " + limits.bodyMaxCodePoints()))));
        }
    }

    /** The page's own metadata and how it was fetched; the request's fields win over the page's. */
    private static Brief.Source source(FetchedPage page, PageMetadata metadata, ArticleRequest request) {
        if (page == null && metadata == null) {
            return null;
        }
        PageMetadata m = metadata == null ? PageMetadata.none() : metadata;
        Brief.Source source = new Brief.Source(
                page != null ? page.url().toString() : request.url(),
                m.canonicalUrl(), m.siteName(), m.authors(),
                request.publishedAt() != null ? request.publishedAt() : m.publishedAt(),
                m.modifiedAt(), request.language() != null ? request.language() : m.language(), m.description(), m.image(),
                page == null ? null : DateTimeFormatter.ISO_INSTANT.format(page.fetchedAt()),
                page == null ? null : page.status(),
                page == null ? null : page.mediaType());
        return source.isEmpty() ? null : source;
    }

    private record Article(ArticleRequest request, List<String> warnings, Brief.Source source) {
    }
}
