package dev.precis.function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.api.Json;
import dev.precis.api.Problem;
import dev.precis.app.Sweep;

/**
 * Scheduled sweeps (SPEC §5, §12): an EventBridge rule's {@code Scheduled Event} (its {@code time} is the
 * scheduled time; sources and window from configuration), or EventBridge Scheduler's input
 * {@code {"sweep": {"sources", "window", "time"}}}, where what the input gives wins. The answer is the run report.
 */
final class SweepAdapter implements EventAdapter {

    private final Services services;

    SweepAdapter(Services services) {
        this.services = services;
    }

    @Override
    public Outcome handle(JsonNode event) {
        long arrived = System.nanoTime();
        Sweep sweep = Sweep.fromEvent(event, services.sweepDefaults());
        JsonNode report = services.sweeps().run(sweep, InvocationDeadline.workDeadline(arrived, services.invocationTimeout()));
        return new Outcome(report, 200);
    }

    @Override
    public Outcome answer(Problem problem, JsonNode event) {
        return new Outcome(Json.tree(problem), problem.status());
    }
}
