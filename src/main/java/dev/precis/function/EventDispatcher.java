package dev.precis.function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.api.ProblemException;
import dev.precis.api.ProblemType;
import dev.precis.app.WorkDeadline;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one entry point behind Lambda and the CLI: recognizes the event kind, hands it to that kind's
 * adapter, and turns every failure into a problem in the shape that kind of caller reads. Logs one line
 * per event with kind, status and timing, never the article.
 */
public final class EventDispatcher {

    /** The MDC key under which the Quarkus Lambda runtime puts the invocation's request id. */
    static final String REQUEST_ID_KEY = "AWSRequestId";
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);
    private static final int STACK_FRAMES_LOGGED = 8;

    private final Map<EventKind, EventAdapter> adapters = new EnumMap<>(EventKind.class);
    private final Duration invocationTimeout;

    public EventDispatcher(Services services) {
        this.invocationTimeout = services.invocationTimeout();
        DirectInvocationAdapter direct = new DirectInvocationAdapter(services.reader(), services.briefs());
        ApiGatewayAdapter http = new ApiGatewayAdapter(routes(services));
        for (EventKind kind : EventKind.values()) {
            adapters.put(kind, switch (kind) {
                case DIRECT -> direct;
                case API_GATEWAY_V1, API_GATEWAY_V2 -> http;
                case SQS -> new SqsAdapter(services);
                case SWEEP -> new SweepAdapter(services);
                case BATCH -> new BatchAdapter(services);
                default -> new UnsupportedEventAdapter(kind);
            });
        }
    }

    /** The HTTP API (SPEC §5); the OpenAPI document describes exactly these routes. */
    static Router routes(Services services) {
        return new Router()
                .add("POST", "/v1/briefs", new BriefsRoute(services.reader(), services.briefs()))
                .add("GET", "/v1/health", (request, parameters) -> HttpResponse.ok(
                        JsonNodeFactory.instance.objectNode().put("status", "ok").put("version", services.version())))
                .add("POST", "/v1/webhooks/{cms}", new WebhookRoute(services.webhooks()));
    }

    /** The adapter's work, with the invocation's deadline set for whatever waits on something slow inside it. */
    private Outcome handle(EventAdapter adapter, LambdaEvent event, long arrived) {
        try {
            return WorkDeadline.within(InvocationDeadline.workDeadline(arrived, invocationTimeout),
                    () -> adapter.handle(event.json()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Outcome dispatch(LambdaEvent event) {
        long started = System.nanoTime();
        EventKind kind = event.isMalformed() ? EventKind.DIRECT : EventKind.of(event.json());
        EventAdapter adapter = adapters.get(kind);
        Outcome outcome;
        try {
            if (event.isMalformed()) {
                throw event.problem();
            }
            outcome = handle(adapter, event, started);
        } catch (ProblemException e) {
            outcome = adapter.answer(e.problem(), event.json());
        } catch (RuntimeException | Error e) {
            // Errors included: after an OutOfMemoryError or a StackOverflowError the failed request's objects
            // and frames are gone, and the caller still gets an answer it can read.
            String requestId = requestId();
            // The message is left out on purpose: exception messages can quote the input.
            LOG.errorf("analysis failed: %s at %s (requestId %s)", e.getClass().getName(), whereFrom(e), requestId);
            Problem problem = ProblemType.INTERNAL.problem("The function failed; quote the request id when reporting it.")
                    .withRequestId(requestId);
            outcome = adapter.answer(problem, event.json());
        }
        double elapsedMs = (System.nanoTime() - started) / 1_000_000.0;
        MDC.put("eventKind", kind.name());
        MDC.put("status", outcome.status());
        MDC.put("durationMs", Math.round(elapsedMs * 100) / 100.0);
        try {
            LOG.infof("event %s answered %d in %.2f ms", kind.name(), outcome.status(), elapsedMs);
        } finally {
            MDC.remove("eventKind");
            MDC.remove("status");
            MDC.remove("durationMs");
        }
        return outcome;
    }

    private static String whereFrom(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(trace.length, STACK_FRAMES_LOGGED); i++) {
            where.append(i > 0 ? " < " : "").append(trace[i]);
        }
        return where.toString();
    }

    private static String requestId() {
        Object id = MDC.get(REQUEST_ID_KEY);
        return id != null ? id.toString() : "local-" + UUID.randomUUID();
    }

    /** Serializes an outcome's response the way Lambda would return it. */
    public static String render(Outcome outcome) {
        return Json.write(outcome.response());
    }
}
