package dev.precis.config;

import dev.precis.app.JobService;
import dev.precis.app.SweepService;
import dev.precis.cli.PrecisCli;
import dev.precis.eval.Evaluation;
import dev.precis.function.EventDispatcher;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

/**
 * {@code bin/precis}: the command line's composition root. It reads the function's own configuration file
 * under environment variables and system properties, exactly as the Lambda function does, and hands
 * {@link PrecisCli} the same wiring.
 */
public final class CommandLine {

    private CommandLine() {
    }

    public static void main(String[] args) {
        // The CLI's output is one JSON document; per-event log lines are for Lambda, not for a terminal.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(PrecisCli.run(args, CommandLine::context, System.out, System.err));
    }

    /** The wiring for the command line, with a Vert.x instance started only if a page is fetched. */
    public static PrecisCli.Context context() {
        Wiring wiring = new Wiring(config(), Lazy.of(() ->
                Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1))));
        return new PrecisCli.Context() {
            @Override
            public EventDispatcher dispatcher() {
                return wiring.dispatcher();
            }

            @Override
            public Evaluation evaluation() {
                return new Evaluation(wiring.engine(), wiring.briefs());
            }

            @Override
            public SweepService sweeps() {
                return wiring.sweeps();
            }

            @Override
            public JobService jobs() {
                return wiring.jobs();
            }
        };
    }

    /** The function's own configuration file, under environment variables and system properties. */
    static SmallRyeConfig config() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources();
        URL properties = CommandLine.class.getResource("/application.properties");
        if (properties != null) {
            try (InputStream in = properties.openStream()) {
                Properties values = new Properties();
                values.load(in);
                builder.withSources(new PropertiesConfigSource(values, "application.properties", 250));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read application.properties", e);
            }
        }
        return builder.build();
    }
}
