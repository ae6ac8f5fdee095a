package dev.precis.engine;

/** One named step of the analysis; it reads the document and fills its own slot of it. */
public interface PipelineStage {

    /** The name used to switch the stage off in configuration ({@code precis.engine.disabled-stages}). */
    String name();

    void process(AnnotatedDocument document);
}
