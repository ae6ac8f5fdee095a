package dev.precis.engine;

/** The body held no words once markup and page furniture were removed. */
public class EmptyArticleException extends RuntimeException {

    public EmptyArticleException(String message) {
        super(message, null, false, false);
    }
}
