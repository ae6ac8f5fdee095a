package dev.precis.infra;

import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;

/**
 * Access log settings for an HTTP API stage. A plain class, not a record: jsii maps Java methods onto the
 * interface, and a record's {@code format()} accessor would clash with the {@code format} property.
 */
final class AccessLogs implements IAccessLogSettings {

    private final IAccessLogDestination destination;
    private final AccessLogFormat format;

    AccessLogs(IAccessLogDestination destination, AccessLogFormat format) {
        this.destination = destination;
        this.format = format;
    }

    @Override
    public IAccessLogDestination getDestination() {
        return destination;
    }

    @Override
    public AccessLogFormat getFormat() {
        return format;
    }
}
