package dev.precis.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line arguments: {@code --name value} options, and the rest as positional arguments, in order. */
final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    Arguments(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
    }

    String value(String option) {
        return options.get(option);
    }

    List<String> positional() {
        return positional;
    }

    boolean hasOnly(List<String> allowed) {
        return allowed.containsAll(options.keySet());
    }
}
