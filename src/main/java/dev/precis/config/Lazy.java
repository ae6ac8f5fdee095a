package dev.precis.config;

import java.util.function.Supplier;

/**
 * A value made on first use and kept for the life of the container (a secret read from AWS, a client built
 * from it). A failure is not kept: the next use tries again.
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private volatile T value;

    private Lazy(Supplier<T> maker) {
        this.maker = maker;
    }

    static <T> Lazy<T> of(Supplier<T> maker) {
        return new Lazy<>(maker);
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = maker.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
