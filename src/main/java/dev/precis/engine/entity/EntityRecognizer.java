package dev.precis.engine.entity;

import dev.precis.engine.AnnotatedDocument;

import java.util.List;

/** Finds the names in a document, each occurrence on its own, in text order. */
public interface EntityRecognizer {

    List<EntityMention> recognize(AnnotatedDocument document);
}
