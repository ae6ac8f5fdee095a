package dev.precis.config;

import dev.precis.function.EventDispatcher;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;

/**
 * Wires the plain-Java pieces for Quarkus. The dispatcher is built at start-up, so the models and
 * lexicons load during init (and into a SnapStart snapshot), not on the first request. Outbound HTTP runs
 * on the Vert.x instance Quarkus already manages.
 */
@ApplicationScoped
public class PrecisBeans {

    @Produces
    @ApplicationScoped
    @Startup
    EventDispatcher dispatcher(Config config, Instance<Vertx> vertx) {
        return new Wiring(config, vertx::get).dispatcher();
    }
}
