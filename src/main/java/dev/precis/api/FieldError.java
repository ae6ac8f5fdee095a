package dev.precis.api;

/** One problem with one part of the request; {@code field} is a JSON Pointer ("" for the whole document). */
public record FieldError(String field, String message) {
}
