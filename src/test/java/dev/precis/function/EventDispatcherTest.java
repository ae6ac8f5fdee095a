package dev.precis.function;

import dev.precis.api.ArticleRequest;
import dev.precis.api.ArticleRequestReader;
import dev.precis.api.Json;
import dev.precis.api.RequestLimits;
import dev.precis.app.BriefService;
import dev.precis.engine.AnalysisEngine;
import dev.precis.engine.EngineFixture;
import dev.precis.ingest.page.PageExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher without Lambda: what it answers, and what it writes to the log. */
class EventDispatcherTest {

    private static final String SECRET_TEXT = "Zanzibar lighthouse keeper Orlaith Quennell";
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger(EventDispatcher.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        logger.addHandler(capture);
        logger.setLevel(Level.ALL);
    }

    @AfterEach
    void releaseLogs() {
        logger.removeHandler(capture);
    }

    private static EventDispatcher dispatcher(AnalysisEngine engine) {
        BriefService service = new BriefService(engine, null, new PageExtractor(), RequestLimits.defaults());
        return new EventDispatcher(Services.forRequests(new ArticleRequestReader(RequestLimits.defaults()), service, null, "test"));
    }

    private String logged() {
        StringBuilder all = new StringBuilder();
        for (LogRecord record : records) {
            all.append(record.getMessage()).append(' ');
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    all.append(parameter).append(' ');
                }
            }
            if (record.getThrown() != null) {
                all.append(record.getThrown());
            }
        }
        return all.toString();
    }

    @Test
    void logsKindAndStatusButNeverTheArticle() {
        Outcome outcome = dispatcher(EngineFixture.ENGINE).dispatch(LambdaEvent.parse(
                "{\"title\":\"" + SECRET_TEXT + "\",\"body\":\"" + SECRET_TEXT + " retired on Monday.\"}"));
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(logged()).contains("DIRECT").contains("200").doesNotContain("Orlaith").doesNotContain("Zanzibar");
    }

    @Test
    void anEngineFailureIsA500WithARequestIdAndNoInputInTheLog() {
        AnalysisEngine failing = (ArticleRequest request) -> {
            throw new IllegalStateException("cannot handle " + request.body());
        };
        Outcome outcome = dispatcher(failing).dispatch(LambdaEvent.parse("{\"body\":\"" + SECRET_TEXT + "\"}"));
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.response().get("requestId").asText()).isNotBlank();
        assertThat(Json.write(outcome.response())).doesNotContain("Orlaith").doesNotContain("IllegalStateException");
        assertThat(logged()).contains("IllegalStateException").doesNotContain("Orlaith");
    }

    @Test
    void anErrorSuchAsOutOfMemoryStillAnswersA500WithTheRequestId() {
        AnalysisEngine exhausted = (ArticleRequest request) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Outcome outcome = dispatcher(exhausted).dispatch(LambdaEvent.parse("{\"body\":\"" + SECRET_TEXT + "\"}"));
        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.response().get("type").asText()).isEqualTo("urn:precis:problem:internal");
        assertThat(outcome.response().get("requestId").asText()).isNotBlank();
    }
}
