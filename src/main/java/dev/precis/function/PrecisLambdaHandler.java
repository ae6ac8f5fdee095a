package dev.precis.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.funqy.lambda.FunqyStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda handler: Funqy's stream handler, after noting the invocation's remaining time, which Funqy
 * does not pass on to functions. Queue and batch work uses it to stop before Lambda would cut it off.
 */
public final class PrecisLambdaHandler implements RequestStreamHandler {

    private final FunqyStreamHandler funqy = new FunqyStreamHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        if (context != null) {
            InvocationDeadline.set(context.getRemainingTimeInMillis());
        }
        try {
            funqy.handleRequest(input, output, context);
        } finally {
            InvocationDeadline.clear();
        }
    }
}
