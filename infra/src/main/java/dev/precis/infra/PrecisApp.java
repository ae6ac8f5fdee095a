package dev.precis.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** The CDK app: one stack, configured by context (see cdk.json and the README's "Deploy to AWS"). */
public final class PrecisApp {

    private PrecisApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        DeploymentSettings settings = DeploymentSettings.fromContext(app.getNode()::tryGetContext);
        new PrecisStack(app, "Precis", StackProps.builder()
                .description("precis: summarizes and tags news articles (Lambda + HTTP API)")
                .build(), settings);
        app.synth();
    }
}
