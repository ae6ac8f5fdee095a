package dev.precis.infra;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.DistributedMap;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.IItemReader;
import software.amazon.awscdk.services.stepfunctions.ItemBatcher;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.ResultWriterV2;
import software.amazon.awscdk.services.stepfunctions.S3CsvItemReader;
import software.amazon.awscdk.services.stepfunctions.S3JsonLItemReader;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.util.List;

/**
 * Backfills (SPEC §12): a Step Functions Distributed Map reads a manifest the caller uploaded under
 * {@code backfills/} ({@code {"key": "backfills/archive.jsonl"}} as the execution's input), hands the function
 * batches of items (the {@code Items} event), and writes what each batch answered under
 * {@code backfills/results/}. A batch in which any item failed fails its child execution, so the failures
 * count against the tolerated percentage and are listed, with their reasons, in the results.
 */
final class Backfill extends Construct {

    private final StateMachine stateMachine;

    Backfill(Construct scope, String id, Alias alias, Bucket bucket, BulkSettings settings, LogGroup logs, Alarms alarms) {
        super(scope, id);
        LambdaInvoke analyze = LambdaInvoke.Builder.create(this, "AnalyzeBatch")
                .lambdaFunction(alias)
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .build();
        Fail itemsFailed = Fail.Builder.create(this, "ItemsFailed")
                .error("ItemsFailed")
                .causePath(JsonPath.jsonToString(JsonPath.objectAt("$.items")))
                .build();
        Choice anyFailed = new Choice(this, "AnyItemFailed")
                .when(Condition.numberGreaterThan("$.failed", 0), itemsFailed)
                .otherwise(new Succeed(this, "BatchAnalyzed"));

        DistributedMap map = DistributedMap.Builder.create(this, "AnalyzeArchive")
                .itemReader(reader(bucket, settings.backfillFormat()))
                .itemBatcher(batcher(settings))
                .maxConcurrency(settings.backfillMaxConcurrency())
                // Each batch finishes within the function's timeout, well inside an Express workflow's five minutes.
                .mapExecutionType(StateMachineType.EXPRESS)
                .toleratedFailurePercentage(settings.backfillToleratedFailurePercent())
                .resultWriterV2(ResultWriterV2.Builder.create().bucket(bucket).prefix(ResultsBucket.BACKFILL_RESULTS_PREFIX).build())
                .build();
        map.itemProcessor(analyze.next(anyFailed));

        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .comment("precis backfill: analyze every article in an S3 manifest")
                .definitionBody(DefinitionBody.fromChainable(map))
                .stateMachineType(StateMachineType.STANDARD)
                .tracingEnabled(true)
                // Execution data would put article text in the logs; states and errors are enough to follow a run.
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .timeout(Duration.days(7))
                .build();
        alarms.watch("BackfillFailed", stateMachine.metricFailed(Alarms.sum()), 1,
                "A backfill failed: more items failed than tolerated, or the manifest could not be read.");
        NagSuppressions.addResourceSuppressions(stateMachine, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Step Functions' own grants for a Distributed Map: reading manifests and writing results in this "
                        + "stack's results bucket (object keys are only known at run time), invoking the function's live alias "
                        + "(':*' for its versions), managing the map's own child executions, and X-Ray, which has no resource "
                        + "level permissions.")
                .build()), true);
    }

    /** CSV rows are marked as such, so the function keeps their request columns and drops the rest. */
    private static ItemBatcher batcher(BulkSettings settings) {
        ItemBatcher.Builder batcher = ItemBatcher.Builder.create().maxItemsPerBatch(settings.backfillBatchSize());
        if (settings.backfillFormat().equals("csv")) {
            batcher.batchInput(JsonNodeFactory.instance.objectNode().put("format", "csv"));
        }
        return batcher.build();
    }

    private static IItemReader reader(Bucket bucket, String format) {
        String key = JsonPath.stringAt("$.key");
        return format.equals("csv") ? S3CsvItemReader.Builder.create().bucket(bucket).key(key).build()
                : S3JsonLItemReader.Builder.create().bucket(bucket).key(key).build();
    }

    StateMachine stateMachine() {
        return stateMachine;
    }
}
