package dev.precis.engine.entity;

import dev.precis.engine.AnnotatedDocument;
import dev.precis.engine.PipelineStage;

import java.util.List;

/** Recognizes names and resolves them into typed entities with aliases and salience. */
public final class EntityStage implements PipelineStage {

    private final EntityRecognizer recognizer;
    private final EntityResolver resolver = new EntityResolver();

    public EntityStage(EntityRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public void process(AnnotatedDocument document) {
        List<EntityMention> mentions = recognizer.recognize(document);
        document.setEntities(mentions, resolver.resolve(mentions));
    }
}
