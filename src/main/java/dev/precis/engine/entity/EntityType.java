package dev.precis.engine.entity;

/** What a name refers to; UNKNOWN only lives until mentions are grouped and typed. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, UNKNOWN
}
