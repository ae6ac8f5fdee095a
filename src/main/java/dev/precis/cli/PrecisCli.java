package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import dev.precis.api.ProblemException;
import dev.precis.app.JobService;
import dev.precis.app.SweepService;
import dev.precis.eval.Evaluation;
import dev.precis.eval.Half;
import dev.precis.function.EventDispatcher;
import dev.precis.function.LambdaEvent;
import dev.precis.function.Outcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code precis analyze FILE|URL|-}: runs one event through the same dispatcher as Lambda. A {@code .json}
 * file (or standard input) is the event itself; {@code .txt}, {@code .html} and {@code .md} files are
 * wrapped as an article request, and an http(s) URL as a request for that page. Exactly one JSON document
 * is written: the answer to stdout, or the problem to stderr (exit 2 for the caller's mistakes, 1 for
 * ours). {@code precis eval} runs the engine over a JSONL dataset and prints one JSON report.
 */
public final class PrecisCli {

    private static final Map<String, String> FORMATS_BY_EXTENSION = Map.of(
            "txt", "text", "text", "text", "html", "html", "htm", "html", "md", "markdown", "markdown", "markdown");

    private PrecisCli() {
    }

    /** What the command line runs on, built only once a command needs it (so usage errors stay fast). */
    public interface Context {
        EventDispatcher dispatcher();

        Evaluation evaluation();

        SweepService sweeps();

        JobService jobs();
    }

    static final String USAGE = """
            usage: precis analyze FILE|URL|-              brief for a .json request or event, a .txt, .html or .md article, or a page
                   precis eval TASK FILE.jsonl[.gz] --out PRED.jsonl [--half A|B] [--engine llm|auto] [--replay DIR]
                                                                     predictions and metrics (of one half, of the LLM engine)
                   precis sweep --source URL [--kind rss|atom|jsonfeed|sitemap|wordpress|ghost] [--key K] [--since T] [--until T]
                   precis batch FILE.jsonl --out DIR [--jobs N]   one brief per line (request or URL), resumable
            eval TASK: """
            + String.join(", ", Evaluation.taskNames());

    public static int run(String[] args, Supplier<Context> context, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("eval")) {
            return evaluate(new Arguments(args, 1), context, out, err);
        }
        if (args.length > 0 && (args[0].equals("sweep") || args[0].equals("batch"))) {
            return bulk(args, context, out, err);
        }
        if (args.length != 2 || !args[0].equals("analyze")) {
            err.println(USAGE);
            return 64;
        }
        LambdaEvent event;
        try {
            event = read(args[1]);
        } catch (CharacterCodingException e) {
            err.println(Json.write(problem(2, "The input is not valid UTF-8.")));
            return 2;
        } catch (NoSuchFileException e) {
            err.println(Json.write(problem(2, "No such file: " + args[1])));
            return 2;
        } catch (IOException e) {
            err.println(Json.write(problem(1, "Cannot read " + args[1] + ": " + e.getClass().getSimpleName())));
            return 1;
        }
        EventDispatcher dispatcher;
        try {
            dispatcher = context.get().dispatcher();
        } catch (RuntimeException e) {
            err.println(Json.write(problem(1, "Invalid configuration: " + e.getMessage())));
            return 1;
        }
        Outcome outcome = dispatcher.dispatch(event);
        String rendered = EventDispatcher.render(outcome);
        if (outcome.status() < 400) {
            out.println(rendered);
            return 0;
        }
        err.println(rendered);
        return outcome.status() >= 500 ? 1 : 2;
    }

    private static int evaluate(Arguments arguments, Supplier<Context> context, PrintStream out, PrintStream err) {
        if (arguments.positional().size() != 2 || arguments.value("--out") == null
                || !Evaluation.TASKS.containsKey(arguments.positional().get(0))
                || !arguments.hasOnly(List.of("--out", "--half", "--engine", "--replay"))) {
            err.println(USAGE);
            return 64;
        }
        String task = arguments.positional().get(0);
        Path input = Path.of(arguments.positional().get(1));
        Path output = Path.of(arguments.value("--out"));
        Half half;
        try {
            half = arguments.value("--half") == null ? null : Half.parse(arguments.value("--half"));
        } catch (IllegalArgumentException e) {
            err.println(USAGE);
            return 64;
        }
        String engine = arguments.value("--engine");
        if (engine != null && (!List.of("llm", "auto").contains(engine) || !task.equals("summarization"))) {
            err.println(Json.write(problem(2, "--engine takes llm or auto, and applies to the summarization task")));
            return 2;
        }
        if (arguments.value("--replay") != null) {
            // Read by the wiring the context builds next: answers come from, and new ones go to, that directory.
            System.setProperty("precis.llm.replay-dir", arguments.value("--replay"));
        }
        try {
            Map<String, Object> report = context.get().evaluation().run(task, input, output, half, engine);
            out.println(Json.write(report));
            return 0;
        } catch (ProblemException e) {
            err.println(Json.write(problem(2, input + " has a line that is not valid JSON: " + e.problem().detail())));
            return 2;
        } catch (CharacterCodingException e) {
            err.println(Json.write(problem(2, input + " is not valid UTF-8.")));
            return 2;
        } catch (NoSuchFileException e) {
            err.println(Json.write(problem(2, "No such file: " + input)));
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println(Json.write(problem(1, "Cannot evaluate " + input + ": " + e.getClass().getSimpleName())));
            return 1;
        }
    }

    private static int bulk(String[] args, Supplier<Context> context, PrintStream out, PrintStream err) {
        Arguments arguments = new Arguments(args, 1);
        try {
            return args[0].equals("sweep") ? SweepCommand.run(arguments, context.get().sweeps(), out, err)
                    : BatchCommand.run(arguments, context.get().jobs(), out, err);
        } catch (NoSuchFileException e) {
            err.println(Json.write(problem(2, "No such file: " + e.getFile())));
            return 2;
        } catch (CharacterCodingException e) {
            err.println(Json.write(problem(2, "The input is not valid UTF-8.")));
            return 2;
        } catch (NumberFormatException e) {
            err.println(Json.write(problem(2, "--jobs takes a whole number")));
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println(Json.write(problem(1, "The command failed: " + e.getClass().getSimpleName())));
            return 1;
        }
    }

    /** A JSONL file's lines, strictly UTF-8. */
    static List<String> readLines(Path path) throws IOException {
        return List.of(strictUtf8(Files.readAllBytes(path)).split("\\R"));
    }

    private static LambdaEvent read(String source) throws IOException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.put("url", source);
            return LambdaEvent.of(request);
        }
        Path path = source.equals("-") ? null : Path.of(source);
        String content = strictUtf8(path == null ? System.in.readAllBytes() : Files.readAllBytes(path));
        if (path == null) {
            return LambdaEvent.parse(content);
        }
        String name = path.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String format = FORMATS_BY_EXTENSION.get(extension);
        if (format == null) {
            return LambdaEvent.parse(content);
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("id", name);
        request.put("body", content);
        request.put("format", format);
        return LambdaEvent.of(request);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    static JsonNode problem(int exit, String detail) {
        return JsonNodeFactory.instance.objectNode()
                .put("type", "urn:precis:problem:cli")
                .put("title", exit == 2 ? "Bad input" : "Internal error")
                .put("status", exit == 2 ? 400 : 500)
                .put("detail", detail);
    }

}
